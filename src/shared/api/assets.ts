import { z } from "zod";
import { ASSET_EVENT_TYPES, ASSET_FAMILIES, ASSET_STATUSES } from "../domain/assets.js";
import { PageQuerySchema, QueryBoolSchema, pageOf } from "./common.js";

/** YYYY-MM-DD */
export const DateOnlySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(v)), "not a date");

/** A kind's own and admin-defined field values, by field key. */
export const AssetFieldValuesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** One asset as lists show it: what a technician scans a row for. */
export const AssetSummarySchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  kindId: z.number(),
  kindCode: z.string().nullable(),
  kindName: z.string(),
  family: z.enum(ASSET_FAMILIES),
  name: z.string(),
  assetTag: z.string(),
  serial: z.string().nullable(),
  manufacturerName: z.string().nullable(),
  modelName: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
  locationId: z.number().nullable(),
  locationName: z.string().nullable(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  /** Linear depreciation as of today; null without price, purchase date or duration. */
  currentValueCents: z.number().nullable(),
  updatedAt: z.string(),
});
export type AssetSummary = z.infer<typeof AssetSummarySchema>;

/** The asset page: everything, with the financial figures worked out. */
export const AssetSchema = AssetSummarySchema.extend({
  manufacturerId: z.number().nullable(),
  modelId: z.number().nullable(),
  techContactId: z.number().nullable(),
  techContactName: z.string().nullable(),
  notes: z.string().nullable(),
  fields: AssetFieldValuesSchema,
  supplierId: z.number().nullable(),
  supplierName: z.string().nullable(),
  orderNumber: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  priceCents: z.number().nullable(),
  warrantyStart: z.string().nullable(),
  warrantyMonths: z.number().nullable(),
  depreciationYears: z.number().nullable(),
  disposedAt: z.string().nullable(),
  recycler: z.string().nullable(),
  disposalCertificate: z.string().nullable(),
  loanDueAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const AssetPageSchema = pageOf(AssetSummarySchema);

/** Sorted on purchase or warranty date, the list holds only the assets that have that date. */
export const ASSET_SORTS = ["updated", "name", "tag", "purchase", "warranty"] as const;

export const ListAssetsQuerySchema = PageQuerySchema.extend({
  /** Tag, serial or name beginning with this (as typed or in capitals): each served by an index. */
  q: z.string().trim().max(100).optional(),
  kindId: z.coerce.number().int().positive().optional(),
  family: z.enum(ASSET_FAMILIES).optional(),
  /** One or more statuses, comma-separated. */
  status: z.string().max(200).optional(),
  /** This location and every place below it. */
  locationId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  groupId: z.coerce.number().int().positive().optional(),
  manufacturerId: z.coerce.number().int().positive().optional(),
  supplierId: z.coerce.number().int().positive().optional(),
  entityId: z.coerce.number().int().positive().optional(),
  /** Warranty ending on or before this date (renewal planning). */
  warrantyBefore: z.string().max(10).optional(),
  /** Bought on or before this date (age). */
  purchasedBefore: z.string().max(10).optional(),
  includeDisposed: QueryBoolSchema.default(false),
  sort: z.enum(ASSET_SORTS).default("updated"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type ListAssetsQuery = z.infer<typeof ListAssetsQuerySchema>;

const text = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => (v === "" ? null : v));
const id = z.number().int().positive();

const assetFields = {
  name: z.string().trim().min(1).max(200),
  serial: text(100),
  manufacturerId: id.nullable().optional(),
  modelId: id.nullable().optional(),
  groupId: id.nullable().optional(),
  techContactId: id.nullable().optional(),
  notes: text(5000),
  fields: AssetFieldValuesSchema.optional(),
  supplierId: id.nullable().optional(),
  orderNumber: text(100),
  invoiceNumber: text(100),
  purchaseDate: DateOnlySchema.nullable().optional(),
  priceCents: z.number().int().min(0).max(1e12).nullable().optional(),
  warrantyStart: DateOnlySchema.nullable().optional(),
  warrantyMonths: z.number().int().min(0).max(240).nullable().optional(),
  depreciationYears: z.number().int().min(1).max(50).nullable().optional(),
};

/**
 * A new asset. The tag is made from the kind's pattern when left out; status, location and user
 * are its first state (recorded as the "create" event); later changes go through the operations.
 */
export const CreateAssetBodySchema = z.object({
  ...assetFields,
  entityId: id.optional(),
  kindId: id,
  assetTag: z.string().trim().min(1).max(60).optional(),
  status: z.enum(ASSET_STATUSES).exclude(["disposed", "loaned"]).default("in_stock"),
  locationId: id.nullable().optional(),
  userId: id.nullable().optional(),
}).strict();
export type CreateAssetBody = z.input<typeof CreateAssetBodySchema>;

/** Descriptive fields only; status, location and user change through the operations below. */
export const UpdateAssetBodySchema = z.object({ ...assetFields, name: assetFields.name.optional(), assetTag: z.string().trim().min(1).max(60).optional(), version: z.number().int() }).strict();
export type UpdateAssetBody = z.input<typeof UpdateAssetBodySchema>;

const reason = z.string().trim().max(1000).optional();

/**
 * The operations (mouvements), each one event on the timeline with its reason:
 * - status: a life-cycle step allowed by ASSET_TRANSITIONS;
 * - assign: to a user (null: take it back), optionally moving it to a location too;
 * - move: to a location;
 * - loan: lend to a user until a date; return: back in stock (optionally at a location);
 * - dispose: DEEE, from retired only, with recycler, date and certificate number.
 */
export const AssetOperationBodySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("status"), status: z.enum(ASSET_STATUSES).exclude(["loaned", "disposed"]), reason }),
  z.object({ type: z.literal("assign"), userId: id.nullable(), locationId: id.nullable().optional(), reason }),
  z.object({ type: z.literal("move"), locationId: id.nullable(), reason }),
  z.object({ type: z.literal("loan"), userId: id, dueAt: DateOnlySchema, reason }),
  z.object({ type: z.literal("return"), locationId: id.nullable().optional(), reason }),
  z.object({ type: z.literal("dispose"), recycler: z.string().trim().min(1).max(200), disposedAt: DateOnlySchema,
    certificate: z.string().trim().min(1).max(100), reason }),
]).and(z.object({ version: z.number().int() }));
export type AssetOperationBody = z.input<typeof AssetOperationBodySchema>;

