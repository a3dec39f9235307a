import type { Db } from "../../db/database.js";
import { settingCache } from "../../db/setting-cache.js";
import { SlaLevelSchema, SlaTargetSchema, type SlaLevel, type SlaTarget } from "../../../shared/api/sla.js";
import { z } from "zod";
import { alwaysOpenCalendar, type BusinessCalendar } from "./calendar/calendar.js";

/**
 * What the ticket write path needs to know of the SLA settings, read once per process and kept
 * a few seconds: several instances may share the database, so a change made elsewhere shows
 * within CACHE_TTL_MS; a change made here clears the cache at once. No query at all when the
 * cache is fresh, and nothing to do when no SLA is active.
 */
const CACHE_TTL_MS = 5_000;
const ALWAYS_OPEN = alwaysOpenCalendar("UTC");

export type ActivePolicy = {
  id: number;
  name: string;
  entityId: number;
  isRecursive: boolean;
  categoryId: number | null;
  /** Set: applies to the tickets worked under this contract only. */
  contractId: number | null;
  targets: Map<number, SlaTarget>;
  levels: (SlaLevel & { id: string })[];
};

export type SlaConfig = {
  policies: ActivePolicy[];
  /** Policies per entity id, for the walk up the tree (the contracts' policies are not there). */
  policiesByEntity: Map<number, ActivePolicy[]>;
  calendarByEntity: Map<number, { name: string; calendar: BusinessCalendar }>;
  parentOf: Map<number, number | null>;
  policiesByContract: Map<number, ActivePolicy[]>;
  calendarByContract: Map<number, { name: string; calendar: BusinessCalendar }>;
  /** The contracts that carry an active policy or a calendar. */
  contracts: Map<number, SlaContract>;
};

export type SlaContract = { id: number; entityId: number; name: string; contractType: string; startDate: string; endDate: string };

export type Resolved = {
  policy: ActivePolicy;
  target: SlaTarget;
  calendar: BusinessCalendar;
};

const configCache = settingCache(CACHE_TTL_MS, loadSlaConfig);

export function slaConfig(db: Db): Promise<SlaConfig> {
  return configCache.get(db);
}

/** After a change of calendars or policies on this instance. */
export function forgetSlaConfig(db: Db): void {
  configCache.forget(db);
}

const TargetsSchema = z.array(SlaTargetSchema);
const LevelsSchema = z.array(SlaLevelSchema.extend({ id: z.string() }));

export async function loadSlaConfig(db: Db): Promise<SlaConfig> {
  const rows = await db.selectFrom("sla_policy").selectAll().where("is_active", "=", 1).orderBy("id").execute();
  const policies = rows.map((row): ActivePolicy => ({
    id: row.id, name: row.name, entityId: row.entity_id, isRecursive: row.is_recursive === 1, categoryId: row.category_id, contractId: row.contract_id,
    targets: new Map(TargetsSchema.parse(JSON.parse(row.targets)).map((t) => [t.priority, t])),
    levels: LevelsSchema.parse(JSON.parse(row.levels)),
  }));
  const policiesByEntity = new Map<number, ActivePolicy[]>();
  const policiesByContract = new Map<number, ActivePolicy[]>();
  for (const policy of policies) {
    if (policy.contractId === null) policiesByEntity.set(policy.entityId, [...(policiesByEntity.get(policy.entityId) ?? []), policy]);
    else policiesByContract.set(policy.contractId, [...(policiesByContract.get(policy.contractId) ?? []), policy]);
  }
  const empty = { calendarByEntity: new Map(), parentOf: new Map(), calendarByContract: new Map(), contracts: new Map() };
  if (policies.length === 0) return { policies, policiesByEntity, policiesByContract, ...empty };
  const [calendars, entities] = await Promise.all([
    db.selectFrom("sla_calendar").select(["entity_id", "contract_id", "name", "definition"]).execute(),
    db.selectFrom("entity").select(["id", "parent_id"]).execute(),
  ]);
  const calendarOf = (c: (typeof calendars)[number]) => ({ name: c.name, calendar: JSON.parse(c.definition) as BusinessCalendar });
  const contractIds = [...new Set([...policiesByContract.keys(), ...calendars.flatMap((c) => (c.contract_id === null ? [] : [c.contract_id]))])];
  const contracts = contractIds.length === 0 ? [] : await db.selectFrom("contract")
    .select(["id", "entity_id", "name", "contract_type", "start_date", "end_date"]).where("id", "in", contractIds).execute();
  return {
    policies, policiesByEntity, policiesByContract,
    calendarByEntity: new Map(calendars.flatMap((c) => (c.contract_id === null ? [[c.entity_id, calendarOf(c)] as const] : []))),
    calendarByContract: new Map(calendars.flatMap((c) => (c.contract_id === null ? [] : [[c.contract_id, calendarOf(c)] as const]))),
    parentOf: new Map(entities.map((e) => [e.id, e.parent_id])),
    contracts: new Map(contracts.map((c) => [c.id, { id: c.id, entityId: c.entity_id, name: c.name, contractType: c.contract_type,
      startDate: c.start_date, endDate: c.end_date }])),
  };
}

