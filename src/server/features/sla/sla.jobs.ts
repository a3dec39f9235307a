import type { JobDefinition } from "../../jobs/queue.js";
import type { CronEntry } from "../../jobs/worker.js";
import { escalationJob } from "./sla-escalation.js";
import { recomputeJob } from "./sla-recompute.js";

/** Business calendars, SLA targets, ticket deadlines and escalations: this module's job kinds and schedules. */
export const SLA_JOBS: JobDefinition[] = [recomputeJob as JobDefinition, escalationJob as JobDefinition];
export const SLA_CRON: CronEntry[] = [{ job: escalationJob as JobDefinition, everyMinutes: 1 }];
