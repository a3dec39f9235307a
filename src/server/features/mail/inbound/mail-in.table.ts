import type { Generated, Selectable } from "kysely";
import type { DB, Flag } from "../../../db/schema.js";

/** Email in: mailboxes and received mails (see migration 2026_11_26_130000_mail_in). */
export type MailInTables = {
  mail_mailbox: MailMailboxTable;
  mail_received: MailReceivedTable;
};

export type MailMailboxTable = {
  id: Generated<number>;
  entity_id: number;
  name: string;
  kind: "imap" | "smtp";
  /** Lower-cased: the address people write to (the receiver's recipient; a loop when it is the sender). */
  address: string;
  host: string | null;
  port: number | null;
  tls: "tls" | "starttls" | "none";
  username: string | null;
  /** Never leaves the server. */
  password: string | null;
  folder: string;
  after_action: "move" | "delete";
  after_folder: string | null;
  category_id: number | null;
  group_id: number | null;
  unknown_sender: "contact" | "refuse";
  is_enabled: Flag;
  lease_owner: string | null;
  lease_until: string | null;
  last_run_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
};
export type MailMailboxRow = Selectable<MailMailboxTable>;

export type MailReceivedTable = {
  id: Generated<number>;
  mailbox_id: number | null;
  entity_id: number;
  sha256: string;
  size: number;
  message_id: string | null;
  from_address: string | null;
  from_name: string | null;
  subject: string;
  status: "pending" | "ticket" | "followup" | "refused" | "failed";
  reason: string | null;
  error: string | null;
  ticket_id: number | null;
  followup_id: number | null;
  attempts: number;
  next_attempt_at: string | null;
  received_at: string;
  updated_at: string;
};
export type MailReceivedRow = Selectable<MailReceivedTable>;

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const MAIL_IN_TABLES: { name: keyof DB; selfRef?: string }[] = [{ name: "mail_mailbox" }, { name: "mail_received" }];
