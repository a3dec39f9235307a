import { z } from "zod";
import { PageQuerySchema, pageOf } from "./common.js";

/**
 * The fleet's health, from the agents' inventories: disks almost full, antivirus off or out of
 * date, agents gone silent. Shown in a fleet view, on the asset, and (when the admin turns it
 * on) opened once as a ticket per machine and problem.
 */
export const HEALTH_SIGNALS = ["disk", "antivirus", "silent"] as const;
export type HealthSignal = (typeof HEALTH_SIGNALS)[number];

export const DISK_FULL_PCT = { min: 50, max: 99, default: 90 } as const;
export const SILENT_DAYS = { min: 1, max: 365, default: 14 } as const;
export const TICKET_PRIORITY_DEFAULT = 3;

const id = z.number().int().positive();

export const HealthTicketSettingsSchema = z.object({
  /** A daily job opens one ticket per machine and signal while the signal lasts. */
  enabled: z.boolean(),
  /** The category of the tickets; one of the root entity's, so every entity may use it. */
  categoryId: id.nullable(),
  /** 1 (very low) … 5 (very high). */
  priority: z.number().int().min(1).max(5),
}).strict();

export const HealthSettingsBodySchema = z.object({
  /** A machine whose fullest volume is used at this percentage or more has its disk almost full. */
  diskFullPct: z.number().int().min(DISK_FULL_PCT.min).max(DISK_FULL_PCT.max),
  /** An agent with no contact for this many days is silent. */
  silentDays: z.number().int().min(SILENT_DAYS.min).max(SILENT_DAYS.max),
  ticket: HealthTicketSettingsSchema,
}).strict();
export type HealthSettingsBody = z.infer<typeof HealthSettingsBodySchema>;

export const HealthSettingsSchema = HealthSettingsBodySchema.extend({
  ticket: HealthTicketSettingsSchema.extend({ categoryName: z.string().nullable() }),
  /** Whether the caller may change them (an admin of the root entity). */
  canManage: z.boolean(),
});
export type HealthSettings = z.infer<typeof HealthSettingsSchema>;

export const HealthAntivirusSchema = z.object({
  name: z.string().nullable(),
  version: z.string().nullable(),
  /** null: the agent did not say. */
  enabled: z.boolean().nullable(),
  upToDate: z.boolean().nullable(),
});
export type HealthAntivirus = z.infer<typeof HealthAntivirusSchema>;

/** One machine with one signal, and the figure behind it. */
export const HealthItemSchema = z.object({
  signal: z.enum(HEALTH_SIGNALS),
  assetId: z.number(),
  assetTag: z.string(),
  assetName: z.string(),
  entityId: z.number(),
  entityName: z.string(),
  /** disk: percent used of the fullest local volume. */
  fullestVolumePct: z.number().nullable(),
  /** antivirus: the products the agent reported, with their state. */
  antivirus: z.array(HealthAntivirusSchema),
  /** silent: the agent's last contact. */
  lastContactAt: z.string().nullable(),
  /** When the last inventory was received. */
  receivedAt: z.string().nullable(),
  /** The ticket opened automatically for this problem, while it lasts. */
  ticketId: z.number().nullable(),
});
export type HealthItem = z.infer<typeof HealthItemSchema>;
export const HealthPageSchema = pageOf(HealthItemSchema);
export type HealthPage = z.infer<typeof HealthPageSchema>;

export const ListHealthQuerySchema = PageQuerySchema.extend({ signal: z.enum(HEALTH_SIGNALS) });
export type ListHealthQuery = z.infer<typeof ListHealthQuerySchema>;

export const HealthSummarySchema = z.object({
  disk: z.number(),
  antivirus: z.number(),
  silent: z.number(),
  diskFullPct: z.number(),
  silentDays: z.number(),
});
export type HealthSummary = z.infer<typeof HealthSummarySchema>;

/** The signals of one asset, for a badge on its page: empty when all is well. */
export const AssetHealthSchema = z.object({
  assetId: z.number(),
  signals: z.array(HealthItemSchema),
  diskFullPct: z.number(),
  silentDays: z.number(),
});
export type AssetHealth = z.infer<typeof AssetHealthSchema>;
