import { sql } from "kysely";
import {
  type CreateRuleBody, CreateRuleBodySchema, type Rule, type RuleAction, type RuleCondition, type UpdateRuleBody, UpdateRuleBodySchema,
} from "../../../shared/api/automation.js";
import type { ValidationIssue } from "../../../shared/api/errors.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { assertCan, entityScope, inScope } from "../identity/access.js";
import { findEntityRow } from "../identity/entity.repo.js";
import type { AutomationRuleRow } from "./automation.table.js";
import { bumpRulesVersion, forgetRules } from "./rule-cache.js";
import { recordRuleChange } from "./rule-history.js";
import { categoryProblem, collect, groupProblem, technicianProblem, templateProblem, userProblem } from "./references.js";

/** Rules are few (tens, a few hundred in a large ESN): the list is whole, in the order they run. */
export const RULE_LIST_MAX = 1000;

type RuleListRow = AutomationRuleRow & { entity_name: string | null };

function toRule(row: RuleListRow): Rule {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name ?? "", isRecursive: row.is_recursive === 1, name: row.name,
    description: row.description, trigger: row.trigger as Rule["trigger"], matchMode: row.match_mode as Rule["matchMode"],
    conditions: JSON.parse(row.conditions) as RuleCondition[], actions: JSON.parse(row.actions) as RuleAction[],
    position: row.position, stopFurther: row.stop_further === 1, isActive: row.is_active === 1, version: row.version, updatedAt: row.updated_at,
  };
}

function selectRules(db: Db) {
  return db.selectFrom("automation_rule as r").selectAll("r")
    .select((eb) => eb.selectFrom("entity as e").select("e.complete_name").whereRef("e.id", "=", "r.entity_id").as("entity_name"));
}

async function presentRule(db: Db, id: number): Promise<Rule> {
  return toRule(await selectRules(db).where("r.id", "=", id).executeTakeFirstOrThrow());
}

/** The rules of the entities the caller manages, in the order they run. */
export async function listRules(ctx: Ctx): Promise<{ data: Rule[] }> {
  const scope = entityScope(ctx.actor, "automation.manage");
  const rows = await selectRules(ctx.db).where(inScope("r.entity_id", scope)).orderBy("r.position").orderBy("r.id").limit(RULE_LIST_MAX).execute();
  return { data: rows.map(toRule) };
}

export async function getRule(ctx: Ctx, id: number): Promise<Rule> {
  await loadManagedRule(ctx.db, ctx, id);
  return presentRule(ctx.db, id);
}

/** A rule out of the caller's reach is answered as absent. */
async function loadManagedRule(db: Db, ctx: Ctx, id: number): Promise<AutomationRuleRow> {
  const row = await db.selectFrom("automation_rule").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("AUTOMATION_RULE_NOT_FOUND", `Rule ${id}`);
  await assertCan(db, ctx.actor, "automation.manage", row.entity_id).catch(() => {
    throw notFound("AUTOMATION_RULE_NOT_FOUND", `Rule ${id}`);
  });
  return row;
}

/**
 * Refuses a rule whose action could not apply in its entity: a group or technician from
 * elsewhere, a deleted or inactive category or template. Every problem is listed at once.
 */
export async function checkActions(db: Db, actions: RuleAction[], entityId: number): Promise<void> {
  const issues: ValidationIssue[] = [];
  for (const [i, action] of actions.entries()) {
    const at = `body.actions.${i}`;
    if (action.type === "assignGroup") await collect(issues, `${at}.groupId`, groupProblem(db, action.groupId, entityId));
    if (action.type === "assignTechnician") await collect(issues, `${at}.userId`, technicianProblem(db, action.userId, entityId));
    if (action.type === "addObserver") await collect(issues, `${at}.userId`, userProblem(db, action.userId));
    if (action.type === "setCategory") await collect(issues, `${at}.categoryId`, categoryProblem(db, action.categoryId, entityId));
    if (action.type === "applyTemplate") await collect(issues, `${at}.templateId`, templateProblem(db, action.templateId, entityId));
  }
  if (issues.length > 0) throw new AppError("RULE_ACTION_INVALID", "An action of the rule cannot apply in its entity", issues);
}

