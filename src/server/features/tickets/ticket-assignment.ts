import type { Db } from "../../db/database.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { type Actor, type ActorGrant, allows, assertCan, roleOn } from "../identity/access.js";

/** The assignee must be staff of the ticket's entity; the group must be one the actor may see there. */
export async function checkAssignment(db: Db, actor: Actor, entityId: number, assigneeId?: number | null, groupId?: number | null) {
  if (assigneeId) {
    const user = await db.selectFrom("app_user").select(["id", "is_active"]).where("id", "=", assigneeId).executeTakeFirst();
    const staff = user && user.is_active === 1 && allows(await roleOn(db, { ...actor, grants: await grantsOf(db, assigneeId) }, entityId), "ticket.write");
    if (!staff) throw new AppError("VALIDATION_FAILED", "The assignee is not a technician of this entity", [{ path: "body.assigneeId", message: "not a technician of this entity" }]);
  }
  if (groupId) {
    const group = await db.selectFrom("user_group").select(["id", "entity_id"]).where("id", "=", groupId).executeTakeFirst();
    if (!group) throw notFound("GROUP_NOT_FOUND", `Group ${groupId}`);
    await assertCan(db, actor, "group.read", group.entity_id).catch(async () => {
      // A recursive group of a parent entity is valid too (company-wide N2 teams).
      const parentGroup = await db.selectFrom("user_group").select("id").where("id", "=", groupId).where("recursive", "=", 1)
        .where("entity_id", "in", db.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", entityId))
        .executeTakeFirst();
      if (!parentGroup) throw forbidden();
    });
  }
}

async function grantsOf(db: Db, userId: number) {
  const rows = await db.selectFrom("role_grant").select(["entity_id", "role", "recursive"]).where("user_id", "=", userId).execute();
  return rows.map((r) => ({ entityId: r.entity_id, role: r.role as ActorGrant["role"], recursive: Boolean(r.recursive) }));
}

