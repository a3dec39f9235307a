import type { JobDefinition } from "../../../jobs/queue.js";
import type { CronEntry } from "../../../jobs/worker.js";

/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver, received mails and their fate: this module's job kinds and schedules. */
export const MAIL_IN_JOBS: JobDefinition[] = [];
export const MAIL_IN_CRON: CronEntry[] = [];