export async function createRule(ctx: Ctx, input: CreateRuleBody): Promise<Rule> {
  const body = CreateRuleBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await findEntityRow(trx, body.entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${body.entityId}`);
    await assertCan(trx, ctx.actor, "automation.manage", body.entityId);
    await checkActions(trx, body.actions, body.entityId);
    const last = await trx.selectFrom("automation_rule").select(sql<number>`coalesce(max(position), 0)`.as("p")).executeTakeFirstOrThrow();
    const at = now();
    const row = await trx.insertInto("automation_rule").values({
      entity_id: body.entityId, is_recursive: flag(body.isRecursive), name: body.name, description: body.description ?? null,
      trigger: body.trigger, match_mode: body.matchMode, conditions: JSON.stringify(body.conditions), actions: JSON.stringify(body.actions),
      position: Number(last.p) + 1, stop_further: flag(body.stopFurther), is_active: flag(body.isActive), version: 1, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await bumpRulesVersion(trx);
    await recordRuleChange(trx, ctx.actor, null, row.id);
    return row.id;
  });
  forgetRules(ctx.db);
  return presentRule(ctx.db, id);
}

export async function updateRule(ctx: Ctx, id: number, input: UpdateRuleBody): Promise<Rule> {
  const body = UpdateRuleBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadManagedRule(trx, ctx, id);
    await checkActions(trx, body.actions, row.entity_id);
    const result = await trx.updateTable("automation_rule").set({
      is_recursive: flag(body.isRecursive), name: body.name, description: body.description ?? null, trigger: body.trigger,
      match_mode: body.matchMode, conditions: JSON.stringify(body.conditions), actions: JSON.stringify(body.actions),
      stop_further: flag(body.stopFurther), is_active: flag(body.isActive), version: row.version + 1, updated_at: now(),
    }).where("id", "=", id).where("version", "=", body.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("RULE_VERSION_CONFLICT", `Rule ${id} changed meanwhile`);
    await bumpRulesVersion(trx);
    await recordRuleChange(trx, ctx.actor, row, id);
  });
  forgetRules(ctx.db);
  return presentRule(ctx.db, id);
}

/** Enabling checks the actions again: a group may have left the entity since the rule was written. */
export async function setRuleActive(ctx: Ctx, id: number, isActive: boolean, version: number): Promise<Rule> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadManagedRule(trx, ctx, id);
    if (isActive) await checkActions(trx, JSON.parse(row.actions) as RuleAction[], row.entity_id);
    const result = await trx.updateTable("automation_rule").set({ is_active: flag(isActive), version: row.version + 1, updated_at: now() })
      .where("id", "=", id).where("version", "=", version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("RULE_VERSION_CONFLICT", `Rule ${id} changed meanwhile`);
    await bumpRulesVersion(trx);
    await recordRuleChange(trx, ctx.actor, row, id);
  });
  forgetRules(ctx.db);
  return presentRule(ctx.db, id);
}

/** Swaps the rule with its neighbour among the rules the caller manages. */
export async function moveRule(ctx: Ctx, id: number, direction: "up" | "down"): Promise<{ data: Rule[] }> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadManagedRule(trx, ctx, id);
    const scope = entityScope(ctx.actor, "automation.manage");
    let q = trx.selectFrom("automation_rule").select(["id", "position"]).where(inScope("entity_id", scope)).where("id", "!=", id);
    q = direction === "up"
      ? q.where((eb) => eb.or([eb("position", "<", row.position), eb.and([eb("position", "=", row.position), eb("id", "<", id)])])).orderBy("position", "desc").orderBy("id", "desc")
      : q.where((eb) => eb.or([eb("position", ">", row.position), eb.and([eb("position", "=", row.position), eb("id", ">", id)])])).orderBy("position").orderBy("id");
    const neighbour = await q.limit(1).executeTakeFirst();
    if (!neighbour) return;
    // Positions may tie after a move between entities: give the pair distinct ones.
    const [mine, theirs] = neighbour.position === row.position
      ? (direction === "up" ? [row.position, row.position + 1] : [row.position + 1, row.position])
      : [neighbour.position, row.position];
    const at = now();
    await trx.updateTable("automation_rule").set({ position: mine, updated_at: at }).where("id", "=", id).execute();
    await trx.updateTable("automation_rule").set({ position: theirs, updated_at: at }).where("id", "=", neighbour.id).execute();
    await bumpRulesVersion(trx);
  });
  forgetRules(ctx.db);
  return listRules(ctx);
}

export async function deleteRule(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadManagedRule(trx, ctx, id);
    await trx.deleteFrom("automation_rule").where("id", "=", id).execute();
    await bumpRulesVersion(trx);
    await recordRuleChange(trx, ctx.actor, row, id, true);
  });
  forgetRules(ctx.db);
}
