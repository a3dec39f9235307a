import type { Db } from "../../db/database.js";
import { foldText } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { findRootEntityRow } from "../identity/entity.repo.js";
import { allows, assertCan, entityScope, roleOn } from "../identity/access.js";

/**
 * Kinds, manufacturers and models are global: anyone who reads the fleet somewhere reads them
 * (entityScope throws FORBIDDEN for the others).
 */
export function assertCanReadFleet(ctx: Ctx): void {
  entityScope(ctx.actor, "asset.read");
}

/** Changing a global list is for those who manage the fleet at the root: it affects every entity. Returns the root's id, the history's entity. */
export async function assertCanManageGlobal(db: Db, ctx: Ctx): Promise<number> {
  const root = await findRootEntityRow(db);
  if (!root) throw new AppError("INTERNAL", "No root entity");
  await assertCan(db, ctx.actor, "asset.manage", root.id);
  return root.id;
}

/** A duplicate name: a 409 pointing at the field, so the form shows it there. */
export function nameTaken(what: string, name: string, path = "body.name"): AppError {
  return new AppError("CONFLICT", `${what} "${name}" already exists`, [{ path, message: "already exists" }]);
}

/** Duplicates are refused whatever their case or accents ("DELL" and "Dell", "Écran" and "ecran"). */
export function sameName(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

/** Whether the actor may change the global lists, so the web app shows their buttons only to those who may. */
export async function canManageGlobal(db: Db, ctx: Ctx): Promise<boolean> {
  const root = await findRootEntityRow(db);
  return root !== undefined && allows(await roleOn(db, ctx.actor, root.id), "asset.manage");
}
