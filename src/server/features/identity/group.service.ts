import type { Page } from "../../../shared/api/common.js";
import {
  type AddGroupMemberBody, AddGroupMemberBodySchema, type CreateGroupBody, CreateGroupBodySchema, type Group,
  type GroupMember, type ListGroupsQuery, type UpdateGroupBody,
} from "../../../shared/api/groups.js";
import type { PageQuerySchema } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import { contains } from "../../db/dialect.js";
import { flag, foldText, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { assertCan, entityScope, inEntity, inScope, type EntityScope } from "./access.js";
import { findEntityRow } from "./entity.repo.js";
import { findUserRow } from "./user.repo.js";
import type { z } from "zod";
import { type RawBuilder, type SqlBool, sql } from "kysely";

function selectGroups(db: Db) {
  return db
    .selectFrom("user_group as g")
    .innerJoin("entity as e", "e.id", "g.entity_id")
    .selectAll("g")
    .select("e.complete_name as entity_name")
    .select((eb) =>
      eb.selectFrom("group_member as m").select((m) => m.fn.countAll<number>().as("n")).whereRef("m.group_id", "=", "g.id").as("member_count"),
    )
    .$narrowType<{ member_count: number }>();
}

type GroupListRow = Awaited<ReturnType<ReturnType<typeof selectGroups>["executeTakeFirstOrThrow"]>>;

function toGroup(row: GroupListRow): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entityId: row.entity_id,
    entityName: row.entity_name,
    recursive: Boolean(row.recursive),
    memberCount: Number(row.member_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * A group is visible where the actor may read groups, and also below its entity when it is
 * recursive: a technician of "Lyon" sees the "Hotline N1" group defined for the whole company.
 */
function visibleGroup(scope: EntityScope): RawBuilder<SqlBool> {
  const scopeEntities = sql`select descendant_id from entity_closure where ${inScope("descendant_id", scope)}`;
  const ancestors = sql`select ancestor_id from entity_closure where descendant_id in (${scopeEntities})`;
  return sql<SqlBool>`(${inScope("g.entity_id", scope)} or (g.recursive = 1 and g.entity_id in (${ancestors})))`;
}

export async function listGroups(ctx: Ctx, query: ListGroupsQuery): Promise<Page<Group>> {
  const scope = entityScope(ctx.actor, "group.read");
  let q = selectGroups(ctx.db).where(visibleGroup(scope));
  if (query.entityId) q = q.where(inEntity("g.entity_id", query.entityId as number, query.recursive));
  if (query.q) q = q.where(contains("g.sort_name", foldText(query.q)));
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("g.sort_name", "g.id"), ">", eb.tuple(name as string, id as number)));
  }
  const rows = await q.orderBy("g.sort_name").orderBy("g.id").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toGroup, (r) => [r.sort_name, r.id]);
}

async function loadVisibleGroup(ctx: Ctx, id: number): Promise<GroupListRow> {
  const scope = entityScope(ctx.actor, "group.read");
  const row = await selectGroups(ctx.db).where("g.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("GROUP_NOT_FOUND", `Group ${id}`);
  const visible = await selectGroups(ctx.db).where("g.id", "=", id).where(visibleGroup(scope)).executeTakeFirst();
  if (!visible) await assertCan(ctx.db, ctx.actor, "group.read", row.entity_id);
  return row;
}

export async function getGroup(ctx: Ctx, id: number): Promise<Group> {
  return toGroup(await loadVisibleGroup(ctx, id));
}

async function findGroupRowForWrite(db: Db, ctx: Ctx, id: number) {
  const row = await db.selectFrom("user_group").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("GROUP_NOT_FOUND", `Group ${id}`);
  await assertCan(db, ctx.actor, "group.write", row.entity_id);
  return row;
}

export async function createGroup(ctx: Ctx, input: CreateGroupBody): Promise<Group> {
  const body = CreateGroupBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
    await assertCan(trx, ctx.actor, "group.write", body.entityId);
    const at = now();
    const row = await trx
      .insertInto("user_group")
      .values({ name: body.name, sort_name: foldText(body.name), description: body.description ?? null,
        entity_id: body.entityId, recursive: flag(body.recursive), created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "group", recordId: row.id, entityId: body.entityId, action: "create", label: body.name });
    return row.id;
  });
  return getGroup(ctx, id);
}

