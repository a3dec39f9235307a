import { DateTime } from "luxon";
import type { RuleAction, RuleCondition } from "../../../shared/api/automation.js";
import type { TicketRow } from "../../db/schema.js";
import { foldText } from "../../db/values.js";
import { type EntityCalendar, isBusinessTime } from "../sla/entity-calendar.js";

/** A rule as the engine holds it in memory (parsed once per cache load). */
export type LoadedRule = {
  id: number;
  name: string;
  entityId: number;
  isRecursive: boolean;
  trigger: "created" | "updated" | "both";
  matchMode: "all" | "any";
  conditions: RuleCondition[];
  actions: RuleAction[];
  stopFurther: boolean;
};

/**
 * What conditions read beyond the ticket's own columns. Each is loaded on first use only, so a
 * rule set that never asks for the requester's groups costs no query for them.
 */
export type TicketFacts = {
  ticket: TicketRow;
  requesterGroups: () => Promise<number[]>;
  assetKinds: () => Promise<number[]>;
  /** The SLA business calendar of the ticket's entity (or of its nearest parent). */
  businessCalendar: () => Promise<EntityCalendar>;
  /** The title, description or both, without tags, accents nor case: computed once per ticket and field. */
  folded: (field: string) => string;
};

/** The text a text condition searches, folded once per ticket. */
export function foldedTextOf(ticket: TicketRow): (field: string) => string {
  const seen = new Map<string, string>();
  return (field) => {
    let text = seen.get(field);
    if (text === undefined) seen.set(field, (text = foldText(textOf(field, ticket))));
    return text;
  };
}

export type ConditionResult = { index: number; matched: boolean; actual: string };

function listValues(condition: { field: string }, ticket: TicketRow): (string | number)[] | null {
  switch (condition.field) {
    case "category": return ticket.category_id === null ? [] : [ticket.category_id];
    case "entity": return [ticket.entity_id];
    case "channel": return [ticket.channel];
    case "type": return [ticket.type];
    case "priority": return [ticket.priority];
    case "urgency": return [ticket.urgency];
    case "status": return [ticket.status];
    case "group": return ticket.group_id === null ? [] : [ticket.group_id];
    default: return null;
  }
}

const stripTags = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&");

function textOf(field: string, ticket: TicketRow): string {
  if (field === "title") return ticket.title;
  if (field === "description") return stripTags(ticket.description);
  return `${ticket.title} ${stripTags(ticket.description)}`;
}

/** Whether `at` falls on one of `days` between from and to (a range past midnight, e.g. 20:00–06:00, wraps). */
export function isWithin(at: Date, days: number[], from: string, to: string, timeZone: string): boolean {
  const local = DateTime.fromJSDate(at).setZone(timeZone);
  const hm = local.toFormat("HH:mm");
  if (from <= to) return days.includes(local.weekday) && hm >= from && hm < to;
  // Past midnight: the early hours belong to the previous day's range.
  if (hm >= from) return days.includes(local.weekday);
  return hm < to && days.includes(local.minus({ days: 1 }).weekday);
}

async function evaluateOne(condition: RuleCondition, facts: TicketFacts, at: Date): Promise<{ matched: boolean; actual: string }> {
  if (condition.field === "time") {
    const within = isWithin(at, condition.days, condition.from, condition.to, condition.timeZone);
    const actual = DateTime.fromJSDate(at).setZone(condition.timeZone).toFormat("ccc HH:mm");
    return { matched: condition.op === "within" ? within : !within, actual };
  }
  if (condition.field === "businessHours") {
    const { name, calendar } = await facts.businessCalendar();
    const within = isBusinessTime(calendar, at);
    // What the dry-run shows: the calendar's local time and which calendar decided ("24/7" when the entity has none).
    const actual = `${DateTime.fromJSDate(at).setZone(calendar.timeZone).toFormat("ccc HH:mm")} (${name ?? "24/7"})`;
    return { matched: condition.op === "within" ? within : !within, actual };
  }
  if ("words" in condition) {
    const text = facts.folded(condition.field);
    const found = condition.words.some((w) => text.includes(foldText(w)));
    return { matched: condition.op === "contains" ? found : !found, actual: textOf(condition.field, facts.ticket).slice(0, 120) };
  }
  const own = listValues(condition, facts.ticket);
  const values = own ?? (condition.field === "requesterGroup" ? await facts.requesterGroups() : await facts.assetKinds());
  const wanted = new Set(condition.values.map(String));
  const found = values.some((v) => wanted.has(String(v)));
  return { matched: condition.op === "in" ? found : !found, actual: values.join(", ") };
}

/**
 * Evaluates every condition (the dry-run shows each one's outcome). No condition at all matches
 * every ticket: a rule "on every new ticket of this entity".
 */
export async function evaluateRule(rule: Pick<LoadedRule, "conditions" | "matchMode">, facts: TicketFacts, at: Date) {
  const results: ConditionResult[] = [];
  for (const [index, condition] of rule.conditions.entries()) results.push({ index, ...(await evaluateOne(condition, facts, at)) });
  const matched = results.length === 0 || (rule.matchMode === "all" ? results.every((r) => r.matched) : results.some((r) => r.matched));
  return { matched, results };
}

/** Stops at the first failing condition ("all") or the first match ("any"): the hot path needs no trace. */
export async function ruleMatches(rule: LoadedRule, facts: TicketFacts, at: Date): Promise<boolean> {
  if (rule.conditions.length === 0) return true;
  for (const condition of rule.conditions) {
    const { matched } = await evaluateOne(condition, facts, at);
    if (rule.matchMode === "all" && !matched) return false;
    if (rule.matchMode === "any" && matched) return true;
  }
  return rule.matchMode === "all";
}

export function appliesOn(rule: LoadedRule, event: "created" | "updated"): boolean {
  return rule.trigger === "both" || rule.trigger === event;
}
