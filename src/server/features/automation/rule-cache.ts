import { randomUUID } from "node:crypto";
import type { RuleAction, RuleCondition } from "../../../shared/api/automation.js";
import type { Db } from "../../db/database.js";
import { dbKey } from "../../db/db-key.js";
import type { LoadedRule } from "./rule-engine.js";

const VERSION_KEY = "automation.rules_version";
/** How long an instance trusts its rules before asking whether another instance changed them. */
const CHECK_EVERY_MS = 3000;

type Snapshot = { token: string | null; rules: LoadedRule[]; checkedAt: number; ancestors: Map<number, Set<number>> };

/** Per database (tests open several in one process), the same for its transactions. */
const snapshots = new WeakMap<object, Snapshot>();

/**
 * The active rules, in order, from a per-process cache. Every rule change writes a new token to
 * a setting row; an instance reads that row at most every few seconds and reloads the rules
 * only when the token moved, so creating a ticket costs no query here most of the time.
 */
export async function activeRules(db: Db): Promise<Snapshot> {
  const at = Date.now();
  const snapshot = snapshots.get(dbKey(db));
  if (snapshot && at - snapshot.checkedAt < CHECK_EVERY_MS) return snapshot;
  const row = await db.selectFrom("setting").select("value").where("key", "=", VERSION_KEY).executeTakeFirst();
  const token = row?.value ?? null;
  if (snapshot && snapshot.token === token) {
    snapshot.checkedAt = at;
    return snapshot;
  }
  const next = { token, rules: token === null ? [] : await loadRules(db), checkedAt: at, ancestors: new Map() };
  snapshots.set(dbKey(db), next);
  return next;
}

async function loadRules(db: Db): Promise<LoadedRule[]> {
  const rows = await db.selectFrom("automation_rule").selectAll().where("is_active", "=", 1)
    .orderBy("position").orderBy("id").limit(5000).execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, entityId: r.entity_id, isRecursive: r.is_recursive === 1,
    trigger: r.trigger as LoadedRule["trigger"], matchMode: r.match_mode as LoadedRule["matchMode"],
    conditions: JSON.parse(r.conditions) as RuleCondition[], actions: JSON.parse(r.actions) as RuleAction[],
    stopFurther: r.stop_further === 1,
  }));
}

/** The entity and its parents, remembered with the snapshot (entities rarely move; the snapshot is short-lived enough). */
export async function ancestorsOf(db: Db, cache: Snapshot, entityId: number): Promise<Set<number>> {
  const known = cache.ancestors.get(entityId);
  if (known) return known;
  const rows = await db.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", entityId).execute();
  const ids = new Set(rows.map((r) => r.ancestor_id));
  cache.ancestors.set(entityId, ids);
  return ids;
}

/** Called in the transaction of every rule change: other instances see the new token within seconds, this one at once. */
export async function bumpRulesVersion(db: Db): Promise<void> {
  const token = randomUUID();
  await db.insertInto("setting").values({ key: VERSION_KEY, value: token })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: token })).execute();
  forgetRules(db);
}

/** After a rule change on this instance, once its transaction is over. */
export function forgetRules(db: Db): void {
  snapshots.delete(dbKey(db));
}
