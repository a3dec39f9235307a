import { z } from "zod";
import { PageQuerySchema, QueryBoolSchema, pageOf } from "./common.js";

/** An agent is "silent" after this many days without contact, unless the caller says otherwise. */
export const STALE_DAYS_DEFAULT = 7;
export const STALE_DAYS_MAX = 3650;

export const IMPORT_OUTCOMES = ["received", "refused"] as const;
/** What an inventory led to: an existing asset updated, a new asset, or refused for a person to look at. */
export const IMPORT_DECISIONS = ["match", "create", "refuse"] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];

const queryId = z.coerce.number().int().positive();
const queryText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v === "" ? undefined : v));

/** An inventory agent (OCS, FusionInventory, GLPI), known by the device id it keeps across runs. */
export const InventoryAgentSchema = z.object({
  id: z.number(),
  /** "vm-2026-11-22-13-41-44": the agent's own id. */
  deviceId: z.string(),
  /** "FusionInventory-Agent", "OCS-NG_unified_unix_agent"… */
  name: z.string().nullable(),
  version: z.string().nullable(),
  lastIp: z.string().nullable(),
  lastContactAt: z.string(),
  lastInventoryAt: z.string().nullable(),
  entityId: z.number(),
  entityName: z.string(),
  /** The asset its last inventory updated; null too when the caller cannot read that asset. */
  assetId: z.number().nullable(),
  /** "PC-0042": that asset's tag. */
  assetTag: z.string().nullable(),
  /** The TAG the agent sent ("LYON-SIEGE"), which placed it in its entity. */
  tag: z.string().nullable(),
  /** No contact for more than `days` days. */
  stale: z.boolean(),
});
export type InventoryAgent = z.infer<typeof InventoryAgentSchema>;
export const InventoryAgentPageSchema = pageOf(InventoryAgentSchema);
export type InventoryAgentPage = z.infer<typeof InventoryAgentPageSchema>;

export const ListInventoryAgentsQuerySchema = PageQuerySchema.extend({
  /** Only the agents silent for more than `days` days. */
  stale: QueryBoolSchema.optional(),
  /** How many days without contact make an agent silent. */
  days: z.coerce.number().int().min(1).max(STALE_DAYS_MAX).default(STALE_DAYS_DEFAULT),
  /** The start of a device id. */
  q: queryText(200),
});
export type ListInventoryAgentsQuery = z.infer<typeof ListInventoryAgentsQuerySchema>;

/** One message an agent sent: received, or refused with its reason. */
export const InventoryImportSchema = z.object({
  id: z.number(),
  /** null when the message could not be read far enough to know its agent. */
  agentId: z.number().nullable(),
  deviceId: z.string().nullable(),
  ip: z.string().nullable(),
  /** PROLOG, INVENTORY… or null when unreadable. */
  query: z.string().nullable(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** For a refusal: BODY_CORRUPT, XML_MALFORMED… */
  reason: z.string().nullable(),
  /** What was received, or what was wrong. */
  detail: z.string().nullable(),
  /** For an inventory: whether it updated an asset, created one or was refused (null for the other messages). */
  decision: z.enum(IMPORT_DECISIONS).nullable(),
  /** The asset it updated or created; null too when the caller cannot read that asset. */
  assetId: z.number().nullable(),
  assetTag: z.string().nullable(),
  /** The import rule that decided ("serial + uuid"), null when none did. */
  rule: z.string().nullable(),
  /** What each rule did, in order: "serial + uuid: skipped, the inventory has no usable uuid". */
  trace: z.array(z.string()),
  receivedAt: z.string(),
  /** A refused inventory whose message is kept: a person can attach it to an asset, or to a new one. */
  attachable: z.boolean(),
});
export type InventoryImport = z.infer<typeof InventoryImportSchema>;

export const ImportEntryParamsSchema = z.object({ entryId: z.coerce.number().int().positive() });

/** `assetId` null: a new asset, filed in the agent's entity. */
export const AttachImportBodySchema = z.strictObject({ assetId: z.number().int().positive().nullable() });
export type AttachImportBody = z.infer<typeof AttachImportBodySchema>;

export const AttachImportResultSchema = z.object({ assetId: z.number(), created: z.boolean() });
export type AttachImportResult = z.infer<typeof AttachImportResultSchema>;
export const InventoryImportPageSchema = pageOf(InventoryImportSchema);
export type InventoryImportPage = z.infer<typeof InventoryImportPageSchema>;

export const ListInventoryImportsQuerySchema = PageQuerySchema.extend({
  outcome: z.enum(IMPORT_OUTCOMES).optional(),
  decision: z.enum(IMPORT_DECISIONS).optional(),
  agentId: queryId.optional(),
});
export type ListInventoryImportsQuery = z.infer<typeof ListInventoryImportsQuerySchema>;
