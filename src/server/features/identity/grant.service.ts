import type { Page } from "../../../shared/api/common.js";
import { type CreateGrantBody, CreateGrantBodySchema, type Grant, type ListGrantsQuery } from "../../../shared/api/grants.js";
import type { Role } from "../../../shared/domain/roles.js";
import { roleRank } from "../../../shared/domain/roles.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { assertCan, entityScope, inScope, roleOn } from "./access.js";
import { findEntityRow } from "./entity.repo.js";
import { countOtherAdmins, findUserRow } from "./user.repo.js";

function selectGrants(db: Db) {
  return db
    .selectFrom("role_grant as g")
    .innerJoin("app_user as u", "u.id", "g.user_id")
    .innerJoin("entity as e", "e.id", "g.entity_id")
    .select(["g.id", "g.user_id", "g.entity_id", "g.role", "g.recursive", "g.created_at", "u.login",
      "u.first_name", "u.last_name", "u.entity_id as user_entity_id", "e.complete_name"]);
}

type GrantRow = Awaited<ReturnType<ReturnType<typeof selectGrants>["executeTakeFirstOrThrow"]>>;

function toGrant(row: GrantRow): Grant {
  return {
    id: row.id, userId: row.user_id, userLogin: row.login, userName: `${row.first_name} ${row.last_name}`,
    entityId: row.entity_id, entityName: row.complete_name, role: row.role as Role,
    recursive: Boolean(row.recursive), createdAt: row.created_at,
  };
}

/** A grant as history stores it: structured, so the web app can show the role in the reader's language. */
function describe(row: { role: string; recursive: number }, entityName: string): string {
  return JSON.stringify({ role: row.role, entity: entityName, recursive: Boolean(row.recursive) });
}

/** Grants on entities where the actor may read users, for users the actor may read. */
export async function listGrants(ctx: Ctx, query: ListGrantsQuery): Promise<Page<Grant>> {
  const scope = entityScope(ctx.actor, "user.read");
  let q = selectGrants(ctx.db).where(inScope("g.entity_id", scope)).where(inScope("u.entity_id", scope));
  if (query.userId) q = q.where("g.user_id", "=", query.userId);
  if (query.entityId) q = q.where("g.entity_id", "=", query.entityId);
  if (query.cursor) q = q.where("g.id", ">", decodeCursor(query.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("g.id").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toGrant, (r) => [r.id]);
}

/** Grants a role, or changes the role a user already holds on that entity. */
export async function createGrant(ctx: Ctx, input: CreateGrantBody): Promise<Grant> {
  const body = CreateGrantBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const entity = await findEntityRow(trx, body.entityId);
    if (!entity) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
    const user = await findUserRow(trx, body.userId);
    if (!user) throw notFound("USER_NOT_FOUND", `User ${body.userId}`);
    await assertCan(trx, ctx.actor, "grant.write", entity.id);
    await assertCan(trx, ctx.actor, "user.read", user.entity_id);
    const own = await roleOn(trx, ctx.actor, entity.id);
    if (!own || roleRank(body.role) > roleRank(own)) throw forbidden();
    const existing = await trx.selectFrom("role_grant").selectAll()
      .where("user_id", "=", user.id).where("entity_id", "=", entity.id).executeTakeFirst();
    const values = { role: body.role, recursive: flag(body.recursive) };
    if (existing) {
      await trx.updateTable("role_grant").set(values).where("id", "=", existing.id).execute();
      await recordHistory(trx, ctx.actor, { recordType: "user", recordId: user.id, entityId: user.entity_id, action: "update",
        changes: [{ field: "role", oldValue: describe(existing, entity.complete_name), newValue: describe(values, entity.complete_name) }] });
      return existing.id;
    }
    const row = await trx.insertInto("role_grant")
      .values({ user_id: user.id, entity_id: entity.id, ...values, created_at: now() })
      .returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "user", recordId: user.id, entityId: user.entity_id, action: "link",
      field: "role", label: describe(values, entity.complete_name) });
    return row.id;
  });
  const row = await selectGrants(ctx.db).where("g.id", "=", id).executeTakeFirstOrThrow();
  return toGrant(row);
}

export async function deleteGrant(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await selectGrants(trx).where("g.id", "=", id).executeTakeFirst();
    if (!row) throw notFound("NOT_FOUND", `Grant ${id}`);
    await assertCan(trx, ctx.actor, "grant.write", row.entity_id);
    if (row.role === "admin") {
      const others = await countOtherAdmins(trx, row.user_id);
      const ownOtherAdmin = await trx.selectFrom("role_grant").select("id").where("user_id", "=", row.user_id)
        .where("role", "=", "admin").where("id", "!=", id).executeTakeFirst();
      if (others === 0 && !ownOtherAdmin) throw new AppError("LAST_ADMIN", "The last administrator grant cannot be removed");
    }
    await trx.deleteFrom("role_grant").where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "user", recordId: row.user_id, entityId: row.user_entity_id,
      action: "unlink", field: "role", label: describe(row, row.complete_name) });
  });
}
