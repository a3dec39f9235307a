import type { RuleAction } from "../../../shared/api/automation.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { visibleIn } from "../../db/tree.js";
import { now } from "../../db/values.js";
import { recordHistory } from "../history/history.service.js";
import type { Actor } from "../identity/access.js";
import { notifyFollowup } from "../notifications/notify.js";
import { applyTicketChange, computePriority, statusAfterAssignment } from "../tickets/ticket-write.js";
import { fillPlaceholders, placeholderValues, textToHtml } from "./placeholders.js";
import { usableIn } from "./references.js";

type Fields = Pick<TicketRow, "group_id" | "assignee_id" | "category_id" | "priority" | "type" | "urgency" | "impact" | "description" | "status">;
export type TicketChange = Partial<Fields>;

/** What a rule's actions would do to one ticket: computed without writing, for the dry-run and before the write. */
export type Plan = {
  change: TicketChange;
  observers: { id: number; login: string }[];
  replies: string[];
  skipped: { index: number; reason: "unchanged" | "unavailable" }[];
};

type Step = { change?: TicketChange; observer?: { id: number; login: string }; reply?: string } | "unchanged" | "unavailable";

async function activeUser(db: Db, id: number) {
  return db.selectFrom("app_user").select(["id", "login"]).where("id", "=", id).where("is_active", "=", 1).executeTakeFirst();
}

async function template(db: Db, id: number, entityId: number) {
  return db.selectFrom("ticket_template").selectAll().where("id", "=", id).where("is_active", "=", 1)
    .where(usableIn(entityId)).executeTakeFirst();
}

/** One action against the ticket as the previous actions left it. */
async function planOne(db: Db, state: TicketRow, action: RuleAction, technicianId: number | null): Promise<Step> {
  switch (action.type) {
    case "assignGroup": {
      const group = await db.selectFrom("user_group").select("id").where("id", "=", action.groupId).executeTakeFirst();
      if (!group) return "unavailable";
      return state.group_id === group.id ? "unchanged" : { change: { group_id: group.id } };
    }
    case "assignTechnician": {
      const user = await activeUser(db, action.userId);
      if (!user) return "unavailable";
      return state.assignee_id === user.id ? "unchanged" : { change: { assignee_id: user.id } };
    }
    case "setCategory": {
      const category = await db.selectFrom("ticket_category").select("id").where("id", "=", action.categoryId).where("is_active", "=", 1)
        .where(visibleIn("entity_id", state.entity_id)).executeTakeFirst();
      if (!category) return "unavailable";
      return state.category_id === category.id ? "unchanged" : { change: { category_id: category.id } };
    }
    case "setPriority": return state.priority === action.value ? "unchanged" : { change: { priority: action.value } };
    case "setType": return state.type === action.value ? "unchanged" : { change: { type: action.value } };
    case "setUrgency": return state.urgency === action.value ? "unchanged" : { change: { urgency: action.value } };
    case "addObserver": {
      const user = await activeUser(db, action.userId);
      if (!user) return "unavailable";
      const already = await db.selectFrom("ticket_observer").select("user_id").where("ticket_id", "=", state.id).where("user_id", "=", user.id).executeTakeFirst();
      return already ? "unchanged" : { observer: user };
    }
    case "applyTemplate": {
      const tpl = await template(db, action.templateId, state.entity_id);
      if (!tpl) return "unavailable";
      // A template fills the classification; the ticket's own words stay, unless it has none.
      const change: TicketChange = {
        ...(tpl.type === null ? {} : { type: tpl.type }), ...(tpl.urgency === null ? {} : { urgency: tpl.urgency }),
        ...(tpl.impact === null ? {} : { impact: tpl.impact }), ...(tpl.category_id === null ? {} : { category_id: tpl.category_id }),
        ...(tpl.group_id === null ? {} : { group_id: tpl.group_id }),
        ...(state.description.trim() === "" && tpl.description !== "" ? { description: textToHtml(tpl.description) } : {}),
      };
      const differs = Object.entries(change).some(([k, v]) => state[k as keyof TicketRow] !== v);
      return differs ? { change } : "unchanged";
    }
    case "reply":
      return { reply: textToHtml(fillPlaceholders(action.content, await placeholderValues(db, state, technicianId))) };
  }
}

/**
 * Plans the actions in order, each seeing what the previous ones set. Urgency or impact changed
 * without an explicit priority recompute it from the matrix; a new owner moves a new ticket to
 * "assigned", as a technician's assignment does.
 */
export async function planActions(db: Db, ticket: TicketRow, actions: RuleAction[]): Promise<Plan> {
  const plan: Plan = { change: {}, observers: [], replies: [], skipped: [] };
  let state = ticket;
  for (const [index, action] of actions.entries()) {
    const step = await planOne(db, state, action, null);
    if (step === "unchanged" || step === "unavailable") {
      plan.skipped.push({ index, reason: step });
      continue;
    }
    if (step.change) {
      plan.change = { ...plan.change, ...step.change };
      state = { ...state, ...step.change };
    }
    if (step.observer) plan.observers.push(step.observer);
    if (step.reply) plan.replies.push(step.reply);
  }
  const explicitPriority = actions.some((a) => a.type === "setPriority") && plan.change.priority !== undefined;
  if (!explicitPriority && (state.urgency !== ticket.urgency || state.impact !== ticket.impact)) {
    plan.change.priority = await computePriority(db, state.urgency, state.impact);
  }
  const status = statusAfterAssignment(ticket.status, state.assignee_id, state.group_id);
  if (status !== ticket.status) plan.change.status = status;
  for (const key of Object.keys(plan.change) as (keyof TicketChange)[]) {
    if (plan.change[key] === ticket[key]) delete plan.change[key];
  }
  return plan;
}

export function ruleLabel(name: string): string {
  return `Règle « ${name} »`;
}

/**
 * Writes a plan as done by the rule: the history and the timeline name the rule (the user who
 * triggered it stays as actor id). Returns the ticket as it now is.
 */
export async function applyPlan(db: Db, actor: Actor | undefined, ticket: TicketRow, plan: Plan, ruleName: string): Promise<TicketRow> {
  const label = ruleLabel(ruleName);
  const byRule: Actor | undefined = actor ? { ...actor, name: label } : undefined;
  let row = ticket;
  if (Object.keys(plan.change).length > 0 && (await applyTicketChange(db, byRule, ticket, ticket.version, plan.change))) {
    row = { ...ticket, ...plan.change, version: ticket.version + 1 };
  }
  for (const observer of plan.observers) {
    await db.insertInto("ticket_observer").values({ ticket_id: row.id, user_id: observer.id, created_at: now() })
      .onConflict((oc) => oc.columns(["ticket_id", "user_id"]).doNothing()).execute();
    await recordHistory(db, byRule, { recordType: "ticket", recordId: row.id, entityId: row.entity_id, action: "link", field: "observer", label: observer.login });
  }
  for (const content of plan.replies) {
    const at = now();
    await db.insertInto("ticket_followup").values({ ticket_id: row.id, kind: "followup", is_private: 0, content,
      author_id: actor?.userId ?? null, author_name: label, created_at: at }).execute();
    await db.updateTable("ticket").set({ updated_at: at }).where("id", "=", row.id).execute();
    if (byRule) await notifyFollowup(db, byRule, row, false);
  }
  return row;
}
