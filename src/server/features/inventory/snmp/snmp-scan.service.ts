/**
 * Scans as people see them: started from a range (the job does the work), listed newest first
 * with their progress. Starting a scan while one of the range is queued or running answers that
 * one: two scans of one range at once would only race each other.
 */
import type { ListSnmpScansQuery, SnmpScan } from "../../../../shared/api/snmp.js";
import type { Page } from "../../../../shared/api/common.js";
import type { Db } from "../../../db/database.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { notFound } from "../../../http/errors.js";
import { enqueue } from "../../../jobs/queue.js";
import { allows, assertCan, entityScope, inScope, roleOn } from "../../identity/access.js";
import { loadReadableRange } from "./snmp-range.service.js";
import { snmpScanJob } from "./snmp-scan.jobs.js";
import type { SnmpScanRow } from "./snmp.table.js";

export function presentScan(row: SnmpScanRow, rangeName: string): SnmpScan {
  return {
    id: row.id, rangeId: row.range_id, rangeName, entityId: row.entity_id, status: row.status, total: row.total, done: row.done, found: row.found,
    error: row.error, createdAt: row.created_at, startedAt: row.started_at, finishedAt: row.finished_at,
  };
}

/** The newest scan of each range, one indexed look-up per range (a page holds few). */
export async function latestScans(db: Db, rangeIds: number[]): Promise<Map<number, SnmpScanRow>> {
  const scans = new Map<number, SnmpScanRow>();
  for (const rangeId of rangeIds) {
    const row = await db.selectFrom("snmp_scan").selectAll().where("range_id", "=", rangeId).orderBy("id", "desc").limit(1).executeTakeFirst();
    if (row) scans.set(rangeId, row);
  }
  return scans;
}

export async function startSnmpScan(ctx: Ctx, rangeId: number): Promise<SnmpScan> {
  const { scan, rangeName } = await ctx.db.transaction().execute(async (trx) => {
    const range = await loadReadableRange(ctx, trx, rangeId);
    await assertCan(trx, ctx.actor, "asset.manage", range.entity_id);
    const running = await trx.selectFrom("snmp_scan").selectAll().where("range_id", "=", rangeId).where("status", "in", ["queued", "running"])
      .orderBy("id", "desc").executeTakeFirst();
    if (running) return { scan: running, rangeName: range.name };
    const row = await trx.insertInto("snmp_scan").values({ range_id: rangeId, entity_id: range.entity_id, status: "queued", total: range.address_count,
      done: 0, found: 0, error: null, created_by: ctx.actor.userId, created_at: now(), started_at: null, finished_at: null })
      .returningAll().executeTakeFirstOrThrow();
    await enqueue(trx, snmpScanJob, { scanId: row.id });
    return { scan: row, rangeName: range.name };
  });
  return presentScan(scan, rangeName);
}

function selectScans(db: Db) {
  return db.selectFrom("snmp_scan as s").innerJoin("snmp_range as r", "r.id", "s.range_id").selectAll("s").select("r.name as range_name");
}

/** The scans of the caller's entities (or of one range), newest first. */
export async function listSnmpScans(ctx: Ctx, query: ListSnmpScansQuery): Promise<Page<SnmpScan>> {
  const scope = entityScope(ctx.actor, "asset.read");
  let q = selectScans(ctx.db).where(inScope("s.entity_id", scope));
  if (query.rangeId !== undefined) q = q.where("s.range_id", "=", query.rangeId);
  if (query.cursor) q = q.where("s.id", "<", decodeCursor(query.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("s.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, (row) => presentScan(row, row.range_name), (row) => [row.id]);
}

export async function getSnmpScan(ctx: Ctx, id: number): Promise<SnmpScan> {
  const row = await selectScans(ctx.db).where("s.id", "=", id).executeTakeFirst();
  if (!row || !allows(await roleOn(ctx.db, ctx.actor, row.entity_id), "asset.read")) throw notFound("SNMP_SCAN_NOT_FOUND", `SNMP scan ${id}`);
  return presentScan(row, row.range_name);
}
