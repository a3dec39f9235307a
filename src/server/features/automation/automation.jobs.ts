import type { JobDefinition } from "../../jobs/queue.js";
import type { CronEntry } from "../../jobs/worker.js";

/** Automation rules, ticket templates, canned responses and recurring tickets: this module's job kinds and schedules. */
export const AUTOMATION_JOBS: JobDefinition[] = [];
export const AUTOMATION_CRON: CronEntry[] = [];
