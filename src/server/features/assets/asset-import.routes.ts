import fs from "node:fs/promises";
import {
  ASSET_IMPORT_MAX_BYTES, ImportIdParamsSchema, ImportPreviewSchema, ImportReportFileSchema, ImportReportQuerySchema, ImportResultSchema,
  ImportUploadFormSchema, RunImportBodySchema,
} from "../../../shared/api/asset-import.js";
import { UPLOAD_HEADER } from "../../../shared/api/attachments.js";
import { AppError } from "../../http/errors.js";
import { route } from "../../http/route.js";
import { contentDisposition } from "../attachments/attachment.routes.js";
import { filesDirOf } from "../attachments/file-store.js";
import { discardAll, receiveUpload } from "../attachments/upload-receiver.js";
import { entityScope } from "../identity/access.js";
import { previewImport, runImport } from "./asset-import.service.js";
import { buildReport } from "./asset-import-report.js";
import { readImportReport } from "./asset-import-store.js";

export const ASSET_IMPORT_UPLOAD_URL = "/api/asset-imports";

/** CSV import of assets: upload and preview, run into an entity, download the rejected rows. */
export const assetImportRoutes = [
  route({ method: "POST", url: ASSET_IMPORT_UPLOAD_URL, tag: "assets", auth: "user", status: 201,
    summary: "Upload a CSV of assets (multipart/form-data, field file) and get its preview and suggested mapping. "
      + "A browser session must send the header X-Vigie-Upload: 1",
    body: ImportUploadFormSchema, bodyType: "multipart/form-data", response: ImportPreviewSchema,
    handler: async (ctx, { req, reply }) => {
      if (ctx.actor.kind === "session" && req.headers[UPLOAD_HEADER] !== "1") {
        throw new AppError("FORBIDDEN", `Uploads from a browser session need the ${UPLOAD_HEADER} header`);
      }
      entityScope(ctx.actor, "asset.write");
      const form = await receiveUpload(req, reply, filesDirOf(ctx.config), ASSET_IMPORT_MAX_BYTES);
      try {
        const file = form.files[0];
        if (!file || form.files.length > 1) {
          throw new AppError("VALIDATION_FAILED", "Send one CSV file", [{ path: "body.file", message: "exactly one file" }]);
        }
        return await previewImport(ctx, { tempPath: file.tempPath, fileName: file.fileName, bytes: await fs.readFile(file.tempPath) });
      } finally {
        // The kept file was moved away already; this removes only what is left in tmp/.
        await discardAll(form);
      }
    } }),
  route({ method: "POST", url: `${ASSET_IMPORT_UPLOAD_URL}/:importId/run`, tag: "assets", auth: "user",
    summary: "Import the uploaded file into an entity with the confirmed mapping (bad rows skipped and reported; "
      + "an asset with the same tag, else serial and manufacturer, is updated)",
    params: ImportIdParamsSchema, body: RunImportBodySchema, response: ImportResultSchema,
    handler: (ctx, { params, body }) => runImport(ctx, params.importId, body) }),
  route({ method: "GET", url: `${ASSET_IMPORT_UPLOAD_URL}/:importId/report`, tag: "assets", auth: "user",
    summary: "The rejected rows of the last run, as CSV with their line and a reason column in the language asked",
    params: ImportIdParamsSchema, query: ImportReportQuerySchema, response: ImportReportFileSchema,
    handler: async (ctx, { params, query, reply }) => {
      const { meta, rejects } = await readImportReport(ctx, params.importId);
      const csv = buildReport(rejects, query.lang);
      const name = `${meta.fileName.replace(/\.csv$/i, "")}-${query.lang === "fr" ? "rejets" : "rejects"}.csv`;
      reply.header("Content-Type", "text/csv; charset=utf-8").header("Content-Disposition", contentDisposition("attachment", name));
      return reply.send(csv);
    } }),
];
