import type { Kysely } from "kysely";
import { z } from "zod";
import { addMonths } from "../../../shared/domain/assets.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import { defineJob } from "../../jobs/queue.js";
import { recordHistory } from "../history/history.service.js";
import { renewedEnd, todayIn } from "./contract-dates.js";
import { notifyFleetAlerts } from "./fleet-alerts.notify.js";

/** Contracts renewed per transaction: a backlog (the job stopped for months) goes in short steps. */
const RENEW_BATCH = 200;

/**
 * Renews the contracts with tacit renewal whose end has passed: the end (and the notice date)
 * move on by whole periods until the end is today or later. Each renewal goes to the history,
 * by "system". Idempotent: a renewed contract no longer matches.
 */
export async function renewContracts(db: Kysely<DB>, today: string): Promise<number> {
  let renewed = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom("contract").selectAll().where("tacit_renewal", "=", 1).where("end_date", "<", today)
        .orderBy("end_date").orderBy("id").limit(RENEW_BATCH).execute();
      for (const row of rows) {
        const endDate = renewedEnd(row.start_date, row.duration_months, row.end_date, today);
        const noticeDate = addMonths(endDate, -row.notice_months);
        await trx.updateTable("contract").set({ end_date: endDate, notice_date: noticeDate, updated_at: now() }).where("id", "=", row.id).execute();
        await recordHistory(trx, undefined, { recordType: "contract", recordId: row.id, entityId: row.entity_id, action: "update", changes: [
          { field: "endDate", oldValue: row.end_date, newValue: endDate }, { field: "noticeDate", oldValue: row.notice_date, newValue: noticeDate }] });
      }
      return rows.length;
    });
    renewed += done;
    if (done < RENEW_BATCH) return renewed;
  }
}

/** The day as people in the app's time zone see it; the job has no request to read it from. */
const JobPayload = z.object({ timeZone: z.string().default("Europe/Paris") });

/**
 * Once a day: the tacit renewals first, so the alerts that follow see the renewed dates, then
 * the warranty, contract end and notice alerts for the supervisors.
 */
export const contractDailyJob = defineJob({
  name: "contracts.daily",
  payload: JobPayload,
  handler: async (payload, { db, log }) => {
    const today = todayIn(payload.timeZone);
    const renewed = await renewContracts(db, today);
    const sent = await notifyFleetAlerts(db, today);
    if (renewed > 0 || sent > 0) log.info({ renewed, sent }, "contracts renewed and fleet alerts sent");
  },
});
