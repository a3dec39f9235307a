/**
 * A scan walks its range: each address is tried with the range's credentials in order (the first
 * that answers is kept), identified and stored; the run row says how far it got. A bounded number
 * of addresses are in flight at once, each with a short timeout, so a /20 of silent addresses
 * takes minutes, not hours.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import { numberToIp, parseIpRange } from "../../../../shared/api/snmp.js";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import { defineJob } from "../../../jobs/queue.js";
import { openSnmpSession } from "./snmp-client.js";
import { type SnmpDeviceRead, readDevice } from "./snmp-read.js";
import { storeSnmpDevice } from "./snmp-store.js";
import type { SnmpCredentialRow } from "./snmp.table.js";

/** Addresses in flight at once: enough to fill a LAN's silences, few enough not to flood it. */
const CONCURRENCY = 32;
/** The run row is written at most this often while the scan goes on. */
const PROGRESS_EVERY_MS = 500;

type Log = { warn: (obj: object, msg: string) => void };

/** The first credential the address answers to, and what it said; null when it answers none. */
async function probe(ip: string, port: number, credentials: SnmpCredentialRow[]): Promise<SnmpDeviceRead | null> {
  for (const credential of credentials) {
    const session = openSnmpSession(ip, port, credential);
    try {
      return await readDevice(session, ip);
    } catch {
      // Silent, or not this credential: try the next one.
    } finally {
      session.close();
    }
  }
  return null;
}

async function credentialsOf(db: Kysely<DB>, rangeId: number): Promise<SnmpCredentialRow[]> {
  return db.selectFrom("snmp_range_credential as rc").innerJoin("snmp_credential as c", "c.id", "rc.credential_id")
    .selectAll("c").where("rc.range_id", "=", rangeId).orderBy("rc.position").execute();
}

/** Runs the scan; a scan already finished is left as it is (the job may run twice). */
export async function runSnmpScan(db: Kysely<DB>, scanId: number, log?: Log): Promise<void> {
  const scan = await db.selectFrom("snmp_scan as s").innerJoin("snmp_range as r", "r.id", "s.range_id")
    .select(["s.id", "s.status", "s.entity_id", "r.id as range_id", "r.spec", "r.port"]).where("s.id", "=", scanId).executeTakeFirst();
  if (!scan || scan.status === "done" || scan.status === "failed") return;
  const range = parseIpRange(scan.spec);
  const total = range ? range.last - range.first + 1 : 0;
  await db.updateTable("snmp_scan").set({ status: "running", started_at: now(), total, done: 0, found: 0, error: null }).where("id", "=", scanId).execute();
  try {
    const credentials = await credentialsOf(db, scan.range_id);
    const progress = { done: 0, found: 0, writtenAt: 0 };
    const write = async (force: boolean) => {
      if (!force && Date.now() - progress.writtenAt < PROGRESS_EVERY_MS) return;
      progress.writtenAt = Date.now();
      await db.updateTable("snmp_scan").set({ done: progress.done, found: progress.found }).where("id", "=", scanId).execute();
    };
    let next = range?.first ?? 1;
    const last = range?.last ?? 0;
    const worker = async () => {
      while (next <= last) {
        const ip = numberToIp(next++);
        const device = credentials.length > 0 ? await probe(ip, scan.port, credentials) : null;
        if (device) {
          try {
            if ((await storeSnmpDevice(db, scan.entity_id, device))?.assetId) progress.found++;
          } catch (error) {
            log?.warn({ err: error, ip }, "SNMP device not stored");
          }
        }
        progress.done++;
        await write(false);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, total) }, worker));
    await db.updateTable("snmp_scan").set({ status: "done", done: progress.done, found: progress.found, finished_at: now() }).where("id", "=", scanId).execute();
  } catch (error) {
    await db.updateTable("snmp_scan").set({ status: "failed", error: String(error).slice(0, 500), finished_at: now() }).where("id", "=", scanId).execute();
  }
}

export const snmpScanJob = defineJob({
  name: "inventory.snmp-scan",
  payload: z.object({ scanId: z.number().int().positive() }),
  // A failed scan is marked failed in its row; running it again would only scan again.
  maxAttempts: 1,
  handler: async ({ scanId }, { db, log }) => runSnmpScan(db, scanId, log),
});
