import type { Kysely } from "kysely";
import type { ChangePasswordBody, LoginBody, Me, SetupBody, UpdateMeBody } from "../../../shared/api/auth.js";
import { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_IP, LOGIN_WINDOW_MINUTES, type Language } from "../../../shared/domain/limits.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { flag, now } from "../../db/values.js";
import type { Ctx, PublicCtx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { type Actor, highestRole } from "./access.js";
import { createRootEntity } from "./entity.service.js";
import { verifyAgainstNothing, verifyPassword } from "./password.js";
import { openSession } from "./session.service.js";
import { findRootEntityRow } from "./entity.repo.js";
import { findUserRow, findUserRowByLogin } from "./user.repo.js";
import { applyUserUpdate, insertUser } from "./user.service.js";
import { CreateUserBodySchema } from "../../../shared/api/users.js";

async function recentFailures(db: Db, column: "login" | "ip", value: string): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  const row = await db.selectFrom("login_attempt").select((eb) => eb.fn.countAll<number>().as("n"))
    .where(column, "=", value).where("at", ">", since).where("success", "=", 0).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Checks a login and password and opens a session. Failures are counted in the database
 * (so every instance sees them) per login and per address; the answer never tells whether
 * the login exists, and takes the same time either way.
 */
export async function login(ctx: PublicCtx, body: LoginBody): Promise<{ secret: string; me: Me }> {
  const loginName = body.login.toLowerCase();
  if ((await recentFailures(ctx.db, "login", loginName)) >= LOGIN_MAX_FAILURES ||
      (await recentFailures(ctx.db, "ip", ctx.ip)) >= LOGIN_MAX_FAILURES_PER_IP) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins: wait ${LOGIN_WINDOW_MINUTES} minutes`);
  }
  const user = await findUserRowByLogin(ctx.db, loginName);
  const ok = user?.password_hash && user.is_active === 1
    ? await verifyPassword(body.password, user.password_hash)
    : await verifyAgainstNothing(body.password);
  await ctx.db.insertInto("login_attempt").values({ login: loginName, ip: ctx.ip, at: now(), success: flag(ok) }).execute();
  if (!ok || !user) throw new AppError("INVALID_CREDENTIALS", "Wrong login or password");
  const secret = await openSession(ctx.db, user.id, ctx.config.sessionHours, { ip: ctx.ip, userAgent: ctx.userAgent });
  return { secret, me: await buildMe(ctx.db, user.id, "session", ctx.config.timeZone) };
}

export async function buildMe(db: Db, userId: number, via: Me["via"], defaultTimeZone: string, actor?: Actor): Promise<Me> {
  const user = await findUserRow(db, userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Not signed in");
  const grants = actor?.kind === "token"
    ? actor.grants.map((g) => ({ entity_id: g.entityId, role: g.role, recursive: flag(g.recursive) }))
    : await db.selectFrom("role_grant").select(["entity_id", "role", "recursive"]).where("user_id", "=", userId).execute();
  const names = grants.length === 0 ? [] : await db.selectFrom("entity").select(["id", "complete_name", "parent_id"])
    .where("id", "in", grants.map((g) => g.entity_id)).execute();
  const summaries = grants.map((g) => {
    const entity = names.find((n) => n.id === g.entity_id);
    return { entityId: g.entity_id, entityName: entity?.complete_name ?? "", role: g.role as Role, recursive: Boolean(g.recursive),
      onRoot: entity !== undefined && entity.parent_id === null };
  });
  return {
    id: user.id, login: user.login, firstName: user.first_name, lastName: user.last_name, email: user.email,
    entityId: user.entity_id, language: user.language as Language, timeZone: user.time_zone ?? defaultTimeZone,
    highestRole: highestRole({ kind: via, userId, name: "", grants: summaries }), grants: summaries, via,
  };
}

export function getMe(ctx: Ctx): Promise<Me> {
  return buildMe(ctx.db, ctx.actor.userId, ctx.actor.kind, ctx.config.timeZone, ctx.actor);
}

export async function updateMe(ctx: Ctx, body: UpdateMeBody): Promise<Me> {
  if (ctx.actor.kind === "token") throw new AppError("FORBIDDEN", "An API token has no profile");
  await ctx.db.transaction().execute((trx) => applyUserUpdate(trx, ctx.actor, ctx.actor.userId, body));
  return getMe(ctx);
}

/** Changing one's password closes every session, this one included: sign in again. */
export async function changePassword(ctx: Ctx, body: ChangePasswordBody): Promise<void> {
  if (ctx.actor.kind === "token") throw new AppError("FORBIDDEN", "An API token has no password");
  const user = await findUserRow(ctx.db, ctx.actor.userId);
  if (!user?.password_hash || !(await verifyPassword(body.currentPassword, user.password_hash))) {
    throw new AppError("INVALID_CREDENTIALS", "The current password is wrong");
  }
  await ctx.db.transaction().execute((trx) => applyUserUpdate(trx, ctx.actor, user.id, { password: body.newPassword }));
}

export async function needsSetup(db: Db): Promise<boolean> {
  const admin = await db.selectFrom("role_grant").select("id").where("role", "=", "admin").limit(1).executeTakeFirst();
  return admin === undefined;
}

/**
 * Creates the organisation (root entity) and its first administrator, once. The setting row
 * is the lock: two browsers racing on a fresh install cannot both succeed.
 */
export async function createFirstAdmin(db: Kysely<DB>, body: SetupBody): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (!(await needsSetup(trx))) throw new AppError("SETUP_ALREADY_DONE", "Vigie is already set up");
    const taken = await trx.selectFrom("setting").select("key").where("key", "=", "setup_done").executeTakeFirst();
    if (taken) throw new AppError("SETUP_ALREADY_DONE", "Vigie is already set up");
    await trx.insertInto("setting").values({ key: "setup_done", value: now() }).execute();
    const root = (await findRootEntityRow(trx)) ?? (await createRootEntity({ db: trx }, body.organisation));
    const userId = await insertUser(trx, undefined, CreateUserBodySchema.parse({
      login: body.login, firstName: body.firstName, lastName: body.lastName, email: body.email,
      language: body.language, entityId: root.id, password: body.password,
    }));
    await trx.insertInto("role_grant").values({ user_id: userId, entity_id: root.id, role: "admin", recursive: 1, created_at: now() }).execute();
    return userId;
  });
}

export async function setup(ctx: PublicCtx, body: SetupBody): Promise<{ secret: string; me: Me }> {
  const userId = await createFirstAdmin(ctx.db, body);
  const secret = await openSession(ctx.db, userId, ctx.config.sessionHours, { ip: ctx.ip, userAgent: ctx.userAgent });
  return { secret, me: await buildMe(ctx.db, userId, "session", ctx.config.timeZone) };
}

/** VIGIE_ADMIN_LOGIN / VIGIE_ADMIN_PASSWORD: unattended installs get their first admin at start. */
export async function ensureAdminFromEnv(db: Kysely<DB>, loginName: string, password: string): Promise<boolean> {
  if (!(await needsSetup(db))) return false;
  await createFirstAdmin(db, { organisation: "Vigie", login: loginName, password, firstName: "Admin",
    lastName: "Vigie", language: "fr" });
  return true;
}

