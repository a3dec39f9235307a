import type { DB } from "../../../db/schema.js";

/** Email out: SMTP settings, notification templates, the outgoing mail queue: the tables, as Kysely sees them (see migration 2026_11_26_120000_mail_out). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type MailOutTables = {};

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const MAIL_OUT_TABLES: { name: keyof DB; selfRef?: string }[] = [];
