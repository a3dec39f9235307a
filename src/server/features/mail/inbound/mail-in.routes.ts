import { createReadStream } from "node:fs";
import { z } from "zod";
import { IdParamsSchema, PageQuerySchema } from "../../../../shared/api/common.js";
import {
  CollectResultSchema, MailboxBodySchema, MailboxPageSchema, MailboxParamsSchema, MailboxSchema, MailboxTestBodySchema,
  MailboxTestResultSchema, MailInSettingsSchema, ReceivedMailPageSchema, ReceivedMailParamsSchema, ReceivedMailQuerySchema,
  ReceivedMailSchema, TicketMailPageSchema, TicketMailParamsSchema,
} from "../../../../shared/api/mail-in.js";
import { type RouteSpec, route } from "../../../http/route.js";
import { contentDisposition } from "../../attachments/attachment.routes.js";
import {
  collectMailboxNow, createMailbox, deleteMailbox, getMailInSettings, getMailbox, listMailboxes, listReceivedMails,
  openReceivedRaw, retryReceivedMail, testMailbox, updateMailInSettings, updateMailbox,
} from "./mailbox.service.js";
import { listTicketMails, openTicketMailRaw } from "./ticket-mail.service.js";

const tag = "mail-in";
const mailboxes = "/api/mail-in/mailboxes";
const received = "/api/mail-in/received";

/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver's addresses, received mails and their fate (mail.manage). */
export const mailInRoutes: RouteSpec[] = [
  route({ method: "GET", url: mailboxes, tag, auth: "user", summary: "Mailboxes of the entities the caller manages mail for (passwords never returned)",
    query: PageQuerySchema, response: MailboxPageSchema, handler: (ctx, { query }) => listMailboxes(ctx, query) }),
  route({ method: "POST", url: mailboxes, tag, auth: "user", status: 201, summary: "Adds a mailbox collected over IMAP, or an address of the built-in receiver",
    body: MailboxBodySchema, response: MailboxSchema, handler: (ctx, { body }) => createMailbox(ctx, body) }),
  route({ method: "POST", url: `${mailboxes}/test`, tag, auth: "user", summary: "Connects to an IMAP server with these settings and counts the folder's messages; nothing is saved",
    body: MailboxTestBodySchema, response: MailboxTestResultSchema, handler: (ctx, { body }) => testMailbox(ctx, body) }),
  route({ method: "GET", url: `${mailboxes}/:id`, tag, auth: "user", summary: "One mailbox",
    params: MailboxParamsSchema, response: MailboxSchema, handler: (ctx, { params }) => getMailbox(ctx, params.id) }),
  route({ method: "PUT", url: `${mailboxes}/:id`, tag, auth: "user", summary: "Saves a mailbox; no password keeps the stored one",
    params: MailboxParamsSchema, body: MailboxBodySchema, response: MailboxSchema, handler: (ctx, { params, body }) => updateMailbox(ctx, params.id, body) }),
  route({ method: "DELETE", url: `${mailboxes}/:id`, tag, auth: "user", status: 204, summary: "Deletes a mailbox; its received mails stay listed",
    params: MailboxParamsSchema, response: z.null(), handler: async (ctx, { params }) => { await deleteMailbox(ctx, params.id); return null; } }),
  route({ method: "POST", url: `${mailboxes}/:id/collect`, tag, auth: "user", summary: "Collects the mailbox now (error \"busy\" when a collector is already at it)",
    params: MailboxParamsSchema, response: CollectResultSchema, handler: (ctx, { params }) => collectMailboxNow(ctx, params.id) }),
  route({ method: "GET", url: received, tag, auth: "user", summary: "Received mails, newest first, with their fate (ticket, followup, refused, failed)",
    query: ReceivedMailQuerySchema, response: ReceivedMailPageSchema, handler: (ctx, { query }) => listReceivedMails(ctx, query) }),
  route({ method: "POST", url: `${received}/:id/retry`, tag, auth: "user", summary: "Files a failed or refused mail again from its kept original",
    params: ReceivedMailParamsSchema, response: ReceivedMailSchema, handler: (ctx, { params }) => retryReceivedMail(ctx, params.id) }),
  route({ method: "GET", url: `${received}/:id/raw`, tag, auth: "user", summary: "The original message as received (message/rfc822)",
    params: ReceivedMailParamsSchema, response: z.string().meta({ format: "binary" }),
    handler: async (ctx, { params, reply }) => {
      const { filePath, fileName } = await openReceivedRaw(ctx, params.id);
      reply.header("Content-Type", "message/rfc822").header("Content-Disposition", contentDisposition("attachment", fileName));
      return reply.send(createReadStream(filePath));
    } }),
  route({ method: "GET", url: "/api/tickets/:id/mails", tag, auth: "user", summary: "The mails the ticket and its followups were made from (staff who see the ticket)",
    params: IdParamsSchema, query: PageQuerySchema, response: TicketMailPageSchema,
    handler: (ctx, { params, query }) => listTicketMails(ctx, params.id, query) }),
  route({ method: "GET", url: "/api/tickets/:id/mails/:mailId/raw", tag, auth: "user", summary: "One of those mails as received (message/rfc822)",
    params: TicketMailParamsSchema, response: z.string().meta({ format: "binary" }),
    handler: async (ctx, { params, reply }) => {
      const { filePath, fileName } = await openTicketMailRaw(ctx, params.id, params.mailId);
      reply.header("Content-Type", "message/rfc822").header("Content-Disposition", contentDisposition("attachment", fileName));
      return reply.send(createReadStream(filePath));
    } }),
  route({ method: "GET", url: "/api/mail-in/settings", tag, auth: "user", summary: "The blocklist and size limit of every mailbox",
    response: MailInSettingsSchema, handler: (ctx) => getMailInSettings(ctx) }),
  route({ method: "PUT", url: "/api/mail-in/settings", tag, auth: "user", summary: "Saves the blocklist and size limit (admin of the root entity)",
    body: MailInSettingsSchema, response: MailInSettingsSchema, handler: (ctx, { body }) => updateMailInSettings(ctx, body) }),
];

