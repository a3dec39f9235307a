import type { Generated, Selectable } from "kysely";
import type { DB, Flag } from "../../../db/schema.js";

/** Email out: notification templates, mail preferences, the outgoing mails (see migration 2026_11_26_120000_mail_out). */
export type MailOutTables = {
  /** An admin's version of a shipped template; one per (event, language). */
  mail_template: {
    id: Generated<number>; event: string; language: string; subject: string; body: string;
    updated_by: number | null; updated_at: string;
  };
  /** A user's choice for one event (no row: mail is sent). */
  mail_preference: { id: Generated<number>; user_id: number; event: string; enabled: Flag };
  outgoing_mail: {
    id: Generated<number>; event: string; ticket_id: number | null; source_job_id: number | null; recipient_id: number | null;
    to_address: string; to_name: string | null; language: string; subject: string; text_body: string; html_body: string;
    message_id: string; in_reply_to: string | null; references: string | null;
    status: "queued" | "sent" | "failed"; attempts: number; last_error: string | null; created_at: string; sent_at: string | null;
  };
};
export type OutgoingMailRow = Selectable<MailOutTables["outgoing_mail"]>;

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const MAIL_OUT_TABLES: { name: keyof DB; selfRef?: string }[] = [
  { name: "mail_template" }, { name: "mail_preference" }, { name: "outgoing_mail" },
];
