import type { JobDefinition } from "../../jobs/queue.js";
import type { CronEntry } from "../../jobs/worker.js";

/** Business calendars, SLA targets, ticket deadlines and escalations: this module's job kinds and schedules. */
export const SLA_JOBS: JobDefinition[] = [];
export const SLA_CRON: CronEntry[] = [];
