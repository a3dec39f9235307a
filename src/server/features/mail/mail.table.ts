/** The mail modules' shared table (migration 2026_11_26_090000_mail_thread). */
export type MailThreadTables = {
  /** A Message-ID (with angle brackets, as in the headers) Vigie sent or received for a ticket. */
  mail_thread_ref: { message_id: string; ticket_id: number; direction: "in" | "out"; created_at: string };
};