export const AssetEventSchema = z.object({
  id: z.number(),
  assetId: z.number(),
  assetTag: z.string(),
  assetName: z.string(),
  type: z.enum(ASSET_EVENT_TYPES),
  fromStatus: z.enum(ASSET_STATUSES).nullable(),
  toStatus: z.enum(ASSET_STATUSES).nullable(),
  fromUserName: z.string().nullable(),
  toUserName: z.string().nullable(),
  fromLocationName: z.string().nullable(),
  toLocationName: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type AssetEvent = z.infer<typeof AssetEventSchema>;
export const AssetEventPageSchema = pageOf(AssetEventSchema);

/** Fleet-wide movements: "everything that moved in Lyon last month". */
export const ListMovementsQuerySchema = PageQuerySchema.extend({
  /** Into or out of this location or any place below it. */
  locationId: z.coerce.number().int().positive().optional(),
  from: z.string().max(30).optional(),
  to: z.string().max(30).optional(),
  type: z.enum(ASSET_EVENT_TYPES).optional(),
});
export type ListMovementsQuery = z.infer<typeof ListMovementsQuerySchema>;

/** Bulk edit from the list: the same operation or field change for many assets, all or nothing. */
export const BulkAssetBodySchema = z.object({
  ids: z.array(id).min(1).max(500),
  change: z.discriminatedUnion("type", [
    z.object({ type: z.literal("status"), status: z.enum(ASSET_STATUSES).exclude(["loaned", "disposed"]) }),
    z.object({ type: z.literal("move"), locationId: id.nullable() }),
    z.object({ type: z.literal("assign"), userId: id.nullable() }),
  ]),
  reason,
}).strict();
export type BulkAssetBody = z.infer<typeof BulkAssetBodySchema>;
export const BulkAssetResultSchema = z.object({ updated: z.number() });

/** Export: the list's filters, as CSV (UTF-8 with BOM, semicolons, as French spreadsheets open it) or XLSX. */
export const ExportAssetsQuerySchema = ListAssetsQuerySchema.omit({ limit: true, cursor: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** The column headers' language. */
  lang: z.enum(["fr", "en"]).default("fr"),
});
export type ExportAssetsQuery = z.infer<typeof ExportAssetsQuerySchema>;
/** An export stops at this many rows (narrow the filters for more). */
export const ASSET_EXPORT_MAX = 100_000;
/** The export is a file (text/csv or the XLSX type), described here for the OpenAPI document only. */
export const AssetExportFileSchema = z.string().describe("CSV (UTF-8 with BOM, ';') or XLSX file");

export const AssetParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const TicketAssetParamsSchema = z.object({ id: z.coerce.number().int().positive(), assetId: z.coerce.number().int().positive() });

/** What a requester sees of the equipment assigned to them, on the portal. */
export const MyAssetSchema = z.object({ id: z.number(), assetTag: z.string(), name: z.string(), kindName: z.string(), family: z.enum(ASSET_FAMILIES) });
export const MyAssetListSchema = z.object({ data: z.array(MyAssetSchema) });
export type MyAsset = z.infer<typeof MyAssetSchema>;

/** Tickets and assets, both ways. */
export const TicketAssetsSchema = z.object({ data: z.array(AssetSummarySchema) });
export const LinkAssetsBodySchema = z.object({ assetIds: z.array(id).min(1).max(50) }).strict();
export const AssetTicketSchema = z.object({
  id: z.number(), title: z.string(), status: z.string(), priority: z.number(), createdAt: z.string(), updatedAt: z.string(),
});
export type AssetTicket = z.infer<typeof AssetTicketSchema>;
export const AssetTicketPageSchema = pageOf(AssetTicketSchema);
export const AssetEventsQuerySchema = PageQuerySchema;
