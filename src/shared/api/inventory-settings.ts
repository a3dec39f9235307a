/**
 * The admin's import rules: the ordered ways an incoming inventory is matched to an existing
 * asset. The server checks a saved list again with the reconciliation's own schema
 * (features/inventory/identity/match-rules.ts); this one is the contract the web app sees.
 */
import { z } from "zod";

/** Same list, same order as the reconciliation's MATCH_CRITERIA (a test keeps them equal). */
export const MATCH_CRITERIA = ["serial", "uuid", "mac", "name"] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];
export const MATCH_RULES_MAX = 20;

export const MatchRuleSchema = z.strictObject({
  criteria: z.array(z.enum(MATCH_CRITERIA)).min(1).max(MATCH_CRITERIA.length)
    .refine((criteria) => new Set(criteria).size === criteria.length, "A criterion appears twice in the rule"),
  enabled: z.boolean().default(true),
});
export type MatchRule = z.output<typeof MatchRuleSchema>;

/** Two rules with the same criteria (in any order) would never both decide: the second is refused where it stands. */
export const MatchRuleListSchema = z.array(MatchRuleSchema).max(MATCH_RULES_MAX).superRefine((rules, ctx) => {
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const key = [...rule.criteria].sort().join("+");
    const first = seen.get(key);
    if (first !== undefined) ctx.addIssue({ code: "custom", path: [index, "criteria"], message: `Same criteria as rule ${first + 1}` });
    else seen.set(key, index);
  });
});

export const MatchRulesSchema = z.object({
  rules: z.array(MatchRuleSchema),
  /** Nothing saved: the built-in rules apply. */
  isDefault: z.boolean(),
  /** Whether the caller may change them (an admin of the root entity): the web app shows the editor to them only. */
  canManage: z.boolean(),
});
export type MatchRules = z.infer<typeof MatchRulesSchema>;

export const UpdateMatchRulesBodySchema = z.object({ rules: MatchRuleListSchema });
export type UpdateMatchRulesBody = z.input<typeof UpdateMatchRulesBodySchema>;

/** Agent authentication (HTTP Basic): whether agents must authenticate, and the logins, one per entity. */
export const AgentLoginSchema = z.object({
  id: z.string(),
  login: z.string(),
  /** Machines sent with this login go to this entity or, by their tag, to one of its sub-entities. */
  entityId: z.number().int(),
  entityName: z.string().nullable(),
  createdAt: z.string(),
});
export const AgentAuthSchema = z.object({ required: z.boolean(), logins: z.array(AgentLoginSchema) });
export type AgentAuth = z.infer<typeof AgentAuthSchema>;

export const UpdateAgentAuthBodySchema = z.strictObject({ required: z.boolean() });
export type UpdateAgentAuthBody = z.infer<typeof UpdateAgentAuthBodySchema>;

export const CreateAgentLoginBodySchema = z.strictObject({
  entityId: z.number().int().positive(),
  login: z.string().trim().regex(/^[A-Za-z0-9._-]{3,64}$/, "3 to 64 letters, digits, dots, dashes or underscores"),
});
export type CreateAgentLoginBody = z.infer<typeof CreateAgentLoginBodySchema>;

/** The secret is in this answer only: it is stored hashed. */
export const CreatedAgentLoginSchema = AgentLoginSchema.extend({ secret: z.string() });
export type CreatedAgentLogin = z.infer<typeof CreatedAgentLoginSchema>;
