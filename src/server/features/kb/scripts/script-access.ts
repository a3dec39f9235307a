/**
 * Who sees which script. A script belongs to an entity and serves it and its sub-entities, as
 * ticket categories do: the starter library on the root entity serves every client. Staff see the
 * scripts of their entities' branches (kb.read); requesters the active portal ones (portal.use).
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../../db/database.js";
import type { KbScriptRow } from "../../../db/schema.js";
import { notFound } from "../../../http/errors.js";
import { type Actor, type EntityScope, allows, entityScope, inScope, roleOn } from "../../identity/access.js";

export type ScriptAudience = "staff" | "portal";

/** `column` is an entity that is, or is a parent of, one of the scope's entities. */
export function servesScope(column: string, scope: EntityScope): RawBuilder<SqlBool> {
  if (scope.everything) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(column)} in (select ancestor_id from entity_closure where ${inScope("descendant_id", scope)})`;
}

/** Staff when the actor may read the KB somewhere, else the portal (FORBIDDEN for neither). */
export function audienceOf(actor: Actor): { audience: ScriptAudience; scope: EntityScope } {
  if (actor.grants.some((g) => allows(g.role, "kb.read"))) return { audience: "staff", scope: entityScope(actor, "kb.read") };
  return { audience: "portal", scope: entityScope(actor, "portal.use") };
}

/**
 * A script the actor may see and run: visible in at least one entity of their scope (a portal
 * script, active, for requesters). Anything else is answered as absent, so its existence does not leak.
 */
export async function loadVisibleScript(db: Db, actor: Actor, id: number): Promise<{ row: KbScriptRow; audience: ScriptAudience }> {
  const { audience, scope } = audienceOf(actor);
  let q = db.selectFrom("kb_script").selectAll().where("id", "=", id).where(servesScope("entity_id", scope));
  if (audience === "portal") q = q.where("for_portal", "=", 1).where("is_active", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("SCRIPT_NOT_FOUND", `Script ${id}`);
  return { row, audience };
}

/** Whether the script serves `entityId` (its entity or a parent of it). */
export async function scriptServes(db: Db, script: KbScriptRow, entityId: number): Promise<boolean> {
  const link = await db.selectFrom("entity_closure").select("depth")
    .where("ancestor_id", "=", script.entity_id).where("descendant_id", "=", entityId).executeTakeFirst();
  return link !== undefined;
}

export async function canManageScript(db: Db, actor: Actor, entityId: number): Promise<boolean> {
  return allows(await roleOn(db, actor, entityId), "kb.manage");
}
