import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import { VIGIE_VERSION } from "../src/shared/domain/version.js";
import type { Role } from "../src/shared/domain/roles.js";
import { buildApp } from "../src/server/app.js";
import { type Database, type DialectName, openPostgres } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import type { DB } from "../src/server/db/schema.js";
import { createFirstAdmin } from "../src/server/features/identity/auth.service.js";
import { createPgDatabaseUrl, createTestDatabase } from "./db.js";
import { makeEntity, makeUser } from "./factories.js";

export const ADMIN = { login: "admin", password: "admin-password-1" };

export const TEST_CONFIG = { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION };

export type TestApp = {
  app: FastifyInstance;
  db: Kysely<DB>;
  database: Database;
  rootId: number;
  /** Signs in and returns the Cookie header for the next requests. */
  login: (login: string, password: string) => Promise<string>;
  adminCookie: string;
  /** On PostgreSQL: the database's URL, which the app's live-update listener uses too. */
  liveUrl?: string;
  close: () => Promise<void>;
};

export function cookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === "vigie_session");
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `vigie_session=${cookie.value}`;
}

/** On PostgreSQL the URL is kept, for the app's live-update listener (LISTEN needs its own connection). */
async function openTestDatabase(dialect: DialectName): Promise<{ database: Database; liveUrl?: string }> {
  if (dialect === "sqlite") return { database: await createTestDatabase(dialect) };
  const { url, drop } = await createPgDatabaseUrl();
  const opened = openPostgres(url, 5);
  await migrateToLatest(opened.db);
  return { database: { ...opened, close: async () => { await opened.close(); await drop(); } }, liveUrl: url };
}

/** A migrated database with an organisation and its first admin, and the app on top. */
export async function createTestApp(dialect: DialectName): Promise<TestApp> {
  const { database, liveUrl } = await openTestDatabase(dialect);
  const { db } = database;
  await createFirstAdmin(db, { organisation: "Groupe Durand", login: ADMIN.login, password: ADMIN.password,
    firstName: "Alice", lastName: "Admin", language: "fr" });
  const root = await db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const app = await buildApp({ db, config: TEST_CONFIG, liveUrl });
  const login = async (loginName: string, password: string) => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: loginName, password } });
    return cookieOf(res);
  };
  const adminCookie = await login(ADMIN.login, ADMIN.password);
  return { app, db, database, rootId: root.id, login, adminCookie, liveUrl, close: async () => { await app.close(); await database.close(); } };
}

/** A user with a password and one role grant, signed in. */
export async function signedInUser(t: TestApp, opts: { entityId: number; role: Role; recursive?: boolean; login?: string }) {
  const password = "password-for-tests";
  const user = await makeUser(t.db, { entityId: opts.entityId, login: opts.login, password });
  await t.db.insertInto("role_grant").values({ user_id: user.id, entity_id: opts.entityId, role: opts.role,
    recursive: opts.recursive === false ? 0 : 1, created_at: new Date().toISOString() }).execute();
  return { user, cookie: await t.login(user.login, password) };
}

export { makeEntity, makeUser };
