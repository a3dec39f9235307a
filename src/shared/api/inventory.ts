import { z } from "zod";
import { ASSET_STATUSES } from "../domain/assets.js";
import { PageQuerySchema, pageOf } from "./common.js";

/**
 * QR-code labels and the physical inventory campaign (inventaire physique): a technician walks
 * a site with a phone, scans every label, and the report says what was found, what is missing
 * and what sits where the fleet does not expect it.
 */

/** The A4 label sheets French IT teams buy (Avery / Herma references). "L7651" is too small for more than QR + tag. */
export const LABEL_LAYOUTS = ["L7160", "L7163", "L7651", "3x8"] as const;
export type LabelLayout = (typeof LABEL_LAYOUTS)[number];

/** Labels per A4 sheet, for the dialog and the page count. */
export const LABELS_PER_SHEET: Record<LabelLayout, number> = { L7160: 21, L7163: 14, L7651: 65, "3x8": 24 };

export const LABELS_MAX = 2000;

const id = z.number().int().positive();

/** Any id the caller may not read answers 404 for the whole sheet: a sheet never silently lacks a label. */
export const LabelsBodySchema = z.object({
  assetIds: z.array(id).min(1).max(LABELS_MAX),
  layout: z.enum(LABEL_LAYOUTS).default("L7160"),
}).strict();
export type LabelsBody = z.input<typeof LabelsBodySchema>;

export const LabelsResponseSchema = z.string().meta({ format: "binary" });

export const AssetByTagParamsSchema = z.object({ tag: z.string().trim().min(1).max(60) });
export const AssetByTagSchema = z.object({ id: z.number() });

export const CAMPAIGN_STATUSES = ["open", "closed"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CampaignSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  locationId: z.number(),
  locationName: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  createdById: z.number().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** How many distinct labels have been scanned so far. */
  scanCount: z.number(),
});
export type Campaign = z.infer<typeof CampaignSchema>;
export const CampaignPageSchema = pageOf(CampaignSchema);

export const CampaignParamsSchema = z.object({ campaignId: z.coerce.number().int().positive() });

export const ListCampaignsQuerySchema = PageQuerySchema.extend({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
});
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuerySchema>;

/** A campaign counts the assets of one entity (default: the location's own) found in one location and everything below it. */
export const CreateCampaignBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  locationId: id,
  entityId: id.optional(),
}).strict();
export type CreateCampaignBody = z.input<typeof CreateCampaignBodySchema>;

/**
 * What the scanner read, or what a technician typed: the URL printed in a label's QR code
 * (…/assets/123) or an asset tag.
 */
export const ScanBodySchema = z.object({ code: z.string().trim().min(1).max(500) }).strict();
export type ScanBody = z.input<typeof ScanBodySchema>;

/**
 * found: the asset is where the fleet says (in the campaign's location or below);
 * unexpected: it is recorded elsewhere or nowhere; unknown: no asset the caller may see has this tag.
 */
export const SCAN_VERDICTS = ["found", "unexpected", "unknown"] as const;
export type ScanVerdict = (typeof SCAN_VERDICTS)[number];

/** One line of a report: a scan, or (for "missing") an asset nobody scanned. */
export const InventoryLineSchema = z.object({
  tag: z.string(),
  assetId: z.number().nullable(),
  name: z.string().nullable(),
  status: z.enum(ASSET_STATUSES).nullable(),
  locationId: z.number().nullable(),
  locationName: z.string().nullable(),
  verdict: z.enum([...SCAN_VERDICTS, "missing"]),
  scannedAt: z.string().nullable(),
  scannedByName: z.string().nullable(),
});
export type InventoryLine = z.infer<typeof InventoryLineSchema>;

/** `duplicate`: this label was already scanned in the campaign; nothing changed. */
export const ScanResultSchema = z.object({ line: InventoryLineSchema, duplicate: z.boolean() });
export type ScanResult = z.infer<typeof ScanResultSchema>;

export const ScanPageSchema = pageOf(InventoryLineSchema);

export const REPORT_SECTIONS = ["found", "missing", "unexpected"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const ReportQuerySchema = PageQuerySchema.extend({ section: z.enum(REPORT_SECTIONS).default("found") });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportCountsSchema = z.object({ found: z.number(), missing: z.number(), unexpected: z.number() });
export type ReportCounts = z.infer<typeof ReportCountsSchema>;

/** One page of one section, with the counts of all three. */
export const CampaignReportSchema = pageOf(InventoryLineSchema).extend({
  section: z.enum(REPORT_SECTIONS),
  counts: ReportCountsSchema,
});
export type CampaignReport = z.infer<typeof CampaignReportSchema>;

/** "Ranger ici": the chosen unexpected assets now live at the campaign's location. */
export const FixLocationsBodySchema = z.object({ assetIds: z.array(id).min(1).max(500) }).strict();
export type FixLocationsBody = z.input<typeof FixLocationsBodySchema>;
export const FixLocationsResultSchema = z.object({ moved: z.number() });
