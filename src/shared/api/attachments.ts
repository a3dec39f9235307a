import { z } from "zod";
import { IdSchema, PageQuerySchema, QueryBoolSchema } from "./common.js";

/** How many files one upload request may carry. */
export const ATTACHMENT_MAX_FILES = 10;
/** The per-file limit when VIGIE_MAX_UPLOAD_MB is not set. */
export const DEFAULT_MAX_UPLOAD_MB = 20;
/** The web app sends it with every upload: a header another site's form cannot add (no CSRF with the session cookie). */
export const UPLOAD_HEADER = "x-vigie-upload";

/** Images the browser may show inline; every other type is only ever downloaded. */
export const INLINE_IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

export const AttachmentSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  followupId: z.number().nullable(),
  /** The name as uploaded, with an extension that matches the content added when it did not. */
  fileName: z.string(),
  /** Detected from the bytes, never taken from the browser. */
  contentType: z.string(),
  size: z.number(),
  isImage: z.boolean(),
  isPrivate: z.boolean(),
  uploadedById: z.number().nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the caller may delete it: its uploader, or staff of the ticket's entity. */
  canDelete: z.boolean(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentListQuerySchema = PageQuerySchema;

export const AttachmentPageSchema = z.object({
  data: z.array(AttachmentSchema),
  nextCursor: z.string().nullable(),
  /** The size limit of one file in bytes, so a client can refuse a big file before sending it. */
  maxBytes: z.number(),
});
export type AttachmentPage = z.infer<typeof AttachmentPageSchema>;

/**
 * The multipart/form-data fields of an upload, for the API documentation: the server reads
 * them from the stream itself (files are never parsed into memory).
 */
export const UploadAttachmentsFormSchema = z
  .object({
    file: z.array(z.string().meta({ format: "binary" })).min(1).max(ATTACHMENT_MAX_FILES)
      .describe("One or more files (field name: file)"),
    isPrivate: z.enum(["true", "false"]).optional().describe("Staff only: hide the files from the requester"),
    followupId: IdSchema.optional().describe("The followup the files belong to"),
  })
  .optional();

/** The fields read from the stream, once the files are stored. */
export const UploadFieldsSchema = z.object({
  isPrivate: z.enum(["true", "false", "1", "0", "on"]).optional().transform((v) => v === "true" || v === "1" || v === "on"),
  followupId: IdSchema.optional(),
});
export type UploadFields = z.infer<typeof UploadFieldsSchema>;

export const UploadResultSchema = z.object({ data: z.array(AttachmentSchema) });
export type UploadResult = z.infer<typeof UploadResultSchema>;

export const DownloadQuerySchema = z.object({
  /** 1: show an image in the page (images only; any other type is still downloaded). */
  inline: QueryBoolSchema.optional(),
});

/** The download answers the file itself; this only documents the route. */
export const DownloadResponseSchema = z.string().meta({ format: "binary" });
