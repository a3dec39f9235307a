/**
 * What people see of the inventory agents: the agents, the silent ones flagged, and the log of
 * every message they sent (received or refused). Both lists are scoped like the fleet's.
 */
import type { Page } from "../../../shared/api/common.js";
import type {
  InventoryAgent, InventoryImport, ListInventoryAgentsQuery, ListInventoryImportsQuery,
} from "../../../shared/api/inventory-agents.js";
import type { Db } from "../../db/database.js";
import { startsWith } from "../../db/dialect.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { entityScope, inScope } from "../identity/access.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which a last contact makes an agent silent. ISO text compares as time. */
function staleBefore(days: number): string {
  return new Date(Date.now() - days * DAY_MS).toISOString();
}

function selectAgents(db: Db) {
  return db.selectFrom("inventory_agent as a").innerJoin("entity as e", "e.id", "a.entity_id")
    .select(["a.id", "a.device_id", "a.name", "a.version", "a.last_ip", "a.last_contact_at", "a.last_inventory_at", "a.entity_id",
      "e.complete_name as entity_name"]);
}
type AgentListRow = Awaited<ReturnType<ReturnType<typeof selectAgents>["execute"]>>[number];

function toAgent(row: AgentListRow, cutoff: string): InventoryAgent {
  return {
    id: row.id, deviceId: row.device_id, name: row.name, version: row.version, lastIp: row.last_ip, lastContactAt: row.last_contact_at,
    lastInventoryAt: row.last_inventory_at, entityId: row.entity_id, entityName: row.entity_name, stale: row.last_contact_at < cutoff,
  };
}

/** The agents of the caller's entities, newest contact first; `stale` keeps the silent (or only the live) ones. */
export async function listInventoryAgents(ctx: Ctx, query: ListInventoryAgentsQuery): Promise<Page<InventoryAgent>> {
  const cutoff = staleBefore(query.days);
  let q = selectAgents(ctx.db).where(inScope("a.entity_id", entityScope(ctx.actor, "asset.read")));
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

function selectImports(db: Db) {
  return db.selectFrom("inventory_import as i")
    .select(["i.id", "i.agent_id", "i.device_id", "i.ip", "i.query", "i.outcome", "i.reason", "i.detail", "i.received_at"]);
}
type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImports>["execute"]>>[number];

function toImport(row: ImportRow): InventoryImport {
  return {
    id: row.id, agentId: row.agent_id, deviceId: row.device_id, ip: row.ip, query: row.query, outcome: row.outcome, reason: row.reason,
    detail: row.detail, receivedAt: row.received_at,
  };
}

/** The import log of the caller's entities, newest first: what each agent sent and whether it was taken. */
export async function listInventoryImports(ctx: Ctx, query: ListInventoryImportsQuery): Promise<Page<InventoryImport>> {
  let q = selectImports(ctx.db).where(inScope("i.entity_id", entityScope(ctx.actor, "asset.read")));
  if (query.outcome) q = q.where("i.outcome", "=", query.outcome);
  if (query.agentId) q = q.where("i.agent_id", "=", query.agentId);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("i.received_at", "i.id"), "<", eb.tuple(at as string, id as number)));
  }
  const rows = await q.orderBy("i.received_at", "desc").orderBy("i.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toImport, (r) => [r.received_at, r.id]);
}
