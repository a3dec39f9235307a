import type { DB } from "../../db/schema.js";

/** Automation rules, ticket templates, canned responses and recurring tickets: the tables, as Kysely sees them (see migration 2026_11_26_110000_automation). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AutomationTables = {};

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const AUTOMATION_TABLES: { name: keyof DB; selfRef?: string }[] = [];
