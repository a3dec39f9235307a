import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden } from "../../http/errors.js";
import { allows, roleOn } from "./access.js";
import { findRootEntityRow } from "./entity.repo.js";

/**
 * Settings that apply to every entity (inventory rules, agent logins, alerts) are for the
 * administrators of the root entity: its id when the actor is one, else undefined.
 */
export async function administeredRoot(db: Db, ctx: Ctx): Promise<number | undefined> {
  const root = await findRootEntityRow(db);
  if (!root) throw new AppError("INTERNAL", "No root entity");
  return allows(await roleOn(db, ctx.actor, root.id), "entity.write") ? root.id : undefined;
}

/** The root entity's id, or FORBIDDEN for anyone but its administrators. */
export async function assertRootAdmin(db: Db, ctx: Ctx): Promise<number> {
  const rootId = await administeredRoot(db, ctx);
  if (rootId === undefined) throw forbidden();
  return rootId;
}
