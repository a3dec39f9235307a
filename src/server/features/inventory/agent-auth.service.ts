/**
 * Agent logins, as the admin manages them: whether agents must authenticate, and one login per
 * entity whose secret is shown once. Only an admin of the root entity sees and changes them.
 */
import { randomUUID } from "node:crypto";
import type { AgentAuth, CreateAgentLoginBody, CreatedAgentLogin, UpdateAgentAuthBody } from "../../../shared/api/inventory-settings.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { type AgentAuthSetting, hashSecret, newSecret, readAgentAuth, writeAgentAuth } from "./agent-auth.js";
import { assertRootAdmin } from "../identity/root-admin.js";


async function present(db: Db, setting: AgentAuthSetting): Promise<AgentAuth> {
  const ids = [...new Set(setting.credentials.map((c) => c.entityId))];
  const entities = ids.length === 0 ? [] : await db.selectFrom("entity").select(["id", "complete_name"]).where("id", "in", ids).execute();
  const names = new Map(entities.map((e) => [e.id, e.complete_name]));
  return {
    required: setting.required,
    logins: setting.credentials.map((c) => ({ id: c.id, login: c.login, entityId: c.entityId, entityName: names.get(c.entityId) ?? null, createdAt: c.createdAt })),
  };
}

async function record(db: Db, ctx: Ctx, rootId: number, oldValue: string | null, newValue: string | null) {
  await recordHistory(db, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update",
    changes: [{ field: "inventoryAgentAuth", oldValue, newValue }] });
}

export async function getAgentAuth(ctx: Ctx): Promise<AgentAuth> {
  await assertRootAdmin(ctx.db, ctx);
  return present(ctx.db, await readAgentAuth(ctx.db));
}

/** Requiring logins with none created would lock every agent out: refused. */
export async function updateAgentAuth(ctx: Ctx, body: UpdateAgentAuthBody): Promise<AgentAuth> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertRootAdmin(trx, ctx);
    const setting = await readAgentAuth(trx);
    if (body.required && setting.credentials.length === 0) {
      throw new AppError("VALIDATION_FAILED", "Create an agent login first: no agent could authenticate", [{ path: "body.required", message: "no agent login yet" }]);
    }
    if (body.required === setting.required) return;
    await writeAgentAuth(trx, { ...setting, required: body.required });
    await record(trx, ctx, rootId, String(setting.required), String(body.required));
  });
  return getAgentAuth(ctx);
}

/** A new login for the entity's agents; its secret is in this answer only. */
export async function createAgentLogin(ctx: Ctx, body: CreateAgentLoginBody): Promise<CreatedAgentLogin> {
  const secret = newSecret();
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertRootAdmin(trx, ctx);
    if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
    const setting = await readAgentAuth(trx);
    if (setting.credentials.some((c) => c.login === body.login)) {
      throw new AppError("CONFLICT", `The agent login ${body.login} exists`, [{ path: "body.login", message: "already used" }]);
    }
    const credential = { id, login: body.login, entityId: body.entityId, secretHash: hashSecret(secret), createdAt: now() };
    await writeAgentAuth(trx, { ...setting, credentials: [...setting.credentials, credential] });
    await record(trx, ctx, rootId, null, `+ ${body.login}`);
  });
  const created = (await getAgentAuth(ctx)).logins.find((login) => login.id === id);
  if (!created) throw new AppError("INTERNAL", "The new agent login vanished");
  return { ...created, secret };
}

/** Agents still using it are refused from now on. The last login cannot go while logins are required. */
export async function deleteAgentLogin(ctx: Ctx, id: string): Promise<AgentAuth> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertRootAdmin(trx, ctx);
    const setting = await readAgentAuth(trx);
    const gone = setting.credentials.find((c) => c.id === id);
    if (!gone) throw notFound("NOT_FOUND", `Agent login ${id}`);
    const credentials = setting.credentials.filter((c) => c.id !== id);
    if (setting.required && credentials.length === 0) {
      throw new AppError("CONFLICT", "Agents must authenticate: keep one login, or stop requiring them first");
    }
    await writeAgentAuth(trx, { ...setting, credentials });
    await record(trx, ctx, rootId, `- ${gone.login}`, null);
  });
  return getAgentAuth(ctx);
}
