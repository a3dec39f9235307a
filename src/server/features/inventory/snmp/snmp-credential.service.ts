/**
 * The SNMP credentials of an entity: a community (v1, v2c) or a v3 user. Secrets are stored
 * sealed (they must be said to the devices, so cannot be hashed) and never leave the server: the API answers
 * only whether each is set. Reading needs asset.read, changing asset.manage, in the entity; a
 * credential serves the ranges of its entity and of its sub-entities.
 */
import type { CreateSnmpCredentialBody, SnmpCredential, UpdateSnmpCredentialBody } from "../../../../shared/api/snmp.js";
import type { Page } from "../../../../shared/api/common.js";
import type { Db } from "../../../db/database.js";
import { now } from "../../../db/values.js";
import { sealNullable } from "../../../security/secret-box.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { AppError, notFound } from "../../../http/errors.js";
import { type Change, recordHistory } from "../../history/history.service.js";
import { allows, assertCan, entityScope, inScope, roleOn } from "../../identity/access.js";
import type { SnmpCredentialRow, SnmpCredentialTable } from "./snmp.table.js";

type Row = SnmpCredentialRow & { entity_name: string };

async function present(ctx: Ctx, row: Row): Promise<SnmpCredential> {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, name: row.name, version: row.version,
    communitySet: row.community !== null, username: row.username, authProtocol: row.auth_protocol, authKeySet: row.auth_key !== null,
    privProtocol: row.priv_protocol, privKeySet: row.priv_key !== null,
    canManage: allows(await roleOn(ctx.db, ctx.actor, row.entity_id), "asset.manage"), createdAt: row.created_at,
  };
}

function selectCredentials(db: Db) {
  return db.selectFrom("snmp_credential as c").innerJoin("entity as e", "e.id", "c.entity_id").selectAll("c").select("e.complete_name as entity_name");
}

/** A credential the actor may read; another entity's answers 404, so its existence does not leak. */
async function loadReadable(ctx: Ctx, db: Db, id: number): Promise<Row> {
  const row = await selectCredentials(db).where("c.id", "=", id).executeTakeFirst();
  if (!row || !allows(await roleOn(db, ctx.actor, row.entity_id), "asset.read")) throw notFound("SNMP_CREDENTIAL_NOT_FOUND", `SNMP credential ${id}`);
  return row;
}

/** A credential must say what its version needs: a community, or a v3 user whose privacy has authentication. */
function checkComplete(row: Pick<SnmpCredentialTable, "version" | "community" | "username" | "auth_protocol" | "auth_key" | "priv_protocol" | "priv_key">) {
  const problem = row.version === "v3"
    ? (!row.username ? "username" : row.auth_protocol && !row.auth_key ? "authKey" : row.priv_protocol && !row.priv_key ? "privKey"
      : row.priv_protocol && !row.auth_protocol ? "authProtocol" : null)
    : (!row.community ? "community" : null);
  if (problem) throw new AppError("VALIDATION_FAILED", `The SNMP credential lacks ${problem}`, [{ path: `body.${problem}`, message: "required", code: "too_small" }]);
}

export async function listSnmpCredentials(ctx: Ctx, query: { limit: number; cursor?: string }): Promise<Page<SnmpCredential>> {
  const scope = entityScope(ctx.actor, "asset.read");
  const after = query.cursor ? (decodeCursor(query.cursor, ["number"])[0] as number) : 0;
  const rows = await selectCredentials(ctx.db).where(inScope("c.entity_id", scope)).where("c.id", ">", after).orderBy("c.id").limit(query.limit + 1).execute();
  const page = toPage(rows, query.limit, (row) => row, (row) => [row.id]);
  return { data: await Promise.all(page.data.map((row) => present(ctx, row))), nextCursor: page.nextCursor };
}

export async function createSnmpCredential(ctx: Ctx, body: CreateSnmpCredentialBody): Promise<SnmpCredential> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertCan(trx, ctx.actor, "asset.manage", body.entityId);
    const v3 = body.version === "v3";
    const values = {
      entity_id: body.entityId, name: body.name, version: body.version, community: v3 ? null : (body.community ?? null),
      username: v3 ? (body.username ?? null) : null, auth_protocol: v3 ? (body.authProtocol ?? null) : null, auth_key: v3 ? (body.authKey ?? null) : null,
      priv_protocol: v3 ? (body.privProtocol ?? null) : null, priv_key: v3 ? (body.privKey ?? null) : null, created_at: now(), updated_at: now(),
    };
    checkComplete(values);
    const row = await trx.insertInto("snmp_credential").values({ ...values, ...sealed(values) }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: body.entityId, entityId: body.entityId, action: "link", field: "snmpCredential", label: body.name });
    return row.id;
  });
  return present(ctx, await loadReadable(ctx, ctx.db, id));
}

const SECRETS = { community: "community", authKey: "auth_key", privKey: "priv_key" } as const;

/** The secrets as stored: sealed (security/secret-box), also those kept from before sealing existed. */
function sealed(row: Pick<SnmpCredentialTable, "community" | "auth_key" | "priv_key">) {
  return { community: sealNullable(row.community), auth_key: sealNullable(row.auth_key), priv_key: sealNullable(row.priv_key) };
}

export async function updateSnmpCredential(ctx: Ctx, id: number, body: UpdateSnmpCredentialBody): Promise<SnmpCredential> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadReadable(ctx, trx, id);
    await assertCan(trx, ctx.actor, "asset.manage", row.entity_id);
    const next = { ...row };
    if (body.name !== undefined) next.name = body.name;
    if (body.version !== undefined) next.version = body.version;
    if (body.username !== undefined) next.username = body.username;
    if (body.authProtocol !== undefined) next.auth_protocol = body.authProtocol;
    if (body.privProtocol !== undefined) next.priv_protocol = body.privProtocol;
    const changes: Change[] = [];
    for (const [field, column] of Object.entries(SECRETS)) {
      const value = body[field as keyof typeof SECRETS];
      if (value === undefined) continue;
      next[column] = value;
      // The history says a secret changed, never its value.
      changes.push({ field: `snmpCredential.${field}`, oldValue: null, newValue: value === null ? null : "••••" });
    }
    checkComplete(next);
    for (const field of ["name", "version", "username", "auth_protocol", "priv_protocol"] as const) {
      if (next[field] !== row[field]) changes.push({ field: `snmpCredential.${field}`, oldValue: row[field], newValue: next[field] });
    }
    await trx.updateTable("snmp_credential").set({ name: next.name, version: next.version, username: next.username,
      auth_protocol: next.auth_protocol, priv_protocol: next.priv_protocol, ...sealed(next), updated_at: now() })
      .where("id", "=", id).execute();
    if (changes.length > 0) await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: row.entity_id, entityId: row.entity_id, action: "update", changes });
  });
  return present(ctx, await loadReadable(ctx, ctx.db, id));
}

/** Deletes the credential; the ranges that tried it no longer do. */
export async function deleteSnmpCredential(ctx: Ctx, id: number): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadReadable(ctx, trx, id);
    await assertCan(trx, ctx.actor, "asset.manage", row.entity_id);
    await trx.deleteFrom("snmp_range_credential").where("credential_id", "=", id).execute();
    await trx.deleteFrom("snmp_credential").where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: row.entity_id, entityId: row.entity_id, action: "unlink", field: "snmpCredential", label: row.name });
  });
  return { ok: true };
}
