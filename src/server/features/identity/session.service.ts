import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../../../shared/domain/roles.js";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Actor, ActorGrant } from "./access.js";
import { TOKEN_PREFIX, hashToken } from "./token.service.js";

export const SESSION_COOKIE = "vigie_session";
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

function hashSessionId(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Opens a session; the cookie carries the secret, the table only its hash. */
export async function openSession(db: Db, userId: number, hours: number, meta: { ip: string; userAgent?: string }) {
  const secret = randomBytes(32).toString("base64url");
  const at = new Date();
  await db.insertInto("session").values({
    id: hashSessionId(secret), user_id: userId, created_at: at.toISOString(),
    expires_at: new Date(at.getTime() + hours * 3600_000).toISOString(), last_seen_at: at.toISOString(),
    ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return secret;
}

export async function closeSession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", hashSessionId(secret)).execute();
}

/**
 * The session's user, if the session is alive and the user active. Sessions slide: each use
 * pushes the expiry `hours` ahead, so a technician active all day stays signed in. One query
 * brings the user and their grants (a row per grant), as it runs on every request.
 */
export async function actorFromSession(db: Kysely<DB>, secret: string, hours: number): Promise<Actor | undefined> {
  const id = hashSessionId(secret);
  const rows = await db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .leftJoin("role_grant as g", "g.user_id", "u.id")
    .leftJoin("entity as e", "e.id", "g.entity_id")
    .select(["s.expires_at", "s.last_seen_at", "u.id", "u.first_name", "u.last_name", "u.is_active",
      "g.entity_id", "g.role", "g.recursive", "e.parent_id"])
    .where("s.id", "=", id)
    .execute();
  const row = rows[0];
  const at = new Date();
  if (!row || row.is_active !== 1 || row.expires_at <= at.toISOString()) return undefined;
  if (at.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable("session")
      .set({ last_seen_at: at.toISOString(), expires_at: new Date(at.getTime() + hours * 3600_000).toISOString() })
      .where("id", "=", id).execute();
  }
  const grants: ActorGrant[] = rows.flatMap((r) => r.entity_id === null ? [] : [{
    entityId: r.entity_id, role: r.role as Role, recursive: Boolean(r.recursive), onRoot: r.parent_id === null,
  }]);
  return { kind: "session", userId: row.id, name: `${row.first_name} ${row.last_name}`, sessionId: id, grants };
}

/** An API token acts with exactly its own grant, whatever its creator may do. */
export async function actorFromToken(db: Kysely<DB>, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db.selectFrom("api_token").innerJoin("entity as e", "e.id", "api_token.entity_id")
    .selectAll("api_token").select("e.parent_id").where("token_hash", "=", hashToken(token)).executeTakeFirst();
  const at = now();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= at)) return undefined;
  if (!row.last_used_at || Date.parse(at) - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await db.updateTable("api_token").set({ last_used_at: at }).where("id", "=", row.id).execute();
  }
  return { kind: "token", userId: row.created_by, name: `API: ${row.name}`, tokenId: row.id,
    grants: [{ entityId: row.entity_id, role: row.role as Role, recursive: Boolean(row.recursive), onRoot: row.parent_id === null }] };
}

export async function purgeExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom("session").where("expires_at", "<=", now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
