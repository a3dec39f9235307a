import type { Kysely } from "kysely";
import { z } from "zod";
import { HEALTH_SIGNALS, type HealthSettingsBody, type HealthSignal } from "../../../shared/api/inventory-health.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import { defineJob } from "../../jobs/queue.js";
import { selectHealthRows, withSignal } from "./health-query.js";
import { readHealthSettings } from "./health-settings.service.js";
import { openHealthTicket } from "./health-tickets.js";

/** Machines handled per transaction: a first run on a large fleet goes in short steps. */
const RAISE_BATCH = 100;

/** Closes the open records whose problem is gone, so that it opens a new ticket if it comes back. */
async function clearGone(db: Kysely<DB>, signal: HealthSignal, settings: HealthSettingsBody): Promise<number> {
  const result = await db.updateTable("asset_health_signal").set({ cleared_at: now() })
    .where("signal", "=", signal).where("cleared_at", "is", null)
    .where("asset_id", "not in", withSignal(db, signal, settings).select("ai.asset_id"))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Opens one ticket per machine that has the signal and no open record of it yet. */
async function raiseNew(db: Kysely<DB>, signal: HealthSignal, settings: HealthSettingsBody): Promise<number> {
  let raised = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await selectHealthRows(trx, signal, settings).where("hs.id", "is", null).orderBy("ai.asset_id").limit(RAISE_BATCH).execute();
      for (const row of rows) {
        // The record first: the unique index on open records stops a second job run at once from opening a second ticket.
        const record = await trx.insertInto("asset_health_signal").values({ asset_id: row.asset_id, signal, raised_at: now(), ticket_id: null,
          cleared_at: null }).returning("id").executeTakeFirstOrThrow();
        const ticketId = await openHealthTicket(trx, signal, row, settings);
        await trx.updateTable("asset_health_signal").set({ ticket_id: ticketId }).where("id", "=", record.id).execute();
      }
      return rows.length;
    });
    raised += done;
    if (done < RAISE_BATCH) return raised;
  }
}

/**
 * Once a day: the problems that are gone are closed, then, when the admin turned automatic
 * tickets on, each machine with a signal and no open record gets one ticket. Idempotent: a
 * second run finds every lasting problem recorded and opens nothing.
 */
export async function runHealthTickets(db: Kysely<DB>): Promise<{ cleared: number; raised: number }> {
  const settings = await readHealthSettings(db);
  let cleared = 0;
  let raised = 0;
  for (const signal of HEALTH_SIGNALS) cleared += await clearGone(db, signal, settings);
  if (!settings.ticket.enabled) return { cleared, raised };
  for (const signal of HEALTH_SIGNALS) raised += await raiseNew(db, signal, settings);
  return { cleared, raised };
}

export const healthDailyJob = defineJob({
  name: "inventory.health-tickets",
  payload: z.object({}),
  handler: async (_payload, { db, log }) => {
    const { cleared, raised } = await runHealthTickets(db);
    if (cleared > 0 || raised > 0) log.info({ cleared, raised }, "health signals cleared and tickets opened");
  },
});
