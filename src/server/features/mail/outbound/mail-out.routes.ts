import { IdParamsSchema } from "../../../../shared/api/common.js";
import {
  MailPreferencesBodySchema, MailPreferencesSchema, MailPreviewBodySchema, MailPreviewSchema, MailTemplateBodySchema, MailTemplateListSchema,
  MailTemplateParamsSchema, MailTemplateSchema, OutgoingMailPageSchema, OutgoingMailQuerySchema, OutgoingMailSchema, SmtpSettingsBodySchema,
  SmtpSettingsSchema, TestMailBodySchema, TestMailResultSchema,
} from "../../../../shared/api/mail-out.js";
import { type RouteSpec, route } from "../../../http/route.js";
import { getSmtpSettings, sendTestMail, updateSmtpSettings } from "./mail-settings.service.js";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from "./mail-templates.service.js";
import { getMailPreferences, listOutgoingMails, resendOutgoingMail, updateMailPreferences } from "./outgoing.service.js";

const tag = "mail-out";

/** Email out: SMTP settings, notification templates, the outgoing mail queue (admins of the root entity), and each user's mail preferences. */
export const mailOutRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/mail/smtp", tag, auth: "user", summary: "The SMTP settings; the password is never returned, only `passwordSet`",
    response: SmtpSettingsSchema, handler: (ctx) => getSmtpSettings(ctx) }),
  route({ method: "PUT", url: "/api/mail/smtp", tag, auth: "user",
    summary: "Saves the SMTP settings; leave `password` out to keep the stored one. Mail is queued only once they are saved and enabled",
    body: SmtpSettingsBodySchema, response: SmtpSettingsSchema, handler: (ctx, { body }) => updateSmtpSettings(ctx, body) }),
  route({ method: "POST", url: "/api/mail/smtp/test", tag, auth: "user", summary: "Sends a test mail at once and tells the SMTP server's answer",
    body: TestMailBodySchema, response: TestMailResultSchema, handler: (ctx, { body }) => sendTestMail(ctx, body) }),
  route({ method: "GET", url: "/api/mail/templates", tag, auth: "user", summary: "Every notification template, per event and language",
    response: MailTemplateListSchema, handler: (ctx) => listTemplates(ctx) }),
  route({ method: "PUT", url: "/api/mail/templates/:event/:language", tag, auth: "user", summary: "Saves a template; unknown placeholders are refused",
    params: MailTemplateParamsSchema, body: MailTemplateBodySchema, response: MailTemplateSchema,
    handler: (ctx, { params, body }) => saveTemplate(ctx, params.event, params.language, body) }),
  route({ method: "DELETE", url: "/api/mail/templates/:event/:language", tag, auth: "user", summary: "Goes back to the shipped template",
    params: MailTemplateParamsSchema, response: MailTemplateSchema, handler: (ctx, { params }) => resetTemplate(ctx, params.event, params.language) }),
  route({ method: "POST", url: "/api/mail/templates/preview", tag, auth: "user", summary: "Renders a template with a sample ticket",
    body: MailPreviewBodySchema, response: MailPreviewSchema, handler: (ctx, { body }) => previewTemplate(ctx, body) }),
  route({ method: "GET", url: "/api/mail/outgoing", tag, auth: "user", summary: "The outgoing mails, newest first: queued, sent, failed with the error",
    query: OutgoingMailQuerySchema, response: OutgoingMailPageSchema, handler: (ctx, { query }) => listOutgoingMails(ctx, query) }),
  route({ method: "POST", url: "/api/mail/outgoing/:id/resend", tag, auth: "user", summary: "Queues a failed mail again",
    params: IdParamsSchema, response: OutgoingMailSchema, handler: (ctx, { params }) => resendOutgoingMail(ctx, params.id) }),
  route({ method: "GET", url: "/api/me/mail-preferences", tag, auth: "user", summary: "Which events the signed-in user gets by mail",
    response: MailPreferencesSchema, handler: (ctx) => getMailPreferences(ctx) }),
  route({ method: "PUT", url: "/api/me/mail-preferences", tag, auth: "user", summary: "Turns mail for some events on or off",
    body: MailPreferencesBodySchema, response: MailPreferencesSchema, handler: (ctx, { body }) => updateMailPreferences(ctx, body) }),
];
