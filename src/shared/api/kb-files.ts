import { z } from "zod";
import { ATTACHMENT_MAX_FILES } from "./attachments.js";
import { IdSchema, QueryBoolSchema } from "./common.js";

/**
 * Files of a knowledge-base article: images its text shows and documents to download. They are
 * read by whoever may read the article, and added or removed by whoever may edit it.
 */

/** An article holds at most this many files: the article lists them all, without paging. */
export const KB_FILES_MAX = 100;

/** Where a file is read; with `inline` an image shows in the page (the form the Markdown uses). */
export function kbFileUrl(id: number, inline = false): string {
  return `/api/kb/files/${id}${inline ? "?inline=1" : ""}`;
}

export const KbFileSchema = z.object({
  id: z.number(),
  articleId: z.number(),
  /** The name as uploaded, with an extension that matches the content added when it did not. */
  fileName: z.string(),
  /** Detected from the bytes, never taken from the browser. */
  contentType: z.string(),
  size: z.number(),
  isImage: z.boolean(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type KbFile = z.infer<typeof KbFileSchema>;

export const KbFileParamsSchema = z.object({ id: IdSchema });

/** The multipart/form-data fields of an upload, for the API documentation (the server streams them). */
export const UploadKbFilesFormSchema = z
  .object({
    file: z.array(z.string().meta({ format: "binary" })).min(1).max(ATTACHMENT_MAX_FILES)
      .describe("One or more files (field name: file)"),
  })
  .optional();

export const KbFileUploadResultSchema = z.object({ data: z.array(KbFileSchema) });
export type KbFileUploadResult = z.infer<typeof KbFileUploadResultSchema>;

export const KbFileDownloadQuerySchema = z.object({
  /** 1: show an image in the page (images only; any other type is still downloaded). */
  inline: QueryBoolSchema.optional(),
});