function* ancestry(config: SlaConfig, entityId: number): Generator<number> {
  for (let id: number | null | undefined = entityId, hops = 0; id !== null && id !== undefined && hops < 100; hops++) {
    yield id;
    id = config.parentOf.get(id);
  }
}

/** The contract's support hours when given and set, else the entity's calendar, or its nearest ancestor's; none at all: always open. */
export function calendarFor(config: SlaConfig, entityId: number, contractId?: number): { name: string | null; calendar: BusinessCalendar } {
  const ofContract = contractId === undefined ? undefined : config.calendarByContract.get(contractId);
  if (ofContract) return ofContract;
  for (const id of ancestry(config, entityId)) {
    const found = config.calendarByEntity.get(id);
    if (found) return found;
  }
  return { name: null, calendar: ALWAYS_OPEN };
}

/**
 * The SLA of a ticket: a policy of its contract (in force) beats the entities' ones; inside the
 * contract, or else, a policy for its category beats a general one; then the nearest entity
 * wins (the ticket's own, then its parents' recursive ones). Only policies with a target for
 * the ticket's priority count.
 */
export function resolveSla(config: SlaConfig, ticket: SlaTicket): Resolved | undefined {
  if (config.policies.length === 0) return undefined;
  const contract = contractOf(config, ticket);
  if (contract) {
    const usable = (config.policiesByContract.get(contract.id) ?? []).filter((p) => p.targets.has(ticket.priority));
    const policy = usable.find((p) => p.categoryId !== null && p.categoryId === ticket.category_id) ?? usable.find((p) => p.categoryId === null);
    if (policy) return withCalendar(config, ticket, policy);
    // Raised to a priority the contract sets no target for: the ticket keeps its contract's SLA rather than take an entity's.
    const kept = keptSla(config, ticket);
    if (kept?.policy.contractId === contract.id) return kept;
  }
  let general: ActivePolicy | undefined;
  let depth = 0;
  for (const id of ancestry(config, ticket.entity_id)) {
    for (const policy of config.policiesByEntity.get(id) ?? []) {
      if ((depth > 0 && !policy.isRecursive) || !policy.targets.has(ticket.priority)) continue;
      if (policy.categoryId !== null && policy.categoryId === ticket.category_id) return withCalendar(config, ticket, policy);
      if (policy.categoryId === null) general ??= policy;
    }
    depth++;
  }
  return general ? withCalendar(config, ticket, general) : keptSla(config, ticket);
}

/** What resolveSla reads of a ticket; the SLA columns only for a ticket that may keep its SLA. */
export type SlaTicket = {
  entity_id: number; category_id: number | null; priority: number; contract_id: number | null; created_at: string;
  sla_id?: number | null; sla_own_minutes?: number | null; sla_resolve_minutes?: number | null;
};

