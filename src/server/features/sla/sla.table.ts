import type { DB } from "../../db/schema.js";

/** Business calendars, SLA targets, ticket deadlines and escalations: the tables, as Kysely sees them (see migration 2026_11_26_100000_sla). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type SlaTables = {};

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const SLA_TABLES: { name: keyof DB; selfRef?: string }[] = [];