export async function updateGroup(ctx: Ctx, id: number, body: UpdateGroupBody): Promise<Group> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findGroupRowForWrite(trx, ctx, id);
    if (body.entityId !== undefined && body.entityId !== row.entity_id) {
      if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
      await assertCan(trx, ctx.actor, "group.write", body.entityId);
    }
    const changes = diffFields({ name: row.name, description: row.description, entityId: row.entity_id,
      recursive: Boolean(row.recursive) }, body);
    if (changes.length === 0) return;
    const name = body.name ?? row.name;
    await trx.updateTable("user_group").set({
      name, sort_name: foldText(name),
      description: body.description === undefined ? row.description : body.description || null,
      entity_id: body.entityId ?? row.entity_id,
      recursive: body.recursive === undefined ? row.recursive : flag(body.recursive),
      updated_at: now(),
    }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "group", recordId: id, entityId: body.entityId ?? row.entity_id,
      action: "update", changes });
  });
  return getGroup(ctx, id);
}

export async function deleteGroup(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findGroupRowForWrite(trx, ctx, id);
    await recordHistory(trx, ctx.actor, { recordType: "group", recordId: id, entityId: row.entity_id, action: "delete", label: row.name });
    await trx.deleteFrom("user_group").where("id", "=", id).execute();
  });
}

export async function listGroupMembers(ctx: Ctx, id: number, page: z.infer<typeof PageQuerySchema>): Promise<Page<GroupMember>> {
  await loadVisibleGroup(ctx, id);
  let q = ctx.db
    .selectFrom("group_member as m")
    .innerJoin("app_user as u", "u.id", "m.user_id")
    .select(["u.id", "u.login", "u.first_name", "u.last_name", "u.sort_name", "m.is_manager"])
    .where("m.group_id", "=", id);
  if (page.cursor) {
    const [name, uid] = decodeCursor(page.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("u.sort_name", "u.id"), ">", eb.tuple(name as string, uid as number)));
  }
  const rows = await q.orderBy("u.sort_name").orderBy("u.id").limit(page.limit + 1).execute();
  return toPage(rows, page.limit,
    (r) => ({ userId: r.id, login: r.login, firstName: r.first_name, lastName: r.last_name, isManager: Boolean(r.is_manager) }),
    (r) => [r.sort_name, r.id]);
}

export async function addGroupMember(ctx: Ctx, id: number, input: AddGroupMemberBody): Promise<GroupMember> {
  const body = AddGroupMemberBodySchema.parse(input);
  return ctx.db.transaction().execute(async (trx) => {
    const group = await findGroupRowForWrite(trx, ctx, id);
    const user = await findUserRow(trx, body.userId);
    if (!user) throw notFound("USER_NOT_FOUND", `User ${body.userId}`);
    await assertCan(trx, ctx.actor, "user.read", user.entity_id);
    const existing = await trx.selectFrom("group_member").select("is_manager")
      .where("group_id", "=", id).where("user_id", "=", user.id).executeTakeFirst();
    if (existing) throw new AppError("CONFLICT", `${user.login} is already a member`);
    await trx.insertInto("group_member").values({ group_id: id, user_id: user.id, is_manager: flag(body.isManager), created_at: now() }).execute();
    await recordHistory(trx, ctx.actor, { recordType: "group", recordId: id, entityId: group.entity_id, action: "link", field: "member",
      label: `${user.first_name} ${user.last_name} (${user.login})` });
    return { userId: user.id, login: user.login, firstName: user.first_name, lastName: user.last_name, isManager: body.isManager };
  });
}

export async function removeGroupMember(ctx: Ctx, id: number, userId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const group = await findGroupRowForWrite(trx, ctx, id);
    const user = await findUserRow(trx, userId);
    const deleted = await trx.deleteFrom("group_member").where("group_id", "=", id).where("user_id", "=", userId).executeTakeFirst();
    if (!user || Number(deleted.numDeletedRows) === 0) throw notFound("USER_NOT_FOUND", `Member ${userId}`);
    await recordHistory(trx, ctx.actor, { recordType: "group", recordId: id, entityId: group.entity_id, action: "unlink", field: "member",
      label: `${user.first_name} ${user.last_name} (${user.login})` });
  });
}
