import type { Db } from "../../db/database.js";
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
  targets: Map<number, SlaTarget>;
  levels: (SlaLevel & { id: string })[];
};

export type SlaConfig = {
  policies: ActivePolicy[];
  /** Policies per entity id, for the walk up the tree. */
  policiesByEntity: Map<number, ActivePolicy[]>;
  calendarByEntity: Map<number, { name: string; calendar: BusinessCalendar }>;
  parentOf: Map<number, number | null>;
};

export type Resolved = {
  policy: ActivePolicy;
  target: SlaTarget;
  calendar: BusinessCalendar;
};

/** Keyed by the database's adapter: a transaction shares it with its Kysely, and tests open several databases. */
const caches = new WeakMap<object, { loadedAt: number; config: Promise<SlaConfig> }>();

const keyOf = (db: Db) => db.getExecutor().adapter;

export function slaConfig(db: Db): Promise<SlaConfig> {
  const cached = caches.get(keyOf(db));
  if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached.config;
  const config = loadSlaConfig(db);
  caches.set(keyOf(db), { loadedAt: Date.now(), config });
  config.catch(() => caches.delete(keyOf(db)));
  return config;
}

/** After a change of calendars or policies on this instance. */
export function forgetSlaConfig(db: Db): void {
  caches.delete(keyOf(db));
}

const TargetsSchema = z.array(SlaTargetSchema);
const LevelsSchema = z.array(SlaLevelSchema.extend({ id: z.string() }));

export async function loadSlaConfig(db: Db): Promise<SlaConfig> {
  const rows = await db.selectFrom("sla_policy").selectAll().where("is_active", "=", 1).orderBy("id").execute();
  const policies = rows.map((row): ActivePolicy => ({
    id: row.id, name: row.name, entityId: row.entity_id, isRecursive: row.is_recursive === 1, categoryId: row.category_id,
    targets: new Map(TargetsSchema.parse(JSON.parse(row.targets)).map((t) => [t.priority, t])),
    levels: LevelsSchema.parse(JSON.parse(row.levels)),
  }));
  const policiesByEntity = new Map<number, ActivePolicy[]>();
  for (const policy of policies) policiesByEntity.set(policy.entityId, [...(policiesByEntity.get(policy.entityId) ?? []), policy]);
  if (policies.length === 0) return { policies, policiesByEntity, calendarByEntity: new Map(), parentOf: new Map() };
  const [calendars, entities] = await Promise.all([
    db.selectFrom("sla_calendar").select(["entity_id", "name", "definition"]).execute(),
    db.selectFrom("entity").select(["id", "parent_id"]).execute(),
  ]);
  return {
    policies, policiesByEntity,
    calendarByEntity: new Map(calendars.map((c) => [c.entity_id, { name: c.name, calendar: JSON.parse(c.definition) as BusinessCalendar }])),
    parentOf: new Map(entities.map((e) => [e.id, e.parent_id])),
  };
}

function* ancestry(config: SlaConfig, entityId: number): Generator<number> {
  for (let id: number | null | undefined = entityId, hops = 0; id !== null && id !== undefined && hops < 100; hops++) {
    yield id;
    id = config.parentOf.get(id);
  }
}

/** The entity's calendar, or its nearest ancestor's; none at all: always open. */
export function calendarFor(config: SlaConfig, entityId: number): { name: string | null; calendar: BusinessCalendar } {
  for (const id of ancestry(config, entityId)) {
    const found = config.calendarByEntity.get(id);
    if (found) return found;
  }
  return { name: null, calendar: ALWAYS_OPEN };
}

/**
 * The SLA of a ticket: a policy for its category beats a general one; then the nearest entity
 * wins (the ticket's own, then its parents' recursive ones). Only policies with a target for
 * the ticket's priority count.
 */
export function resolveSla(config: SlaConfig, ticket: { entity_id: number; category_id: number | null; priority: number }): Resolved | undefined {
  if (config.policies.length === 0) return undefined;
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
  return general ? withCalendar(config, ticket, general) : undefined;
}

function withCalendar(config: SlaConfig, ticket: { entity_id: number; priority: number }, policy: ActivePolicy): Resolved {
  return { policy, target: policy.targets.get(ticket.priority)!, calendar: calendarFor(config, ticket.entity_id).calendar };
}
