import { purgeSessionsJob } from "../features/identity/identity.jobs.js";
import { autoCloseJob } from "../features/tickets/ticket.jobs.js";
import { purgePresenceJob } from "../features/live/live.jobs.js";
import { dueSoonJob, purgeNotificationsJob } from "../features/notifications/notification.jobs.js";
import { contractDailyJob } from "../features/assets/contract.jobs.js";
import { healthDailyJob } from "../features/inventory/health.jobs.js";
import { snmpScanJob } from "../features/inventory/snmp/snmp-scan.jobs.js";
import { SLA_CRON, SLA_JOBS } from "../features/sla/sla.jobs.js";
import { AUTOMATION_CRON, AUTOMATION_JOBS } from "../features/automation/automation.jobs.js";
import { MAIL_OUT_CRON, MAIL_OUT_JOBS } from "../features/mail/outbound/mail-out.jobs.js";
import { MAIL_IN_CRON, MAIL_IN_JOBS } from "../features/mail/inbound/mail-in.jobs.js";
import type { JobDefinition } from "./queue.js";
import type { CronEntry } from "./worker.js";

/** Every job kind of every module; a module adds its own here. */
export const JOBS: JobDefinition[] = [purgeSessionsJob as JobDefinition, autoCloseJob as JobDefinition,
  dueSoonJob as JobDefinition, purgeNotificationsJob as JobDefinition, purgePresenceJob as JobDefinition,
  contractDailyJob as JobDefinition, healthDailyJob as JobDefinition, snmpScanJob as JobDefinition,
  ...SLA_JOBS, ...AUTOMATION_JOBS, ...MAIL_OUT_JOBS, ...MAIL_IN_JOBS];

export const CRON: CronEntry[] = [
  { job: purgeSessionsJob as JobDefinition, everyMinutes: 60 },
  { job: autoCloseJob as JobDefinition, everyMinutes: 60 },
  { job: dueSoonJob as JobDefinition, everyMinutes: 15 },
  { job: purgeNotificationsJob as JobDefinition, everyMinutes: 60 },
  { job: purgePresenceJob as JobDefinition, everyMinutes: 60 },
  { job: contractDailyJob as JobDefinition, everyMinutes: 24 * 60 },
  { job: healthDailyJob as JobDefinition, everyMinutes: 24 * 60 },
  ...SLA_CRON,
  ...AUTOMATION_CRON,
  ...MAIL_OUT_CRON,
  ...MAIL_IN_CRON,
];
