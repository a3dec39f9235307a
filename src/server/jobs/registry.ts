import { purgeSessionsJob } from "../features/identity/identity.jobs.js";
import { autoCloseJob } from "../features/tickets/ticket.jobs.js";
import { purgePresenceJob } from "../features/live/live.jobs.js";
import { dueSoonJob, purgeNotificationsJob } from "../features/notifications/notification.jobs.js";
import { contractDailyJob } from "../features/assets/contract.jobs.js";
import { healthDailyJob } from "../features/inventory/health.jobs.js";
import { snmpScanJob } from "../features/inventory/snmp/snmp-scan.jobs.js";
import type { JobDefinition } from "./queue.js";
import type { CronEntry } from "./worker.js";

/** Every job kind of every module; a module adds its own here. */
export const JOBS: JobDefinition[] = [purgeSessionsJob as JobDefinition, autoCloseJob as JobDefinition,
  dueSoonJob as JobDefinition, purgeNotificationsJob as JobDefinition, purgePresenceJob as JobDefinition,
  contractDailyJob as JobDefinition, healthDailyJob as JobDefinition, snmpScanJob as JobDefinition];

export const CRON: CronEntry[] = [
  { job: purgeSessionsJob as JobDefinition, everyMinutes: 60 },
  { job: autoCloseJob as JobDefinition, everyMinutes: 60 },
  { job: dueSoonJob as JobDefinition, everyMinutes: 15 },
  { job: purgeNotificationsJob as JobDefinition, everyMinutes: 60 },
  { job: purgePresenceJob as JobDefinition, everyMinutes: 60 },
  { job: contractDailyJob as JobDefinition, everyMinutes: 24 * 60 },
  { job: healthDailyJob as JobDefinition, everyMinutes: 24 * 60 },
];
