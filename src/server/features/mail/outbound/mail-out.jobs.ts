import type { JobDefinition } from "../../../jobs/queue.js";
import type { CronEntry } from "../../../jobs/worker.js";

/** Email out: SMTP settings, notification templates, the outgoing mail queue: this module's job kinds and schedules. */
export const MAIL_OUT_JOBS: JobDefinition[] = [];
export const MAIL_OUT_CRON: CronEntry[] = [];
