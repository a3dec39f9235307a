import { z } from "zod";
import { PageQuerySchema, QueryBoolSchema, pageOf } from "./common.js";

/** An agent is "silent" after this many days without contact, unless the caller says otherwise. */
export const STALE_DAYS_DEFAULT = 7;
export const STALE_DAYS_MAX = 3650;

export const IMPORT_OUTCOMES = ["received", "refused"] as const;

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
  receivedAt: z.string(),
});
export type InventoryImport = z.infer<typeof InventoryImportSchema>;
export const InventoryImportPageSchema = pageOf(InventoryImportSchema);
export type InventoryImportPage = z.infer<typeof InventoryImportPageSchema>;

export const ListInventoryImportsQuerySchema = PageQuerySchema.extend({
  outcome: z.enum(IMPORT_OUTCOMES).optional(),
  agentId: queryId.optional(),
});
export type ListInventoryImportsQuery = z.infer<typeof ListInventoryImportsQuerySchema>;
