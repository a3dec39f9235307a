import { type RuleTestBody, RuleTestBodySchema, type RuleTestResult } from "../../../shared/api/automation.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import type { Ctx } from "../../http/context.js";
import { assertCan } from "../identity/access.js";
import { loadWritableTicket } from "../tickets/ticket-access.js";
import { factsOf } from "./automation-hooks.js";
import { type TicketChange, planActions } from "./rule-actions.js";
import { evaluateRule } from "./rule-engine.js";

/** The API's names for the fields a rule sets. */
const FIELD_NAMES: Record<keyof TicketChange, string> = {
  group_id: "group", assignee_id: "assignee", category_id: "category", priority: "priority", type: "type",
  urgency: "urgency", impact: "impact", description: "description", status: "status",
};

async function nameOf(db: Db, field: keyof TicketChange, value: unknown): Promise<string | null> {
  if (value === null || value === undefined) return null;
  const id = Number(value);
  if (field === "group_id") return (await db.selectFrom("user_group").select("name").where("id", "=", id).executeTakeFirst())?.name ?? String(id);
  if (field === "category_id") return (await db.selectFrom("ticket_category").select("complete_name").where("id", "=", id).executeTakeFirst())?.complete_name ?? String(id);
  if (field === "assignee_id") {
    const u = await db.selectFrom("app_user").select(["first_name", "last_name"]).where("id", "=", id).executeTakeFirst();
    return u ? `${u.first_name} ${u.last_name}`.trim() : String(id);
  }
  return String(value);
}

async function describe(db: Db, ticket: TicketRow, change: TicketChange) {
  const out: RuleTestResult["changes"] = [];
  for (const [key, to] of Object.entries(change) as [keyof TicketChange, unknown][]) {
    out.push({ field: FIELD_NAMES[key], from: await nameOf(db, key, ticket[key]), to: await nameOf(db, key, to) });
  }
  return out;
}

/**
 * Runs a rule as written in the editor against a ticket the caller may work on, and tells which
 * conditions hold and what would change. The actions are planned, never written: nothing changes.
 */
export async function testRule(ctx: Ctx, input: RuleTestBody): Promise<RuleTestResult> {
  const body = RuleTestBodySchema.parse(input);
  await assertCan(ctx.db, ctx.actor, "automation.manage", body.entityId);
  const ticket = await loadWritableTicket(ctx.db, ctx.actor, body.ticketId);
  const link = await ctx.db.selectFrom("entity_closure").select("depth")
    .where("ancestor_id", "=", body.entityId).where("descendant_id", "=", ticket.entity_id).executeTakeFirst();
  const inScope = link !== undefined && (link.depth === 0 || body.isRecursive);
  const { matched, results } = await evaluateRule(body, factsOf(ctx.db, ticket), new Date());
  const plan = await planActions(ctx.db, ticket, body.actions);
  return {
    inScope, matched, conditions: results, changes: await describe(ctx.db, ticket, plan.change),
    observers: plan.observers.map((o) => o.login), reply: plan.replies[0] ?? null, skipped: plan.skipped,
  };
}
