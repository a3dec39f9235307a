import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import type { Actor } from "../identity/access.js";
import { type EntityCalendar, entityCalendar } from "../sla/entity-calendar.js";
import { findTicketRow } from "../tickets/ticket.repo.js";
import { applyPlan, planActions } from "./rule-actions.js";
import { activeRules, ancestorsOf } from "./rule-cache.js";
import { type LoadedRule, type TicketFacts, appliesOn, foldedTextOf, ruleMatches } from "./rule-engine.js";

/** Set while rules write: the changes they make go through the ticket hooks again, and must not re-trigger rules. */
const insideRules = new AsyncLocalStorage<true>();

/** Runs the "ticket created" rules on a new ticket. */
export async function rulesOnTicketCreated(db: Db, actor: Actor | undefined, ticketId: number): Promise<void> {
  if (insideRules.getStore()) return;
  const cache = await activeRules(db);
  const rules = cache.rules.filter((r) => appliesOn(r, "created"));
  if (rules.length === 0) return;
  const ticket = await findTicketRow(db, ticketId);
  if (ticket) await insideRules.run(true, () => runRules(db, actor, ticket, rules, cache));
}

/** Runs the "ticket updated" rules after a change (never re-entered by the rules' own changes). */
export async function rulesOnTicketChanged(db: Db, actor: Actor | undefined, before: TicketRow, _change: Partial<TicketRow>): Promise<void> {
  if (insideRules.getStore()) return;
  const cache = await activeRules(db);
  const rules = cache.rules.filter((r) => appliesOn(r, "updated"));
  if (rules.length === 0) return;
  // Read back rather than merged from `change`: the write also moved the version and the open flag.
  const ticket = await findTicketRow(db, before.id);
  if (ticket) await insideRules.run(true, () => runRules(db, actor, ticket, rules, cache));
}

export function factsOf(db: Db, ticket: TicketRow): TicketFacts {
  let groups: Promise<number[]> | undefined;
  let kinds: Promise<number[]> | undefined;
  let calendar: Promise<EntityCalendar> | undefined;
  return {
    ticket,
    folded: foldedTextOf(ticket),
    requesterGroups: () => (groups ??= ticket.requester_id === null ? Promise.resolve([]) : db.selectFrom("group_member")
      .select("group_id").where("user_id", "=", ticket.requester_id).execute().then((rows) => rows.map((r) => r.group_id))),
    assetKinds: () => (kinds ??= db.selectFrom("ticket_asset as ta").innerJoin("asset as a", "a.id", "ta.asset_id")
      .select("a.kind_id").where("ta.ticket_id", "=", ticket.id).execute().then((rows) => rows.map((r) => r.kind_id))),
    businessCalendar: () => (calendar ??= entityCalendar(db, ticket.entity_id)),
  };
}

/** In order; a matching rule with "stop" ends the run. Each rule sees the ticket as the previous ones left it. */
async function runRules(db: Db, actor: Actor | undefined, first: TicketRow, rules: LoadedRule[], cache: Awaited<ReturnType<typeof activeRules>>) {
  const ancestors = await ancestorsOf(db, cache, first.entity_id);
  let ticket = first;
  let facts = factsOf(db, ticket);
  const at = new Date();
  for (const rule of rules) {
    const inScope = rule.entityId === ticket.entity_id || (rule.isRecursive && ancestors.has(rule.entityId));
    if (!inScope || !(await ruleMatches(rule, facts, at))) continue;
    const plan = await planActions(db, ticket, rule.actions);
    ticket = await applyPlan(db, actor, ticket, plan, rule.name);
    facts = factsOf(db, ticket);
    if (rule.stopFurther) break;
  }
}
