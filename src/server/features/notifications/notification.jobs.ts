import { z } from "zod";
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
