import { z } from "zod";
import { defineJob } from "../../jobs/queue.js";
import { autoCloseSolved } from "./ticket-solution.service.js";

export const AUTO_CLOSE_DAYS_DEFAULT = 7;

/** Solved tickets nobody answered close by themselves after the configured number of days. */
export const autoCloseJob = defineJob({
  name: "tickets.auto-close",
  payload: z.object({}),
  handler: async (_payload, { db, log }) => {
    const setting = await db.selectFrom("setting").select("value").where("key", "=", "tickets.auto_close_days").executeTakeFirst();
    const days = setting ? Number(setting.value) : AUTO_CLOSE_DAYS_DEFAULT;
    const closed = await autoCloseSolved(db, days);
    if (closed > 0) log.info({ closed, days }, "solved tickets closed without an answer");
  },
});