/**
 * A ticket whose priority moved to one its SLA sets no target for (an escalation level raising
 * 3 to 4 when only 3 and 5 have targets) keeps that SLA with the targets it had, so its deadlines
 * and its remaining escalation levels stay. A supervisor expects an escalated ticket to be followed
 * more closely, never to fall out of the SLA; jumping to the next priority with a target instead
 * would move the deadlines back in time and make the ticket late at once. Only while the SLA is
 * active and still covers the ticket's entity and category.
 */
function keptSla(config: SlaConfig, ticket: SlaTicket): Resolved | undefined {
  if (ticket.sla_id == null || (ticket.sla_own_minutes == null && ticket.sla_resolve_minutes == null)) return undefined;
  const policy = config.policies.find((p) => p.id === ticket.sla_id);
  if (!policy || (policy.categoryId !== null && policy.categoryId !== ticket.category_id)) return undefined;
  const kept = () => ({ policy, target: { priority: ticket.priority, ownMinutes: ticket.sla_own_minutes ?? null,
    resolveMinutes: ticket.sla_resolve_minutes ?? null }, calendar: ticketCalendar(config, ticket).calendar });
  if (policy.contractId !== null) return contractOf(config, ticket)?.id === policy.contractId ? kept() : undefined;
  let depth = 0;
  for (const id of ancestry(config, ticket.entity_id)) {
    if (id === policy.entityId && (depth === 0 || policy.isRecursive)) return kept();
    depth++;
  }
  return undefined;
}

function withCalendar(config: SlaConfig, ticket: SlaTicket, policy: ActivePolicy): Resolved {
  return { policy, target: policy.targets.get(ticket.priority)!, calendar: ticketCalendar(config, ticket).calendar };
}

/** A contract is in force from its start date to its end date, both included (YYYY-MM-DD). */
export function inForce(contract: { startDate: string; endDate: string }, day: string): boolean {
  return contract.startDate <= day && day <= contract.endDate;
}

/**
 * The ticket's contract, when it carries an SLA or support hours, covers the ticket's entity (its
 * own or a parent's) and was in force the day the ticket was opened: a ticket keeps the terms it
 * was opened under when the contract ends meanwhile. The day is UTC's.
 */
export function contractOf(config: SlaConfig, ticket: { entity_id: number; contract_id: number | null; created_at: string }): SlaContract | undefined {
  const contract = ticket.contract_id === null ? undefined : config.contracts.get(ticket.contract_id);
  if (!contract || !inForce(contract, ticket.created_at.slice(0, 10))) return undefined;
  for (const id of ancestry(config, ticket.entity_id)) if (id === contract.entityId) return contract;
  return undefined;
}

/** The support hours of the ticket's contract, else its entity's calendar. */
export function ticketCalendar(config: SlaConfig, ticket: { entity_id: number; contract_id: number | null; created_at: string }) {
  return calendarFor(config, ticket.entity_id, contractOf(config, ticket)?.id);
}

/**
 * The contract a new ticket gets when none was given: the only support contract with an active
 * SLA, in force, of the ticket's entity or a parent. With several, the only one of them covering
 * an asset of the ticket (`covering`: the contracts of its linked assets); otherwise none.
 */
export function defaultContract(config: SlaConfig, ticket: { entity_id: number; created_at: string }, covering?: Set<number>): number | null {
  const day = ticket.created_at.slice(0, 10);
  const ancestors = new Set(ancestry(config, ticket.entity_id));
  const candidates = [...config.contracts.values()].filter((c) => c.contractType === "support" && inForce(c, day)
    && ancestors.has(c.entityId) && config.policiesByContract.has(c.id));
  const covered = covering ? candidates.filter((c) => covering.has(c.id)) : [];
  if (covered.length === 1) return covered[0]!.id;
  return candidates.length === 1 ? candidates[0]!.id : null;
}
