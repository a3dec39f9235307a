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

export const ImportRejectSchema = z.object({ line: z.number(), reasons: z.array(z.string()) });

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
export const ImportReportFileSchema = z.string().describe("CSV (UTF-8 with BOM, ';'): the rejected rows with a reason column");
