import type { DB } from "../../../db/schema.js";

/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver, received mails and their fate: the tables, as Kysely sees them (see migration 2026_11_26_130000_mail_in). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type MailInTables = {};

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const MAIL_IN_TABLES: { name: keyof DB; selfRef?: string }[] = [];
