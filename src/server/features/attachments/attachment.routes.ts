import { createReadStream } from "node:fs";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  AttachmentListQuerySchema, AttachmentPageSchema, DownloadQuerySchema, DownloadResponseSchema, UPLOAD_HEADER,
  UploadAttachmentsFormSchema, UploadFieldsSchema, UploadResultSchema,
} from "../../../shared/api/attachments.js";
import { IdParamsSchema } from "../../../shared/api/common.js";
import { AppError } from "../../http/errors.js";
import { route, toIssues } from "../../http/route.js";
import {
  assertCanUpload, deleteAttachment, listAttachments, maxUploadBytes, openAttachment, saveUploads,
} from "./attachment.service.js";
import { filesDirOf } from "./file-store.js";
import { discardAll, receiveUpload } from "./upload-receiver.js";

const UPLOAD_URL = "/api/tickets/:id/attachments";
const DOWNLOAD_URL = "/api/attachments/:id";
/** The routes that take a form, and those that answer a stored file (the KB's too: kb-file.routes.ts). */
const FORM_URLS = new Set([UPLOAD_URL, "/api/asset-imports", "/api/kb/articles/:id/files"]);
const FILE_URLS = new Set([DOWNLOAD_URL, "/api/kb/files/:id"]);

/** A downloaded file runs nothing: no script, no plugin, no form, even opened on its own. */
const DOWNLOAD_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** RFC 6266 / 5987: an ASCII fallback for old clients, and the exact name in UTF-8. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Answers a stored file: shown in the page when `inline` (images only, decided by the caller), else downloaded. */
export function sendStoredFile(reply: FastifyReply, file: { contentType: string; size: number; fileName: string }, filePath: string, inline: boolean) {
  reply
    .header("Content-Type", file.contentType)
    .header("Content-Length", file.size)
    .header("Content-Disposition", contentDisposition(inline ? "inline" : "attachment", file.fileName));
  return reply.send(createReadStream(filePath));
}

export const attachmentRoutes = [
  route({ method: "POST", url: UPLOAD_URL, tag: "attachments", auth: "user", status: 201,
    summary: "Attach files (multipart/form-data: file, isPrivate, followupId). Images, PDF, Office, zip/7z, text; "
      + "type decided from the content. A browser session must send the header X-Vigie-Upload: 1",
    params: IdParamsSchema, body: UploadAttachmentsFormSchema, bodyType: "multipart/form-data", response: UploadResultSchema,
    handler: async (ctx, { params, req, reply }) => {
      if (ctx.actor.kind === "session" && req.headers[UPLOAD_HEADER] !== "1") {
        throw new AppError("FORBIDDEN", `Uploads from a browser session need the ${UPLOAD_HEADER} header`);
      }
      await assertCanUpload(ctx.db, ctx.actor, params.id);
      const form = await receiveUpload(req, reply, filesDirOf(ctx.config), maxUploadBytes(ctx.config));
      try {
        const fields = UploadFieldsSchema.safeParse(form.fields);
        if (!fields.success) throw new AppError("VALIDATION_FAILED", "The form is not valid", toIssues(fields.error, "body"));
        return { data: await saveUploads(ctx, params.id, form.files, fields.data) };
      } finally {
        await discardAll(form);
      }
    },
    live: ({ params }) => params.id }),
  route({ method: "GET", url: UPLOAD_URL, tag: "attachments", auth: "user",
    summary: "The ticket's files in upload order (private ones for staff only), and the size limit of one file",
    params: IdParamsSchema, query: AttachmentListQuerySchema, response: AttachmentPageSchema,
    handler: (ctx, { params, query }) => listAttachments(ctx, params.id, query) }),
  route({ method: "GET", url: DOWNLOAD_URL, tag: "attachments", auth: "user",
    summary: "Download a file (inline=1 shows an image in the page; any other type is always downloaded)",
    params: IdParamsSchema, query: DownloadQuerySchema, response: DownloadResponseSchema,
    handler: async (ctx, { params, query, reply }) => {
      const { attachment, filePath, inline } = await openAttachment(ctx, params.id, query.inline ?? false);
      return sendStoredFile(reply, attachment, filePath, inline);
    } }),
  route({ method: "DELETE", url: DOWNLOAD_URL, tag: "attachments", auth: "user", status: 204,
    summary: "Delete a file (its uploader, or staff of the ticket's entity)",
    params: IdParamsSchema, response: z.null(),
    handler: async (ctx, { params }) => { await deleteAttachment(ctx, params.id); return null; } }),
];

/**
 * What the attachment routes need from the app: the multipart parser (streamed; the
 * limits are set per request), and the headers of a download, which come after the app's
 * own security headers so the sandbox policy wins over the app's page policy.
 */
export async function registerAttachmentHttp(app: FastifyInstance): Promise<void> {
  // A file cut at the limit is reported by the receiver (FILE_TOO_LARGE), not thrown by the parser.
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  // Other routes keep refusing forms, as before the parser existed (a form is what another site can post).
  app.addHook("onRequest", async (req) => {
    if (req.headers["content-type"]?.toLowerCase().startsWith("multipart/") && !FORM_URLS.has(req.routeOptions.url ?? "")) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Only file uploads take multipart/form-data");
    }
  });
  app.addHook("onSend", async (req, reply) => {
    if (req.method !== "GET" || !FILE_URLS.has(req.routeOptions.url ?? "") || reply.statusCode !== 200) return;
    reply.header("Content-Security-Policy", DOWNLOAD_CSP);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Cross-Origin-Resource-Policy", "same-origin");
  });
}
