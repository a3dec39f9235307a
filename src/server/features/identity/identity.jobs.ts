import { z } from "zod";
import { defineJob } from "../../jobs/queue.js";
import { purgeExpiredSessions } from "./session.service.js";

export const purgeSessionsJob = defineJob({
  name: "identity.purge-sessions",
  payload: z.object({}),
  handler: async (_payload, { db, log }) => {
    const sessions = await purgeExpiredSessions(db);
    // Sign-in attempts only matter for the rate-limit window; a month is kept for audits.
    const old = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await db.deleteFrom("login_attempt").where("at", "<", old).execute();
    if (sessions > 0) log.info({ sessions }, "expired sessions purged");
  },
});
