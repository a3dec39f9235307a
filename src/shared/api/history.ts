import { z } from "zod";
import { PageQuerySchema, pageOf } from "./common.js";

export const HISTORY_RECORD_TYPES = ["user", "group", "entity", "ticket", "category", "asset", "contract", "location", "supplier", "asset_kind", "manufacturer", "asset_model", "kb_article",
  "sla_calendar", "sla_policy", "automation_rule"] as const;
export type HistoryRecordType = (typeof HISTORY_RECORD_TYPES)[number];

export const HistoryEntrySchema = z.object({
  id: z.number(),
  recordType: z.string(),
  recordId: z.number(),
  action: z.enum(["create", "update", "delete", "link", "unlink"]),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** For a field holding an id (assignee, group, category, model…): the name it points to now, when it still exists. */
  oldLabel: z.string().nullable().optional(),
  newLabel: z.string().nullable().optional(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryParamsSchema = z.object({
  recordType: z.enum(HISTORY_RECORD_TYPES),
  id: z.coerce.number().int().positive(),
});

export const HistoryQuerySchema = PageQuerySchema;
export const HistoryPageSchema = pageOf(HistoryEntrySchema);
