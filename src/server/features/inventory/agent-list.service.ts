/**
 * What people see of the inventory agents: the agents, the silent ones flagged, and the log of
 * every message they sent (received or refused). Both lists are scoped like the fleet's.
 */
import type { Page } from "../../../shared/api/common.js";
import type {
  InventoryAgent, InventoryImport, ListInventoryAgentsQuery, ListInventoryImportsQuery,
} from "../../../shared/api/inventory-agents.js";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";
import { startsWith } from "../../db/dialect.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { type EntityScope, entityScope, inScope } from "../identity/access.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which a last contact makes an agent silent. ISO text compares as time. */
function staleBefore(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

/**
 * The asset's id and tag when the caller reads its entity, else nulls: an agent (or a log line)
 * of one entity may point at an asset since moved to another one.
 */
function readableAsset(scope: EntityScope) {
  const readable: RawBuilder<SqlBool> = inScope("s.entity_id", scope);
  return [
    sql<number | null>`case when ${readable} then ${sql.ref("s.id")} end`.as("asset_id"),
    sql<string | null>`case when ${readable} then ${sql.ref("s.asset_tag")} end`.as("asset_tag"),
  ];
}

function selectAgents(db: Db, scope: EntityScope) {
  return db.selectFrom("inventory_agent as a").innerJoin("entity as e", "e.id", "a.entity_id").leftJoin("asset as s", "s.id", "a.asset_id")
    .select(["a.id", "a.device_id", "a.name", "a.version", "a.last_ip", "a.last_contact_at", "a.last_inventory_at", "a.entity_id",
      "e.complete_name as entity_name", "a.tag", ...readableAsset(scope)])
    .where(inScope("a.entity_id", scope));
}
type AgentListRow = Awaited<ReturnType<ReturnType<typeof selectAgents>["execute"]>>[number];

function toAgent(row: AgentListRow, cutoff: string): InventoryAgent {
  return {
    id: row.id, deviceId: row.device_id, name: row.name, version: row.version, lastIp: row.last_ip, lastContactAt: row.last_contact_at,
    lastInventoryAt: row.last_inventory_at, entityId: row.entity_id, entityName: row.entity_name, assetId: row.asset_id, assetTag: row.asset_tag,
    tag: row.tag, stale: row.last_contact_at < cutoff,
  };
}

/** The agents of the caller's entities, newest contact first; `stale` keeps the silent (or only the live) ones. */
export async function listInventoryAgents(ctx: Ctx, query: ListInventoryAgentsQuery): Promise<Page<InventoryAgent>> {
  const cutoff = staleBefore(query.days);
  let q = selectAgents(ctx.db, entityScope(ctx.actor, "asset.read"));
  if (query.stale === true) q = q.where("a.last_contact_at", "<", cutoff);
  if (query.stale === false) q = q.where("a.last_contact_at", ">=", cutoff);
  if (query.q) q = q.where(startsWith("a.device_id", query.q));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("a.last_contact_at", "a.id"), "<", eb.tuple(at as string, id as number)));
  }
  const rows = await q.orderBy("a.last_contact_at", "desc").orderBy("a.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, (r) => toAgent(r, cutoff), (r) => [r.last_contact_at, r.id]);
}

function selectImports(db: Db, scope: EntityScope) {
  return db.selectFrom("inventory_import as i").leftJoin("asset as s", "s.id", "i.asset_id")
    .select(["i.id", "i.agent_id", "i.device_id", "i.ip", "i.query", "i.outcome", "i.reason", "i.detail", "i.decision", "i.rule", "i.trace",
      "i.received_at", ...readableAsset(scope),
      (eb) => eb.exists(eb.selectFrom("inventory_import_payload as p").select("p.import_id").whereRef("p.import_id", "=", "i.id")).as("attachable")])
    .where(inScope("i.entity_id", scope));
}
type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImports>["execute"]>>[number];

function toImport(row: ImportRow): InventoryImport {
  return {
    id: row.id, agentId: row.agent_id, deviceId: row.device_id, ip: row.ip, query: row.query, outcome: row.outcome, reason: row.reason,
    detail: row.detail, decision: row.decision, assetId: row.asset_id, assetTag: row.asset_tag, rule: row.rule,
    trace: row.trace ? row.trace.split("\n") : [], receivedAt: row.received_at, attachable: Boolean(row.attachable),
  };
}

/**
 * The import log of the caller's entities, newest first: what each agent sent and whether it was taken.
 * The outcome and decision filters walk the (received_at, id) index and skip the other lines:
 * cheap while refusals are frequent enough; an index on (outcome, received_at, id) would bound them.
 */
export async function listInventoryImports(ctx: Ctx, query: ListInventoryImportsQuery): Promise<Page<InventoryImport>> {
  let q = selectImports(ctx.db, entityScope(ctx.actor, "asset.read"));
  if (query.outcome) q = q.where("i.outcome", "=", query.outcome);
  if (query.decision) q = q.where("i.decision", "=", query.decision);
  if (query.agentId) q = q.where("i.agent_id", "=", query.agentId);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("i.received_at", "i.id"), "<", eb.tuple(at as string, id as number)));
  }
  const rows = await q.orderBy("i.received_at", "desc").orderBy("i.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toImport, (r) => [r.received_at, r.id]);
}
