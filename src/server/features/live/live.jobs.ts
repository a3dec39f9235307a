import { z } from "zod";
import { defineJob } from "../../jobs/queue.js";
import { purgeStalePresence } from "./presence.service.js";

/** Presence rows of pages closed without a word, on tickets nobody opened since. */
export const purgePresenceJob = defineJob({
  name: "live.purge-presence",
  payload: z.object({}),
  handler: async (_payload, { db }) => {
    await purgeStalePresence(db);
  },
});
