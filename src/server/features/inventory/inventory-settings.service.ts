/**
 * The admin's import rules, as people read and change them. Every technician who reads the fleet
 * reads them (they explain the import log); only an admin of the root entity changes them: they
 * decide, for every entity, which machine an inventory updates.
 */
import type { MatchRules, UpdateMatchRulesBody } from "../../../shared/api/inventory-settings.js";
import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden } from "../../http/errors.js";
import { toIssues } from "../../http/route.js";
import { recordHistory } from "../history/history.service.js";
import { entityScope } from "../identity/access.js";
import { DEFAULT_MATCH_RULES, type MatchRule, MatchRulesSchema, ruleLabel } from "./identity/match-rules.js";
import { MATCH_RULES_KEY, inventorySettings } from "./store/inventory-settings.js";
import { administeredRoot } from "../identity/root-admin.js";

/** The root's id when the actor is an admin there (like the priority matrix), else undefined. */

async function assertCanManageRules(db: Db, ctx: Ctx): Promise<number> {
  const rootId = await administeredRoot(db, ctx);
  if (rootId === undefined) throw forbidden();
  return rootId;
}

/** "serial + uuid; serial; mac (off)": one line for the history. */
function rulesText(rules: readonly MatchRule[]): string {
  return rules.map((rule) => `${ruleLabel(rule)}${rule.enabled ? "" : " (off)"}`).join("; ");
}

function copyOf(rules: readonly MatchRule[]): MatchRule[] {
  return rules.map((rule) => ({ criteria: [...rule.criteria], enabled: rule.enabled }));
}

async function storedRulesText(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", MATCH_RULES_KEY).executeTakeFirst();
  return row?.value;
}

export async function getMatchRules(ctx: Ctx): Promise<MatchRules> {
  entityScope(ctx.actor, "asset.read");
  const { matchRules } = await inventorySettings(ctx.db);
  return { rules: copyOf(matchRules), isDefault: (await storedRulesText(ctx.db)) === undefined, canManage: (await administeredRoot(ctx.db, ctx)) !== undefined };
}

/** Saves the ordered rules; the next inventory follows them. */
export async function updateMatchRules(ctx: Ctx, body: UpdateMatchRulesBody): Promise<MatchRules> {
  // The reconciliation's own schema has the last word: what is stored is what inventories can read.
  const parsed = MatchRulesSchema.safeParse(body.rules);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Invalid import rules", toIssues(parsed.error, "body.rules"));
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageRules(trx, ctx);
    const before = (await inventorySettings(trx)).matchRules;
    const value = JSON.stringify(parsed.data);
    await trx.insertInto("setting").values({ key: MATCH_RULES_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    await recordRulesChange(trx, ctx, rootId, before, parsed.data);
  });
  return getMatchRules(ctx);
}

/** Forgets the saved rules: the built-in ones apply again. */
export async function resetMatchRules(ctx: Ctx): Promise<MatchRules> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageRules(trx, ctx);
    const before = (await inventorySettings(trx)).matchRules;
    await trx.deleteFrom("setting").where("key", "=", MATCH_RULES_KEY).execute();
    await recordRulesChange(trx, ctx, rootId, before, DEFAULT_MATCH_RULES);
  });
  return getMatchRules(ctx);
}

/** Kept in the root entity's history, where the organisation-wide settings belong. */
async function recordRulesChange(db: Db, ctx: Ctx, rootId: number, before: readonly MatchRule[], after: readonly MatchRule[]) {
  const [oldValue, newValue] = [rulesText(before), rulesText(after)];
  if (oldValue === newValue) return;
  await recordHistory(db, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update",
    changes: [{ field: "inventoryMatchRules", oldValue, newValue }] });
}
