import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { ValidationIssue } from "../../../shared/api/errors.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { Db } from "../../db/database.js";
import { isVisibleIn, visibleIn } from "../../db/tree.js";
import { type ActorGrant, allows, roleOn } from "../identity/access.js";

/**
 * Whether the records a rule, template or schedule names may be used in its entity. Each
 * answers a reason for the refusal, or null; the services turn reasons into issues.
 */
export async function groupProblem(db: Db, groupId: number, entityId: number): Promise<string | null> {
  const group = await db.selectFrom("user_group").select(["entity_id", "recursive"]).where("id", "=", groupId).executeTakeFirst();
  if (!group) return "group not found";
  if (group.entity_id === entityId) return null;
  // A group of a parent entity serves its sub-entities only when it is recursive (company-wide N2 teams).
  return group.recursive === 1 && (await isVisibleIn(db, group.entity_id, entityId)) ? null : "group outside the entity";
}

export async function technicianProblem(db: Db, userId: number, entityId: number): Promise<string | null> {
  const user = await db.selectFrom("app_user").select(["id", "is_active", "login"]).where("id", "=", userId).executeTakeFirst();
  if (!user || user.is_active !== 1) return "user not found";
  const grants = await db.selectFrom("role_grant").select(["entity_id", "role", "recursive"]).where("user_id", "=", userId).execute();
  const actor = { kind: "session" as const, userId, name: user.login,
    grants: grants.map((g) => ({ entityId: g.entity_id, role: g.role as Role, recursive: g.recursive === 1 }) satisfies ActorGrant) };
  return allows(await roleOn(db, actor, entityId), "ticket.write") ? null : "not a technician of the entity";
}

export async function userProblem(db: Db, userId: number): Promise<string | null> {
  const user = await db.selectFrom("app_user").select("id").where("id", "=", userId).where("is_active", "=", 1).executeTakeFirst();
  return user ? null : "user not found";
}

export async function categoryProblem(db: Db, categoryId: number, entityId: number): Promise<string | null> {
  const row = await db.selectFrom("ticket_category").select(["id", "is_active"]).where("id", "=", categoryId)
    .where(visibleIn("entity_id", entityId)).executeTakeFirst();
  if (!row) return "category not found in the entity";
  return row.is_active === 1 ? null : "inactive category";
}

/** A template or canned response is usable in its own entity, and in the sub-entities when recursive. */
export function usableIn(entityId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`(entity_id = ${entityId} or (is_recursive = 1 and entity_id in (select ancestor_id from entity_closure where descendant_id = ${entityId})))`;
}

export async function templateProblem(db: Db, templateId: number, entityId: number): Promise<string | null> {
  const row = await db.selectFrom("ticket_template").select(["id", "is_active"]).where("id", "=", templateId)
    .where(usableIn(entityId)).executeTakeFirst();
  if (!row) return "template not found in the entity";
  return row.is_active === 1 ? null : "inactive template";
}

/** Collects issues: `check` answers a reason or null for the value at `path`. */
export async function collect(issues: ValidationIssue[], path: string, check: Promise<string | null>): Promise<void> {
  const problem = await check;
  if (problem) issues.push({ path, message: problem });
}
