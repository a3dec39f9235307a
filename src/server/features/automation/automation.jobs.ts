import { z } from "zod";
import type { JobDefinition } from "../../jobs/queue.js";
import { defineJob } from "../../jobs/queue.js";
import type { CronEntry } from "../../jobs/worker.js";
import { runDueRecurring } from "./recurring-run.js";

/** Creates the recurring tickets that are due (preventive maintenance, routine checks). */
export const recurringTicketsJob = defineJob({
  name: "automation.recurring",
  payload: z.object({}),
  handler: async (_payload, { db, log }) => {
    const created = await runDueRecurring(db, log);
    if (created > 0) log.info({ created }, "recurring tickets created");
  },
});

/** Automation rules, ticket templates, canned responses and recurring tickets: this module's job kinds and schedules. */
export const AUTOMATION_JOBS: JobDefinition[] = [recurringTicketsJob as JobDefinition];
export const AUTOMATION_CRON: CronEntry[] = [{ job: recurringTicketsJob as JobDefinition, everyMinutes: 5 }];
