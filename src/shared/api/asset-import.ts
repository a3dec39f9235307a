import { z } from "zod";

/** Files above this are refused before they are read: 50,000 rows of a full inventory fit in a few MB. */
export const ASSET_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const ASSET_IMPORT_MAX_ROWS = 100_000;
/** Rows shown in the preview. */
export const ASSET_IMPORT_PREVIEW_ROWS = 10;

/** The asset fields a column can feed; a kind's own field is "field:<key>". */
export const IMPORT_TARGETS = [
  "assetTag", "name", "serial", "kind", "manufacturer", "model", "status", "location", "user", "purchaseDate", "price",
  "warrantyMonths", "supplier", "orderNumber", "invoiceNumber", "notes",
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

const TargetSchema = z.union([z.enum(IMPORT_TARGETS), z.string().regex(/^field:[a-z0-9_]{1,60}$/)]);

export const ImportIdParamsSchema = z.object({ importId: z.string().regex(/^[0-9a-f]{32}$/, "not an import id") });

export const ImportPreviewSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  encoding: z.enum(["utf-8", "windows-1252"]),
  delimiter: z.enum([",", ";", "\t"]),
  columns: z.array(z.string()),
  /** The first rows, as text, to check the mapping against. */
  rows: z.array(z.array(z.string())),
  totalRows: z.number(),
  /** Per column, the field its header names, or null to ignore the column. */
  suggested: z.array(TargetSchema.nullable()),
  /** The kinds' own fields a column may feed, as "field:<key>" with the label to show. */
  customFields: z.array(z.object({ target: z.string(), label: z.string() })),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const RunImportBodySchema = z.object({
  entityId: z.number().int().positive(),
  /** One entry per column: the field it feeds, or null to ignore it. */
  mapping: z.array(TargetSchema.nullable()).max(200),
}).strict();
export type RunImportBody = z.infer<typeof RunImportBodySchema>;

/**
 * Why a row was rejected, as a code the screens translate (the server sends no sentence):
 * - required: the column has no value (column; label for a kind's field);
 * - too_long (max characters), out_of_range (max): more than the asset allows;
 * - not_a_date, not_an_amount, not_a_number: the cell cannot be read as one (value);
 * - invalid: refused by the asset's rules otherwise, e.g. a status a new asset cannot have (value);
 * - invalid_field: a kind's own field, with what it expects ("number", "date", "choice" with its choices, or a shorter "text");
 * - unknown: no kind, manufacturer, model, status, location, user or supplier by that name (value);
 * - not_in_catalog: a manufacturer or model missing from the catalog, which only a fleet manager may add (value);
 * - inactive_kind: the kind is no longer in use (value);
 * - out_of_entity: the location, user or supplier exists but cannot be used in the entity (value);
 * - tag_required: no asset tag and the kind has no pattern to make one;
 * - duplicate_in_file: same tag or serial as an earlier row (line);
 * - duplicate_tag, duplicate_serial: another asset of the entity already has it;
 * - not_saved: the write was refused (error: the API error code).
 */
export const IMPORT_REASON_CODES = [
  "required", "too_long", "out_of_range", "not_a_date", "not_an_amount", "not_a_number", "invalid", "invalid_field", "unknown",
  "not_in_catalog", "inactive_kind", "out_of_entity", "tag_required", "duplicate_in_file", "duplicate_tag", "duplicate_serial", "not_saved",
] as const;
export type ImportReasonCode = (typeof IMPORT_REASON_CODES)[number];

export const ImportReasonSchema = z.object({
  code: z.enum(IMPORT_REASON_CODES),
  /** The field the reason is about: an import target ("purchaseDate") or a kind's field ("field:size_inches"). */
  column: z.string().optional(),
  /** A kind's field: its label, as the kind names it. */
  label: z.string().optional(),
  /** The cell as the file gives it. */
  value: z.string().optional(),
  /** duplicate_in_file: the earlier line. */
  line: z.number().optional(),
  /** too_long, out_of_range: the most allowed. */
  max: z.number().optional(),
  /** invalid_field: what the field expects. */
  expected: z.enum(["text", "number", "date", "choice"]).optional(),
  /** invalid_field of a choice: the values allowed. */
  choices: z.array(z.string()).optional(),
  /** not_saved: the API error code of the refusal (one of the error registry's). */
  error: z.string().optional(),
});
export type ImportReason = z.infer<typeof ImportReasonSchema>;

export const ImportRejectSchema = z.object({ line: z.number(), reasons: z.array(ImportReasonSchema) });

export const ImportResultSchema = z.object({
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  /** Matched an asset that already had every value of the row. */
  unchanged: z.number(),
  skipped: z.number(),
  /** The first rejected rows; the full list is the report. */
  rejects: z.array(ImportRejectSchema),
  durationMs: z.number(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ImportUploadFormSchema = z.object({
  file: z.string().meta({ format: "binary" }).describe("The CSV file (UTF-8 or Windows-1252; ',' ';' or tab), field name: file"),
}).optional();
export const ImportReportQuerySchema = z.object({
  /** The language of the reason column and the headers it adds. */
  lang: z.enum(["fr", "en"]).default("fr"),
});
export type ImportReportQuery = z.infer<typeof ImportReportQuerySchema>;
export const ImportReportFileSchema = z.string().describe("CSV (UTF-8 with BOM, ';'): the rejected rows with a reason column");
