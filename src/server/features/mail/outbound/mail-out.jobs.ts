import type { JobDefinition } from "../../../jobs/queue.js";
import type { CronEntry } from "../../../jobs/worker.js";
import { renderTicketMailJob } from "./mail-queue.js";
import { sendMailJob } from "./mail-send.job.js";

/** Email out: rendering a ticket event's mails, and sending each one. */
export const MAIL_OUT_JOBS: JobDefinition[] = [renderTicketMailJob as JobDefinition, sendMailJob as JobDefinition];
export const MAIL_OUT_CRON: CronEntry[] = [];
