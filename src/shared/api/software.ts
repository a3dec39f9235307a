/**
 * The software catalogue: what the inventories found installed, normalised into software →
 * versions, and the admin's normalisation rules. Every count is of the caller's entities only.
 */
import { z } from "zod";
import { IdSchema, PageQuerySchema, pageOf } from "./common.js";

const queryText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v === "" ? undefined : v));

/** One catalogue line: a software with what the caller's entities have of it. */
export const SoftwareSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  publisher: z.string().nullable(),
  /** Installations in the caller's entities (one per machine and version). */
  installations: z.number(),
  /** Versions installed in the caller's entities. */
  versions: z.number(),
});
export type SoftwareSummary = z.infer<typeof SoftwareSummarySchema>;
export const SoftwarePageSchema = pageOf(SoftwareSummarySchema);

/** Counts and lists keep to this entity and its sub-entities (the app's entity selector); else the caller's whole scope. */
const EntityFilterSchema = z.object({ entityId: IdSchema.optional() });

export const ListSoftwareQuerySchema = PageQuerySchema.extend({
  /** The start of the name, whatever its case. */
  q: queryText(200),
}).extend(EntityFilterSchema.shape);
export type ListSoftwareQuery = z.infer<typeof ListSoftwareQuerySchema>;

export const SoftwareParamsSchema = z.object({ softwareId: IdSchema });
export const SoftwareQuerySchema = EntityFilterSchema;
export type SoftwareQuery = z.infer<typeof SoftwareQuerySchema>;

export const SoftwareVersionSchema = z.object({
  id: z.number(),
  /** "" when the agents gave no version. */
  version: z.string(),
  installations: z.number(),
});
export type SoftwareVersion = z.infer<typeof SoftwareVersionSchema>;

export const SoftwareSchema = z.object({
  id: z.number(),
  name: z.string(),
  publisher: z.string().nullable(),
  /** Most installed first. */
  versions: z.array(SoftwareVersionSchema),
});
export type Software = z.infer<typeof SoftwareSchema>;

/** A machine that has the software, in one version. */
export const SoftwareInstallationSchema = z.object({
  assetId: z.number(),
  assetTag: z.string(),
  assetName: z.string(),
  entityName: z.string(),
  versionId: z.number(),
  version: z.string(),
  installDate: z.string().nullable(),
});
export type SoftwareInstallation = z.infer<typeof SoftwareInstallationSchema>;
export const SoftwareInstallationPageSchema = pageOf(SoftwareInstallationSchema);

export const ListSoftwareInstallationsQuerySchema = PageQuerySchema.extend({ versionId: IdSchema.optional() }).extend(EntityFilterSchema.shape);
export type ListSoftwareInstallationsQuery = z.infer<typeof ListSoftwareInstallationsQuerySchema>;

/**
 * The normalisation rules' contract. The server checks a saved list again with the inventory's own
 * schema (features/inventory/identity/software-rules.ts), which also compiles each regular expression.
 */
const MatcherSchema = z.strictObject({
  exact: z.string().max(255).optional(),
  regex: z.string().max(500).optional(),
});
export type SoftwareRuleMatcher = z.infer<typeof MatcherSchema>;

export const SoftwareRuleSchema = z.strictObject({
  match: z.strictObject({ name: MatcherSchema.optional(), publisher: MatcherSchema.optional() }),
  set: z.strictObject({ name: z.string().max(255).optional(), publisher: z.string().max(255).optional() }),
});
export type SoftwareRule = z.infer<typeof SoftwareRuleSchema>;
export const SOFTWARE_RULES_MAX = 500;

export const SoftwareRulesSchema = z.object({
  rules: z.array(SoftwareRuleSchema),
  /** Whether the caller may change them (an admin of the root entity): the web app shows the editor to them only. */
  canManage: z.boolean(),
});
export type SoftwareRules = z.infer<typeof SoftwareRulesSchema>;

export const UpdateSoftwareRulesBodySchema = z.object({ rules: z.array(SoftwareRuleSchema).max(SOFTWARE_RULES_MAX) });
export type UpdateSoftwareRulesBody = z.infer<typeof UpdateSoftwareRulesBodySchema>;

/** An installed software as an agent reports it, and optionally the rules to try instead of the saved ones. */
export const PreviewSoftwareBodySchema = z.object({
  name: z.string().max(500),
  publisher: z.string().max(500).optional(),
  version: z.string().max(200).optional(),
  rules: z.array(SoftwareRuleSchema).max(SOFTWARE_RULES_MAX).optional(),
});
export type PreviewSoftwareBody = z.infer<typeof PreviewSoftwareBodySchema>;

export const SoftwarePreviewSchema = z.object({
  /** What the catalogue would list; null when the entry has no name left (it is not listed). */
  result: z.object({ name: z.string(), publisher: z.string(), version: z.string() }).nullable(),
  /** The index of the rule that decided, or null when the built-in normalisation alone did. */
  ruleIndex: z.number().nullable(),
});
export type SoftwarePreview = z.infer<typeof SoftwarePreviewSchema>;
