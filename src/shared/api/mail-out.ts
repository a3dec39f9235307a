import { z } from "zod";
import { PageQuerySchema, pageOf } from "./common.js";

/** The ticket events that send mail, in the order the screens list them. */
export const MAIL_EVENTS = ["created", "assigned", "followup", "solved", "closed", "sla_warning"] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];

export const MAIL_LANGUAGES = ["fr", "en"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** What a template may name; anything else in {{ }} is refused at save. */
export const MAIL_PLACEHOLDERS = [
  "ticket.number", "ticket.title", "ticket.status", "ticket.priority", "ticket.url", "ticket.description",
  "requester.name", "recipient.name", "actor.name", "assignee.name", "group.name", "entity.name",
  "followup.text", "solution.text", "sla.deadline", "app.name",
] as const;
export type MailPlaceholder = (typeof MAIL_PLACEHOLDERS)[number];

export const SMTP_SECURITY = ["none", "starttls", "tls"] as const;

/** Vigie's SMTP settings as the API shows them: the password is never returned, only whether one is set. */
export const SmtpSettingsSchema = z.object({
  configured: z.boolean(),
  host: z.string(),
  port: z.number(),
  security: z.enum(SMTP_SECURITY),
  user: z.string(),
  passwordSet: z.boolean(),
  fromAddress: z.string(),
  fromName: z.string(),
  /** The address people reach Vigie at, for the links in mails. */
  appUrl: z.string(),
  enabled: z.boolean(),
});
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>;

/** `password` left out keeps the stored one; "" removes it. */
export const SmtpSettingsBodySchema = z.object({
  host: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9.:[\]-]+$/, "host name or address"),
  port: z.number().int().min(1).max(65535),
  security: z.enum(SMTP_SECURITY),
  user: z.string().trim().max(255).default(""),
  password: z.string().max(500).optional(),
  fromAddress: z.email().max(255),
  fromName: z.string().trim().max(120).default("Vigie"),
  appUrl: z.url({ protocol: /^https?$/ }).max(500),
  enabled: z.boolean().default(true),
}).strict();
export type SmtpSettingsBody = z.input<typeof SmtpSettingsBodySchema>;

export const TestMailBodySchema = z.object({ to: z.email().max(255) }).strict();
export type TestMailBody = z.infer<typeof TestMailBodySchema>;
export const TestMailResultSchema = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type TestMailResult = z.infer<typeof TestMailResultSchema>;

export const MailTemplateSchema = z.object({
  event: z.enum(MAIL_EVENTS),
  language: z.enum(MAIL_LANGUAGES),
  subject: z.string(),
  body: z.string(),
  /** True while the shipped text applies (nobody saved one). */
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type MailTemplate = z.infer<typeof MailTemplateSchema>;
export const MailTemplateListSchema = z.object({ data: z.array(MailTemplateSchema) });

export const MailTemplateParamsSchema = z.object({ event: z.enum(MAIL_EVENTS), language: z.enum(MAIL_LANGUAGES) });
export const MailTemplateBodySchema = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
}).strict();
export type MailTemplateBody = z.infer<typeof MailTemplateBodySchema>;

/** A preview renders a template, saved or not, with a sample ticket. */
export const MailPreviewBodySchema = MailTemplateBodySchema.extend({ event: z.enum(MAIL_EVENTS), language: z.enum(MAIL_LANGUAGES) }).strict();
export type MailPreviewBody = z.infer<typeof MailPreviewBodySchema>;
export const MailPreviewSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type MailPreview = z.infer<typeof MailPreviewSchema>;

export const OUTGOING_STATUSES = ["queued", "sent", "failed"] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export const OutgoingMailSchema = z.object({
  id: z.number(),
  event: z.string(),
  ticketId: z.number().nullable(),
  toAddress: z.string(),
  language: z.string(),
  subject: z.string(),
  status: z.enum(OUTGOING_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutgoingMail = z.infer<typeof OutgoingMailSchema>;
export const OutgoingMailPageSchema = pageOf(OutgoingMailSchema);
export const OutgoingMailQuerySchema = PageQuerySchema.extend({ status: z.enum(OUTGOING_STATUSES).optional() });
export type OutgoingMailQuery = z.infer<typeof OutgoingMailQuerySchema>;

/** One switch per event: off means no mail of that kind (the in-app notification stays). */
export const MailPreferencesSchema = z.object({ events: z.record(z.enum(MAIL_EVENTS), z.boolean()), email: z.string().nullable() });
export type MailPreferences = z.infer<typeof MailPreferencesSchema>;
export const MailPreferencesBodySchema = z.object({ events: z.partialRecord(z.enum(MAIL_EVENTS), z.boolean()) }).strict();
export type MailPreferencesBody = z.infer<typeof MailPreferencesBodySchema>;
