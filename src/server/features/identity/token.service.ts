import { createHash, randomBytes } from "node:crypto";
import type { ApiToken, CreateApiTokenBody } from "../../../shared/api/tokens.js";
import { CreateApiTokenBodySchema } from "../../../shared/api/tokens.js";
import type { Page } from "../../../shared/api/common.js";
import { type Role, roleRank } from "../../../shared/domain/roles.js";
import type { Db } from "../../db/database.js";
import type { ApiTokenRow } from "../../db/schema.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { assertCan, entityScope, inScope, roleOn } from "./access.js";
import { findEntityRow } from "./entity.repo.js";

export const TOKEN_PREFIX = "vig_";

/** Tokens carry 256 random bits, so one fast hash suffices: no brute force can reach them. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function selectTokens(db: Db) {
  return db.selectFrom("api_token as t").innerJoin("entity as e", "e.id", "t.entity_id")
    .selectAll("t").select("e.complete_name as entity_name");
}

function toApiToken(row: ApiTokenRow & { entity_name: string }): ApiToken {
  return {
    id: row.id, name: row.name, prefix: row.prefix, entityId: row.entity_id, entityName: row.entity_name,
    role: row.role as Role, recursive: Boolean(row.recursive), createdBy: row.created_by, createdAt: row.created_at,
    expiresAt: row.expires_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at,
  };
}

export async function listApiTokens(ctx: Ctx, page: { limit: number; cursor?: string }): Promise<Page<ApiToken>> {
  const scope = entityScope(ctx.actor, "token.manage");
  let q = selectTokens(ctx.db).where(inScope("t.entity_id", scope));
  if (page.cursor) q = q.where("t.id", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("t.id", "desc").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toApiToken, (r) => [r.id]);
}

/** Returns the secret once; only its hash is kept. A token never gets more than its creator has. */
export async function createApiToken(ctx: Ctx, input: CreateApiTokenBody): Promise<{ token: string; apiToken: ApiToken }> {
  const body = CreateApiTokenBodySchema.parse(input);
  if (!(await findEntityRow(ctx.db, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
  await assertCan(ctx.db, ctx.actor, "token.manage", body.entityId);
  const own = await roleOn(ctx.db, ctx.actor, body.entityId);
  if (!own || roleRank(body.role) > roleRank(own) || ctx.actor.kind === "token") throw forbidden();
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await ctx.db.insertInto("api_token").values({
    name: body.name, token_hash: hashToken(token), prefix: token.slice(0, 10), entity_id: body.entityId,
    role: body.role, recursive: flag(body.recursive), created_by: ctx.actor.userId, created_at: now(),
    expires_at: body.expiresAt ?? null, last_used_at: null, revoked_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  const created = await selectTokens(ctx.db).where("t.id", "=", row.id).executeTakeFirstOrThrow();
  return { token, apiToken: toApiToken(created) };
}

export async function revokeApiToken(ctx: Ctx, id: number): Promise<void> {
  const row = await ctx.db.selectFrom("api_token").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("TOKEN_NOT_FOUND", `Token ${id}`);
  await assertCan(ctx.db, ctx.actor, "token.manage", row.entity_id);
  await ctx.db.updateTable("api_token").set({ revoked_at: row.revoked_at ?? now() }).where("id", "=", id).execute();
}
