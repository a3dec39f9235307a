/**
 * The IP ranges an entity scans, and the credentials each tries in order. A range larger than
 * SNMP_MAX_ADDRESSES is refused at save; a credential must be the range's entity's or one of its
 * parents' (a sub-entity uses its parent's community, never a sibling's).
 */
import {
  type CreateSnmpRangeBody, SNMP_MAX_ADDRESSES, type SnmpRange, type UpdateSnmpRangeBody, parseIpRange,
} from "../../../../shared/api/snmp.js";
import type { Page } from "../../../../shared/api/common.js";
import type { Db } from "../../../db/database.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { AppError, notFound } from "../../../http/errors.js";
import { recordHistory } from "../../history/history.service.js";
import { allows, assertCan, entityScope, inScope, roleOn } from "../../identity/access.js";
import { latestScans, presentScan } from "./snmp-scan.service.js";
import type { SnmpRangeRow } from "./snmp.table.js";

type Row = SnmpRangeRow & { entity_name: string };

function selectRanges(db: Db) {
  return db.selectFrom("snmp_range as r").innerJoin("entity as e", "e.id", "r.entity_id").selectAll("r").select("e.complete_name as entity_name");
}

export async function loadReadableRange(ctx: Ctx, db: Db, id: number): Promise<Row> {
  const row = await selectRanges(db).where("r.id", "=", id).executeTakeFirst();
  if (!row || !allows(await roleOn(db, ctx.actor, row.entity_id), "asset.read")) throw notFound("SNMP_RANGE_NOT_FOUND", `SNMP range ${id}`);
  return row;
}

async function presentAll(ctx: Ctx, db: Db, rows: Row[]): Promise<SnmpRange[]> {
  const ids = rows.map((row) => row.id);
  const links = ids.length === 0 ? [] : await db.selectFrom("snmp_range_credential").select(["range_id", "credential_id"])
    .where("range_id", "in", ids).orderBy("range_id").orderBy("position").execute();
  const scans = await latestScans(db, ids);
  return Promise.all(rows.map(async (row) => ({
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, name: row.name, range: row.spec, port: row.port, addressCount: row.address_count,
    credentialIds: links.filter((link) => link.range_id === row.id).map((link) => link.credential_id),
    lastScan: scans.has(row.id) ? presentScan(scans.get(row.id)!, row.name) : null,
    canManage: allows(await roleOn(db, ctx.actor, row.entity_id), "asset.manage"), createdAt: row.created_at,
  })));
}

/** How many addresses the range holds; SNMP_RANGE_TOO_LARGE past the limit. */
function addressCount(spec: string): number {
  const range = parseIpRange(spec);
  if (!range) throw new AppError("VALIDATION_FAILED", "Invalid IP range", [{ path: "body.range", message: "invalid range", code: "invalid_format" }]);
  const count = range.last - range.first + 1;
  if (count > SNMP_MAX_ADDRESSES) {
    throw new AppError("SNMP_RANGE_TOO_LARGE", `The range ${spec} holds ${count} addresses; a scan takes at most ${SNMP_MAX_ADDRESSES}: split it`);
  }
  return count;
}

/** Replaces the range's credentials; each must be readable, of the range's entity or one of its parents. */
async function setCredentials(trx: Db, rangeId: number, entityId: number, credentialIds: number[]): Promise<void> {
  const unique = [...new Set(credentialIds)];
  const usable = await trx.selectFrom("snmp_credential").select("id").where("id", "in", unique)
    .where("entity_id", "in", trx.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", entityId)).execute();
  const missing = unique.find((id) => !usable.some((row) => row.id === id));
  if (missing !== undefined) throw notFound("SNMP_CREDENTIAL_NOT_FOUND", `SNMP credential ${missing} (of this entity or a parent)`);
  await trx.deleteFrom("snmp_range_credential").where("range_id", "=", rangeId).execute();
  await trx.insertInto("snmp_range_credential").values(unique.map((credentialId, position) => ({ range_id: rangeId, credential_id: credentialId, position }))).execute();
}

export async function listSnmpRanges(ctx: Ctx, query: { limit: number; cursor?: string }): Promise<Page<SnmpRange>> {
  const scope = entityScope(ctx.actor, "asset.read");
  const after = query.cursor ? (decodeCursor(query.cursor, ["number"])[0] as number) : 0;
  const rows = await selectRanges(ctx.db).where(inScope("r.entity_id", scope)).where("r.id", ">", after).orderBy("r.id").limit(query.limit + 1).execute();
  const page = toPage(rows, query.limit, (row) => row, (row) => [row.id]);
  return { data: await presentAll(ctx, ctx.db, page.data), nextCursor: page.nextCursor };
}

export async function getSnmpRange(ctx: Ctx, id: number): Promise<SnmpRange> {
  const [range] = await presentAll(ctx, ctx.db, [await loadReadableRange(ctx, ctx.db, id)]);
  return range!;
}

export async function createSnmpRange(ctx: Ctx, body: CreateSnmpRangeBody): Promise<SnmpRange> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertCan(trx, ctx.actor, "asset.manage", body.entityId);
    const count = addressCount(body.range);
    const row = await trx.insertInto("snmp_range").values({ entity_id: body.entityId, name: body.name, spec: body.range, address_count: count,
      port: body.port, created_at: now(), updated_at: now() }).returning("id").executeTakeFirstOrThrow();
    await setCredentials(trx, row.id, body.entityId, body.credentialIds);
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: body.entityId, entityId: body.entityId, action: "link", field: "snmpRange",
      label: `${body.name} (${body.range})` });
    return row.id;
  });
  return getSnmpRange(ctx, id);
}

export async function updateSnmpRange(ctx: Ctx, id: number, body: UpdateSnmpRangeBody): Promise<SnmpRange> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadReadableRange(ctx, trx, id);
    await assertCan(trx, ctx.actor, "asset.manage", row.entity_id);
    const spec = body.range ?? row.spec;
    const next = { name: body.name ?? row.name, spec, address_count: addressCount(spec), port: body.port ?? row.port };
    await trx.updateTable("snmp_range").set({ ...next, updated_at: now() }).where("id", "=", id).execute();
    if (body.credentialIds) await setCredentials(trx, id, row.entity_id, body.credentialIds);
    const changes = (["name", "spec", "port"] as const).filter((field) => next[field] !== row[field])
      .map((field) => ({ field: `snmpRange.${field}`, oldValue: row[field], newValue: next[field] }));
    if (changes.length > 0) await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: row.entity_id, entityId: row.entity_id, action: "update", changes });
  });
  return getSnmpRange(ctx, id);
}

/** Deletes the range and its scans' history; the devices it found stay in the fleet. */
export async function deleteSnmpRange(ctx: Ctx, id: number): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadReadableRange(ctx, trx, id);
    await assertCan(trx, ctx.actor, "asset.manage", row.entity_id);
    await trx.deleteFrom("snmp_scan").where("range_id", "=", id).execute();
    await trx.deleteFrom("snmp_range_credential").where("range_id", "=", id).execute();
    await trx.deleteFrom("snmp_range").where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: row.entity_id, entityId: row.entity_id, action: "unlink", field: "snmpRange",
      label: `${row.name} (${row.spec})` });
  });
  return { ok: true };
}
