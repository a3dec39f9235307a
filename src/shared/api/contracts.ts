import { z } from "zod";
import { ASSET_STATUSES, CONTRACT_TYPES } from "../domain/assets.js";
import { PageQuerySchema, pageOf } from "./common.js";

/** YYYY-MM-DD, a real calendar day. */
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v, "not a date");

const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();

/** How far ahead the alerts look by default, and at most. */
export const ALERT_DAYS_DEFAULT = 60;
export const ALERT_DAYS_MAX = 730;
/** Attach or detach at most this many assets in one call. */
export const CONTRACT_ASSETS_MAX = 500;

/** A maintenance, warranty extension, lease or support contract of one entity. */
export const ContractSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  contractType: z.enum(CONTRACT_TYPES),
  name: z.string(),
  number: z.string().nullable(),
  supplierId: z.number().nullable(),
  supplierName: z.string().nullable(),
  startDate: z.string(),
  durationMonths: z.number(),
  /** startDate + durationMonths, moved on by each tacit renewal. */
  endDate: z.string(),
  noticeMonths: z.number(),
  /** endDate − noticeMonths: the last day to give notice ("résilier avant le …"). */
  noticeDate: z.string(),
  tacitRenewal: z.boolean(),
  yearlyCostCents: z.number().nullable(),
  notes: z.string().nullable(),
  /** How many assets it covers. */
  assetCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof ContractSchema>;
export const ContractPageSchema = pageOf(ContractSchema);
export type ContractPage = z.infer<typeof ContractPageSchema>;

export const CONTRACT_SORTS = ["end_date", "name"] as const;

export const ListContractsQuerySchema = PageQuerySchema.extend({
  /** Only this entity and its sub-entities. */
  entityId: queryId.optional(),
  contractType: z.enum(CONTRACT_TYPES).optional(),
  supplierId: queryId.optional(),
  /** Ending on or before this day. */
  endingBefore: DateOnly.optional(),
  /** Notice date on or before this day. */
  noticeBefore: DateOnly.optional(),
  /** Part of the name or number. */
  q: z.string().trim().max(100).optional().transform((v) => (v === "" ? undefined : v)),
  sort: z.enum(CONTRACT_SORTS).default("end_date"),
});
export type ListContractsQuery = z.infer<typeof ListContractsQuerySchema>;

/** Trimmed; "" (a cleared form field) means "none". */
function nullableText(max: number) {
  return z.string().trim().max(max).nullable().optional().transform((v) => (v === "" ? null : v));
}

const contractFields = {
  contractType: z.enum(CONTRACT_TYPES),
  name: z.string().trim().min(1).max(200),
  number: nullableText(100),
  supplierId: id.nullable().optional(),
  startDate: DateOnly,
  durationMonths: z.number().int().min(1).max(1200),
  noticeMonths: z.number().int().min(0).max(1200).default(0),
  tacitRenewal: z.boolean().default(false),
  yearlyCostCents: z.number().int().min(0).max(1e13).nullable().optional(),
  notes: nullableText(5000),
};

/** The notice cannot start before the contract does. */
function noticeWithinDuration(v: { durationMonths?: number; noticeMonths?: number }) {
  return v.durationMonths === undefined || v.noticeMonths === undefined || v.noticeMonths <= v.durationMonths;
}
const NOTICE_ISSUE = { message: "the notice period is longer than the contract", path: ["noticeMonths"] };

export const CreateContractBodySchema = z.object({
  /** Default: the caller's own entity. */
  entityId: id.optional(),
  ...contractFields,
}).strict().refine(noticeWithinDuration, NOTICE_ISSUE);
export type CreateContractBody = z.input<typeof CreateContractBodySchema>;

export const UpdateContractBodySchema = z.object({
  contractType: contractFields.contractType.optional(),
  name: contractFields.name.optional(),
  number: contractFields.number,
  supplierId: contractFields.supplierId,
  startDate: DateOnly.optional(),
  durationMonths: contractFields.durationMonths.optional(),
  noticeMonths: z.number().int().min(0).max(1200).optional(),
  tacitRenewal: z.boolean().optional(),
  yearlyCostCents: contractFields.yearlyCostCents,
  notes: contractFields.notes,
}).strict();
export type UpdateContractBody = z.input<typeof UpdateContractBodySchema>;

export const ContractParamsSchema = z.object({ contractId: queryId });
export const AssetParamsSchema = z.object({ id: queryId });

/** An asset a contract covers, as the contract's page lists it. */
export const CoveredAssetSchema = z.object({
  id: z.number(),
  assetTag: z.string(),
  name: z.string(),
  kindName: z.string(),
  status: z.enum(ASSET_STATUSES),
  locationName: z.string().nullable(),
  userName: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
});
export type CoveredAsset = z.infer<typeof CoveredAssetSchema>;
export const CoveredAssetPageSchema = pageOf(CoveredAssetSchema);
export const CoveredAssetsQuerySchema = PageQuerySchema;

export const ContractAssetsBodySchema = z.object({ assetIds: z.array(id).min(1).max(CONTRACT_ASSETS_MAX) }).strict();
export type ContractAssetsBody = z.infer<typeof ContractAssetsBodySchema>;
/** What an attach or detach did: the assets newly covered (or removed); the others were already so. */
export const ContractAssetsResultSchema = z.object({ changed: z.number(), assetCount: z.number() });
export type ContractAssetsResult = z.infer<typeof ContractAssetsResultSchema>;

/** The contracts covering one asset, for the asset page's "financial & contracts" tab. */
export const AssetContractListSchema = z.object({ data: z.array(ContractSchema) });
export type AssetContractList = z.infer<typeof AssetContractListSchema>;

export const FLEET_ALERT_KINDS = ["warranty_ending", "contract_ending", "contract_notice"] as const;
export type FleetAlertKind = (typeof FLEET_ALERT_KINDS)[number];

/** One thing needing attention: its day, what it is about and where to go. */
export const FleetAlertSchema = z.object({
  kind: z.enum(FLEET_ALERT_KINDS),
  /** The warranty's end, the contract's end, or the last day to give notice. */
  date: z.string(),
  target: z.object({ type: z.enum(["asset", "contract"]), id: z.number() }),
  /** The asset's or contract's name. */
  name: z.string(),
  /** The asset tag, or the contract number. */
  reference: z.string().nullable(),
  entityId: z.number(),
  entityName: z.string(),
  /** For a contract: renewed by itself unless notice is given. */
  tacitRenewal: z.boolean().nullable(),
});
export type FleetAlert = z.infer<typeof FleetAlertSchema>;
export const FleetAlertPageSchema = pageOf(FleetAlertSchema);
export type FleetAlertPage = z.infer<typeof FleetAlertPageSchema>;

export const FleetAlertsQuerySchema = PageQuerySchema.extend({
  /** From today to this many days ahead. */
  days: z.coerce.number().int().min(1).max(ALERT_DAYS_MAX).default(ALERT_DAYS_DEFAULT),
  kind: z.enum(FLEET_ALERT_KINDS).optional(),
  /** Only this entity and its sub-entities. */
  entityId: queryId.optional(),
});
export type FleetAlertsQuery = z.infer<typeof FleetAlertsQuerySchema>;
