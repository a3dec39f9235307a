import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/database.js";
import { defineJob } from "../../jobs/queue.js";
import { inEntity } from "../identity/access.js";
import { NO_SLA, clockOf, slaColumns, type SlaColumns } from "./sla-clock.js";
import { loadSlaConfig, resolveSla } from "./sla-config.js";

/**
 * After a calendar or an SLA changes, the open tickets below its entity get new deadlines:
 * read by pages of BATCH on the primary key, computed in memory on the compiled calendars, and
 * written back with one UPDATE … FROM (VALUES …) per page. Each page is its own statement, so
 * ticket writes go on meanwhile; a ticket changed since its page was read (its version moved)
 * is left to its own write, which recomputed it already.
 */
const BATCH = 1000;

const COLUMNS = ["sla_id", "sla_own_minutes", "sla_resolve_minutes", "sla_own_due_at", "sla_resolve_due_at", "sla_next_due_at",
  "sla_next_warn_at", "sla_next_escalation_at"] as const;
type Pending = SlaColumns & { id: number; version: number };

/** `timings`, when given, receives the milliseconds spent reading, computing and waiting for the writes (for bench/sla.ts). */
export async function recomputeDeadlines(db: Db, entityId: number, timings?: { read: number; compute: number; write: number }): Promise<number> {
  const config = await loadSlaConfig(db);
  let lastId = 0;
  let written = 0;
  // One page's UPDATE runs while the next page is read and computed: on PostgreSQL they use two
  // pooled connections (and two cores); on SQLite the calls are synchronous and nothing overlaps.
  let writing: Promise<number> | undefined;
  const settle = async () => {
    const t0 = performance.now();
    written += (await writing) ?? 0;
    writing = undefined;
    if (timings) timings.write += performance.now() - t0;
  };
  for (;;) {
    let t0 = performance.now();
    const rows = await db.selectFrom("ticket")
      .select(["id", "version", "entity_id", "category_id", "contract_id", "priority", "is_open", "created_at", "sla_id", "sla_own_minutes", "sla_resolve_minutes", "sla_started_at", "sla_paused_ms",
        "sla_paused_at", "sla_own_met_at", ...COLUMNS])
      .where("is_open", "=", 1).where(inEntity("entity_id", entityId, true)).where("id", ">", lastId)
      .orderBy("id").limit(BATCH).execute();
    if (timings) [timings.read, t0] = [timings.read + performance.now() - t0, performance.now()];
    if (rows.length === 0) break;
    lastId = rows.at(-1)!.id;
    const pending: Pending[] = [];
    for (const row of rows) {
      const resolved = resolveSla(config, row);
      if (!resolved && row.sla_id === null) continue;
      const columns = resolved ? slaColumns(resolved, clockOf(row)) : NO_SLA;
      // A closure next year or a policy for another category changes nothing for most tickets:
      // an unchanged row is not rewritten (each write touches every index of the ticket table).
      if (COLUMNS.every((c) => columns[c] === row[c])) continue;
      pending.push({ id: row.id, version: row.version, ...columns });
    }
    if (timings) timings.compute += performance.now() - t0;
    await settle();
    if (pending.length > 0) {
      writing = writeColumns(db, pending);
      writing.catch(() => {}); // rethrown by settle(); this only keeps Node from calling it unhandled meanwhile
    }
  }
  await settle();
  return written;
}

const INTEGER = new Set<string>(["sla_id", "sla_own_minutes", "sla_resolve_minutes"]);

/**
 * One UPDATE for the page; values arrive untyped, hence the casts (PostgreSQL reads a NULL-only
 * column of VALUES as text). The id range keeps both planners on the primary key: without it they
 * scanned the whole ticket table for each page.
 */
async function writeColumns(db: Db, pending: Pending[]): Promise<number> {
  const values = pending.map((p) => sql`(${sql.join([p.id, p.version, ...COLUMNS.map((c) => p[c])])})`);
  const names = sql.join(["id", "version", ...COLUMNS].map((c) => sql.ref(c)));
  const sets = sql.join(COLUMNS.map((c) => sql`${sql.ref(c)} = cast(v.${sql.ref(c)} as ${sql.raw(INTEGER.has(c) ? "integer" : "text")})`));
  const result = await sql`with v(${names}) as (values ${sql.join(values)})
    update ticket set ${sets} from v
    where ticket.id = cast(v.id as integer) and ticket.version = cast(v.version as integer)
      and ticket.id between ${pending[0]!.id} and ${pending.at(-1)!.id}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export const recomputeJob = defineJob({
  name: "sla.recompute",
  payload: z.object({ entityId: z.number().int() }),
  handler: async ({ entityId }, { db, log }) => {
    const count = await recomputeDeadlines(db, entityId);
    log.info({ entityId, count }, "SLA deadlines recomputed");
  },
});
