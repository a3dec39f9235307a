import type { Kysely } from "kysely";
import { z } from "zod";
import type { DB } from "../../db/schema.js";
import { defineJob } from "../../jobs/queue.js";
import { notifyDueSoon } from "./notify.js";

/** Every quarter of an hour: open tickets due within two hours warn their technician or group, once per due date. */
export const dueSoonJob = defineJob({
  name: "notifications.due-soon",
  payload: z.object({}),
  handler: async (_payload, { db, log }) => {
    const sent = await notifyDueSoon(db);
    if (sent > 0) log.info({ sent }, "due-soon notifications sent");
  },
});

const DAY_MS = 86_400_000;
/** Read notifications are kept a month, unread ones three: the bell is for what is current. */
const KEEP_READ_DAYS = 30;
const KEEP_UNREAD_DAYS = 90;

/** The first notification created at or after `at`: ids grow with time, so older rows are those below it. */
async function firstIdSince(db: Kysely<DB>, at: Date): Promise<number | undefined> {
  const row = await db.selectFrom("notification").select("id").where("created_at", ">=", at.toISOString())
    .orderBy("id").limit(1).executeTakeFirst();
  return row?.id;
}

export async function purgeOldNotifications(db: Kysely<DB>, now = new Date()): Promise<number> {
  // No notification since the cutoff: every one there is is older.
  const below = async (days: number) => (await firstIdSince(db, new Date(now.getTime() - days * DAY_MS))) ?? Number.POSITIVE_INFINITY;
  const read = await below(KEEP_READ_DAYS);
  const all = await below(KEEP_UNREAD_DAYS);
  const gone = await db.deleteFrom("notification")
    .where((eb) => {
      const before = (id: number) => (Number.isFinite(id) ? eb("id", "<", id) : eb.lit(true));
      return eb.or([before(all), eb.and([before(read), eb("read_at", "is not", null)])]);
    })
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** Every hour: old notifications go, so the table stays the size of a few months of work. */
export const purgeNotificationsJob = defineJob({
  name: "notifications.purge",
  payload: z.object({}),
  handler: async (_payload, { db, log }) => {
    const purged = await purgeOldNotifications(db);
    if (purged > 0) log.info({ purged }, "old notifications purged");
  },
});
