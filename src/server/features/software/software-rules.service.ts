/**
 * The admin's software normalisation rules (GLPI's software dictionary), as people read, try and
 * change them. Everyone who reads the fleet reads them (they explain the catalogue's names); only an
 * admin of the root entity changes them: they rename software for every entity. Saved rules apply
 * to the inventories received afterwards; the catalogue as it stands is not rewritten.
 */
import type { PreviewSoftwareBody, SoftwarePreview, SoftwareRules, UpdateSoftwareRulesBody } from "../../../shared/api/software.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden } from "../../http/errors.js";
import { toIssues } from "../../http/route.js";
import { recordHistory } from "../history/history.service.js";
import { entityScope } from "../identity/access.js";
import {
  type SoftwareRule, SoftwareRulesSchema, findRuleValues, normalizeSoftware,
} from "../inventory/identity/software-rules.js";
import { SOFTWARE_RULES_KEY, inventorySettings } from "../inventory/store/inventory-settings.js";
import { administeredRoot } from "../identity/root-admin.js";

/** The root's id when the actor is an admin there (like the priority matrix and the import rules), else undefined. */

/**
 * The inventory's own schema has the last word: what is stored is what inventories can read. Its
 * issues keep the rule's index in their path, and the message names the rule as the admin counts them.
 */
function checkedRules(rules: unknown, path: string): SoftwareRule[] {
  const parsed = SoftwareRulesSchema.safeParse(rules);
  if (parsed.success) return parsed.data;
  const issues = toIssues(parsed.error, path).map((issue, i) => {
    const index = parsed.error.issues[i]?.path[0];
    return typeof index === "number" ? { ...issue, message: `Rule ${index + 1}: ${issue.message}` } : issue;
  });
  const first = issues[0];
  throw new AppError("VALIDATION_FAILED", `Invalid software rules${first ? ` (${first.message})` : ""}`, issues);
}

/** A fresh copy, so the settings' parsed (and memoised) list is never handed out to be changed. */
function copyOf(rules: readonly SoftwareRule[]): SoftwareRule[] {
  return JSON.parse(JSON.stringify(rules)) as SoftwareRule[];
}

export async function getSoftwareRules(ctx: Ctx): Promise<SoftwareRules> {
  entityScope(ctx.actor, "asset.read");
  const { softwareRules } = await inventorySettings(ctx.db);
  return { rules: copyOf(softwareRules), canManage: (await administeredRoot(ctx.db, ctx)) !== undefined };
}

/** Replaces the ordered rules; the inventories received from now on follow them. */
export async function updateSoftwareRules(ctx: Ctx, body: UpdateSoftwareRulesBody): Promise<SoftwareRules> {
  const rules = checkedRules(body.rules, "body.rules");
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await administeredRoot(trx, ctx);
    if (rootId === undefined) throw forbidden();
    const before = JSON.stringify((await inventorySettings(trx)).softwareRules);
    const value = JSON.stringify(rules);
    await trx.insertInto("setting").values({ key: SOFTWARE_RULES_KEY, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
    // Kept in the root entity's history, where the organisation-wide settings belong.
    if (before !== value) {
      await recordHistory(trx, ctx.actor, { recordType: "entity", recordId: rootId, entityId: rootId, action: "update",
        changes: [{ field: "inventorySoftwareRules", oldValue: before, newValue: value }] });
    }
  });
  return getSoftwareRules(ctx);
}

/**
 * What the catalogue would list for an entry as an agent reports it: with the rules given (the
 * editor's unsaved ones), else with the saved ones. Lets the admin try a rule before saving it.
 */
export async function previewSoftware(ctx: Ctx, body: PreviewSoftwareBody): Promise<SoftwarePreview> {
  entityScope(ctx.actor, "asset.read");
  const rules = body.rules ? checkedRules(body.rules, "body.rules") : (await inventorySettings(ctx.db)).softwareRules;
  const entry = { name: body.name, publisher: body.publisher ?? null, version: body.version ?? null };
  const ruleIndex = rules.findIndex((rule) => findRuleValues(entry, [rule]) !== undefined);
  const result = normalizeSoftware(entry, rules);
  return { result: result ?? null, ruleIndex: ruleIndex === -1 ? null : ruleIndex };
}
