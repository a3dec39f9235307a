import { z } from "zod";
import { IdSchema, PageQuerySchema, pageOf } from "./common.js";

/** Email in: the collected mailboxes (IMAP) or the built-in receiver's addresses, and the received mails' fate. */
export const MAILBOX_KINDS = ["imap", "smtp"] as const;
export const MAILBOX_TLS_MODES = ["tls", "starttls", "none"] as const;
export const MAILBOX_AFTER_ACTIONS = ["move", "delete"] as const;
export const UNKNOWN_SENDER_ACTIONS = ["contact", "refuse"] as const;
export const RECEIVED_STATUSES = ["pending", "ticket", "followup", "refused", "failed"] as const;
/** Why a mail was refused: classify()'s reasons, plus the sender and size checks. */
export const REFUSE_REASONS = ["loop", "blocked", "bounce", "auto_reply", "bulk", "unknown_sender", "no_sender", "too_large"] as const;
export type MailboxKind = (typeof MAILBOX_KINDS)[number];
export type ReceivedStatus = (typeof RECEIVED_STATUSES)[number];

export const MAIL_IN_MAX_MB = { min: 1, max: 100, default: 25 };

export const MailboxParamsSchema = z.object({ id: IdSchema });
export const ReceivedMailParamsSchema = z.object({ id: IdSchema });

const address = z.string().trim().toLowerCase().email().max(254);
const folder = z.string().trim().min(1).max(200);

/** What the admin edits. The password is write-only: omitted (or null) keeps the stored one. */
export const MailboxBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  entityId: z.number().int().positive(),
  kind: z.enum(MAILBOX_KINDS),
  address,
  host: z.string().trim().max(255).nullable().default(null),
  port: z.number().int().min(1).max(65535).nullable().default(null),
  tls: z.enum(MAILBOX_TLS_MODES).default("tls"),
  username: z.string().trim().max(255).nullable().default(null),
  password: z.string().max(500).nullable().optional(),
  folder: folder.default("INBOX"),
  afterAction: z.enum(MAILBOX_AFTER_ACTIONS).default("move"),
  afterFolder: folder.nullable().default("Vigie"),
  categoryId: z.number().int().positive().nullable().default(null),
  groupId: z.number().int().positive().nullable().default(null),
  unknownSender: z.enum(UNKNOWN_SENDER_ACTIONS).default("contact"),
  isEnabled: z.boolean().default(true),
}).superRefine((body, ctx) => {
  if (body.kind !== "imap") return;
  if (!body.host) ctx.addIssue({ code: "custom", path: ["host"], message: "required for an IMAP mailbox" });
  if (!body.username) ctx.addIssue({ code: "custom", path: ["username"], message: "required for an IMAP mailbox" });
  if (body.afterAction === "move" && !body.afterFolder) ctx.addIssue({ code: "custom", path: ["afterFolder"], message: "required to move mails" });
});
export type MailboxBody = z.input<typeof MailboxBodySchema>;

export const MailboxSchema = z.object({
  id: z.number(),
  name: z.string(),
  entityId: z.number(),
  entityName: z.string(),
  kind: z.enum(MAILBOX_KINDS),
  address: z.string(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  tls: z.enum(MAILBOX_TLS_MODES),
  username: z.string().nullable(),
  /** Whether a password is stored; the password itself never leaves the server. */
  hasPassword: z.boolean(),
  folder: z.string(),
  afterAction: z.enum(MAILBOX_AFTER_ACTIONS),
  afterFolder: z.string().nullable(),
  categoryId: z.number().nullable(),
  /** The category's complete name ("Matériel > Impression"), null without one. */
  categoryName: z.string().nullable(),
  groupId: z.number().nullable(),
  unknownSender: z.enum(UNKNOWN_SENDER_ACTIONS),
  isEnabled: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;
export const MailboxPageSchema = pageOf(MailboxSchema);

/** The connection settings to try: a stored mailbox's password is used when none is typed. */
export const MailboxTestBodySchema = z.object({
  mailboxId: z.number().int().positive().nullable().default(null),
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  tls: z.enum(MAILBOX_TLS_MODES),
  username: z.string().trim().min(1).max(255),
  password: z.string().max(500).nullable().optional(),
  folder: folder.default("INBOX"),
});
export type MailboxTestBody = z.input<typeof MailboxTestBodySchema>;
export const MailboxTestResultSchema = z.object({
  ok: z.boolean(),
  /** Messages waiting in the folder when it worked. */
  messages: z.number().nullable(),
  /** The server's or the network's message when it did not. */
  error: z.string().nullable(),
});
export type MailboxTestResult = z.infer<typeof MailboxTestResultSchema>;

export const CollectResultSchema = z.object({ collected: z.number(), error: z.string().nullable() });
export type CollectResult = z.infer<typeof CollectResultSchema>;

export const ReceivedMailQuerySchema = PageQuerySchema.extend({
  status: z.enum(RECEIVED_STATUSES).optional(),
  mailboxId: IdSchema.optional(),
});

export const ReceivedMailSchema = z.object({
  id: z.number(),
  mailboxId: z.number().nullable(),
  mailboxName: z.string().nullable(),
  entityId: z.number(),
  messageId: z.string().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string(),
  size: z.number(),
  status: z.enum(RECEIVED_STATUSES),
  /** A REFUSE_REASONS value, or an error code for a failed mail. */
  reason: z.string().nullable(),
  error: z.string().nullable(),
  ticketId: z.number().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type ReceivedMail = z.infer<typeof ReceivedMailSchema>;
export const ReceivedMailPageSchema = pageOf(ReceivedMailSchema);

/** A mail a ticket or one of its followups was made from: its original is for the staff who see the ticket. */
export const TicketMailParamsSchema = z.object({ id: IdSchema, mailId: IdSchema });
export const TicketMailSchema = z.object({
  id: z.number(),
  /** null: the mail opened the ticket. */
  followupId: z.number().nullable(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string(),
  size: z.number(),
  receivedAt: z.string(),
});
export type TicketMail = z.infer<typeof TicketMailSchema>;
export const TicketMailPageSchema = pageOf(TicketMailSchema);

/** Settings for every mailbox (root admin): the blocklist and the size over which a mail is refused. */
export const MailInSettingsSchema = z.object({
  /** "user@example.com", or a whole domain: "example.com", "@example.com", "*@example.com". */
  blocklist: z.array(z.string().trim().toLowerCase().min(1).max(254)).max(5000),
  maxMessageMb: z.number().int().min(MAIL_IN_MAX_MB.min).max(MAIL_IN_MAX_MB.max),
});
export type MailInSettings = z.infer<typeof MailInSettingsSchema>;
