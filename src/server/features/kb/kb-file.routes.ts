import { z } from "zod";
import { DownloadResponseSchema, UPLOAD_HEADER } from "../../../shared/api/attachments.js";
import {
  KbFileDownloadQuerySchema, KbFileParamsSchema, KbFileUploadResultSchema, UploadKbFilesFormSchema,
} from "../../../shared/api/kb-files.js";
import { KbArticleParamsSchema } from "../../../shared/api/kb.js";
import { AppError } from "../../http/errors.js";
import { type RouteSpec, route } from "../../http/route.js";
import { sendStoredFile } from "../attachments/attachment.routes.js";
import { maxUploadBytes } from "../attachments/attachment.service.js";
import { filesDirOf } from "../attachments/file-store.js";
import { discardAll, receiveUpload } from "../attachments/upload-receiver.js";
import { loadWritableArticle } from "./article-access.js";
import { deleteKbFile, openKbFile, saveKbFiles } from "./kb-file.service.js";

/** Both are also known to attachment.routes.ts: the only routes taking a form, and the ones answering a stored file. */
export const KB_FILES_UPLOAD_URL = "/api/kb/articles/:id/files";
export const KB_FILE_URL = "/api/kb/files/:id";

/** An article's images and documents: upload, download, delete. The article itself lists them. */
export const kbFileRoutes: RouteSpec[] = [
  route({ method: "POST", url: KB_FILES_UPLOAD_URL, tag: "kb", auth: "user", status: 201,
    summary: "Adds files to an article (kb.write; multipart/form-data, field file): images (PNG, JPEG, GIF, WebP) to show in its text "
      + "as ![name](/api/kb/files/ID?inline=1), PDF, Office, zip/7z, text; type decided from the content. "
      + "A browser session must send the header X-Vigie-Upload: 1",
    params: KbArticleParamsSchema, body: UploadKbFilesFormSchema, bodyType: "multipart/form-data", response: KbFileUploadResultSchema,
    handler: async (ctx, { params, req, reply }) => {
      if (ctx.actor.kind === "session" && req.headers[UPLOAD_HEADER] !== "1") {
        throw new AppError("FORBIDDEN", `Uploads from a browser session need the ${UPLOAD_HEADER} header`);
      }
      // Refused before a byte is stored; checked again when the rows are written.
      await loadWritableArticle(ctx.db, ctx.actor, params.id);
      const form = await receiveUpload(req, reply, filesDirOf(ctx.config), maxUploadBytes(ctx.config));
      try {
        return { data: await saveKbFiles(ctx, params.id, form.files) };
      } finally {
        await discardAll(form);
      }
    } }),
  route({ method: "GET", url: KB_FILE_URL, tag: "kb", auth: "user",
    summary: "Downloads an article's file, for whoever reads the article (inline=1 shows an image in the page; any other type is always downloaded)",
    params: KbFileParamsSchema, query: KbFileDownloadQuerySchema, response: DownloadResponseSchema,
    handler: async (ctx, { params, query, reply }) => {
      const { file, filePath, inline } = await openKbFile(ctx, params.id, query.inline ?? false);
      return sendStoredFile(reply, file, filePath, inline);
    } }),
  route({ method: "DELETE", url: KB_FILE_URL, tag: "kb", auth: "user", status: 204,
    summary: "Removes an article's file (kb.write); its images in the text show as missing; recorded in the article's history",
    params: KbFileParamsSchema, response: z.null(),
    handler: async (ctx, { params }) => { await deleteKbFile(ctx, params.id); return null; } }),
];
