import type { Page } from "../../../shared/api/common.js";
import {
  type CreateUserBody, CreateUserBodySchema, type ListUsersQuery, type UpdateUserBody, type User,
} from "../../../shared/api/users.js";
import type { Language } from "../../../shared/domain/limits.js";
import { looksLikePhone, phoneDigits } from "../../../shared/domain/phone.js";
import type { Db } from "../../db/database.js";
import { startsWith } from "../../db/dialect.js";
import { flag, foldText, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { type Actor, assertCan, entityScope, inEntity, inScope } from "./access.js";
import { findEntityRow } from "./entity.repo.js";
import { hashPassword } from "./password.js";
import { type UserListRow, countOtherAdmins, findUserRow, selectUsers } from "./user.repo.js";

export function toUser(row: UserListRow): User {
  return {
    id: row.id,
    login: row.login,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    jobTitle: row.job_title,
    entityId: row.entity_id,
    entityName: row.entity_name,
    language: row.language as Language,
    timeZone: row.time_zone,
    isActive: Boolean(row.is_active),
    hasPassword: Boolean(row.has_password),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function sortName(lastName: string, firstName: string): string {
  return foldText(`${lastName} ${firstName}`);
}

const SORT_KEYS = {
  name: { column: "u.sort_name", cursor: (r: UserListRow) => [r.sort_name, r.id] },
  login: { column: "u.login", cursor: (r: UserListRow) => [r.login, r.id] },
  created: { column: "u.id", cursor: (r: UserListRow) => [r.id, r.id] },
} as const;

export async function listUsers(ctx: Ctx, query: ListUsersQuery): Promise<Page<User>> {
  const scope = entityScope(ctx.actor, "user.read");
  let q = selectUsers(ctx.db).where(inScope("u.entity_id", scope));
  if (query.entityId) q = q.where(inEntity("u.entity_id", query.entityId as number, query.recursive));
  if (query.isActive !== undefined) q = q.where("u.is_active", "=", flag(query.isActive));
  if (query.groupId) {
    const members = ctx.db.selectFrom("group_member").select("user_id").where("group_id", "=", query.groupId);
    q = q.where("u.id", "in", members);
  }
  if (query.q && looksLikePhone(query.q)) {
    // The hotline types the number shown on the phone: match it from its first digits.
    const digits = phoneDigits(query.q) as string;
    q = q.where((eb) => eb.or([startsWith("u.phone_digits", digits), startsWith("u.mobile_digits", digits)]));
  } else if (query.q) {
    const text = foldText(query.q);
    q = q.where((eb) => eb.or([startsWith("u.sort_name", text), startsWith("u.login", text), startsWith("u.email", text)]));
  }
  const sort = SORT_KEYS[query.sort];
  if (query.cursor) {
    const types = query.sort === "created" ? (["number", "number"] as const) : (["string", "number"] as const);
    const [value, id] = decodeCursor(query.cursor, [...types]);
    q = q.where((eb) => eb(eb.refTuple(sort.column, "u.id"), ">", eb.tuple(value as never, id as number)));
  }
  const rows = await q.orderBy(sort.column).orderBy("u.id").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toUser, sort.cursor);
}

export async function getUser(ctx: Ctx, id: number): Promise<User> {
  const row = await selectUsers(ctx.db).where("u.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("USER_NOT_FOUND", `User ${id}`);
  await assertCan(ctx.db, ctx.actor, "user.read", row.entity_id);
  return toUser(row);
}

/** Inserts a user after the caller has checked rights; shared by the API, setup, CSV import and the CLI. */
export async function insertUser(db: Db, actor: Actor | undefined, body: ReturnType<typeof CreateUserBodySchema.parse>) {
  const login = body.login.toLowerCase();
  const taken = await db.selectFrom("app_user").select("id").where("login", "=", login).executeTakeFirst();
  if (taken) throw new AppError("LOGIN_TAKEN", `Login ${login} is already used`);
  const at = now();
  const row = await db
    .insertInto("app_user")
    .values({
      login, first_name: body.firstName, last_name: body.lastName, sort_name: sortName(body.lastName, body.firstName),
      email: body.email?.toLowerCase() ?? null, phone: body.phone ?? null, mobile: body.mobile ?? null,
      phone_digits: phoneDigits(body.phone), mobile_digits: phoneDigits(body.mobile),
      job_title: body.jobTitle ?? null, entity_id: body.entityId, language: body.language,
      time_zone: body.timeZone ?? null, password_hash: body.password ? await hashPassword(body.password) : null,
      is_active: flag(body.isActive), created_at: at, updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordHistory(db, actor, { recordType: "user", recordId: row.id, entityId: body.entityId, action: "create",
    label: `${body.firstName} ${body.lastName} (${login})` });
  return row.id;
}

export async function createUser(ctx: Ctx, input: CreateUserBody): Promise<User> {
  const body = CreateUserBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
    await assertCan(trx, ctx.actor, "user.write", body.entityId);
    return insertUser(trx, ctx.actor, body);
  });
  return getUser(ctx, id);
}

/** Applies a change after the caller has checked rights; shared by the API and the CSV import. */
export async function applyUserUpdate(db: Db, actor: Actor, id: number, body: UpdateUserBody): Promise<void> {
  const row = await findUserRow(db, id);
  if (!row) throw notFound("USER_NOT_FOUND", `User ${id}`);
  const deactivating = body.isActive === false && row.is_active === 1;
  if (deactivating && (await countOtherAdmins(db, id)) === 0) {
    throw new AppError("LAST_ADMIN", "The last administrator cannot be deactivated");
  }
  const before = { firstName: row.first_name, lastName: row.last_name, email: row.email, phone: row.phone,
    mobile: row.mobile, jobTitle: row.job_title, entityId: row.entity_id, language: row.language,
    timeZone: row.time_zone, isActive: Boolean(row.is_active) };
  const { password, ...fields } = body;
  const changes = diffFields(before, fields);
  if (password) changes.push({ field: "password", oldValue: null, newValue: "changed" });
  if (changes.length === 0) return;
  const firstName = body.firstName ?? row.first_name;
  const lastName = body.lastName ?? row.last_name;
  const phone = body.phone === undefined ? row.phone : body.phone || null;
  const mobile = body.mobile === undefined ? row.mobile : body.mobile || null;
  await db
    .updateTable("app_user")
    .set({
      first_name: firstName, last_name: lastName, sort_name: sortName(lastName, firstName),
      email: body.email === undefined ? row.email : (body.email?.toLowerCase() ?? null),
      phone, mobile, phone_digits: phoneDigits(phone), mobile_digits: phoneDigits(mobile),
      job_title: body.jobTitle === undefined ? row.job_title : body.jobTitle || null,
      entity_id: body.entityId ?? row.entity_id, language: body.language ?? row.language,
      time_zone: body.timeZone === undefined ? row.time_zone : body.timeZone || null,
      is_active: body.isActive === undefined ? row.is_active : flag(body.isActive),
      ...(password ? { password_hash: await hashPassword(password) } : {}),
      updated_at: now(),
    })
    .where("id", "=", id)
    .execute();
  // A deactivated user or a new password ends every open session of that user.
  if (deactivating || password) await db.deleteFrom("session").where("user_id", "=", id).execute();
  await recordHistory(db, actor, { recordType: "user", recordId: id, entityId: body.entityId ?? row.entity_id,
    action: "update", changes });
}

export async function updateUser(ctx: Ctx, id: number, body: UpdateUserBody): Promise<User> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findUserRow(trx, id);
    if (!row) throw notFound("USER_NOT_FOUND", `User ${id}`);
    await assertCan(trx, ctx.actor, "user.write", row.entity_id);
    if (body.entityId !== undefined && body.entityId !== row.entity_id) {
      if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
      await assertCan(trx, ctx.actor, "user.write", body.entityId);
    }
    await applyUserUpdate(trx, ctx.actor, id, body);
  });
  return getUser(ctx, id);
}

export async function deleteUser(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findUserRow(trx, id);
    if (!row) throw notFound("USER_NOT_FOUND", `User ${id}`);
    await assertCan(trx, ctx.actor, "user.write", row.entity_id);
    if (id === ctx.actor.userId) throw new AppError("CONFLICT", "You cannot delete your own account");
    if ((await countOtherAdmins(trx, id)) === 0) throw new AppError("LAST_ADMIN", "The last administrator cannot be deleted");
    if (await trx.selectFrom("api_token").select("id").where("created_by", "=", id).executeTakeFirst()) {
      throw new AppError("CONFLICT", "This user created API tokens: deactivate the account instead");
    }
    await recordHistory(trx, ctx.actor, { recordType: "user", recordId: id, entityId: row.entity_id, action: "delete",
      label: `${row.first_name} ${row.last_name} (${row.login})` });
    await trx.deleteFrom("app_user").where("id", "=", id).execute();
  });
}
