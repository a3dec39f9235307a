/**
 * What needs a manager's attention in the fleet, soonest first: warranties ending, contracts
 * ending, and contracts whose last day to give notice comes ("résilier avant le …"). Three
 * sources, each read on its own date index and merged here.
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Page } from "../../../shared/api/common.js";
import type { FleetAlert, FleetAlertKind, FleetAlertsQuery } from "../../../shared/api/contracts.js";
import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { type EntityScope, entityScope, inEntity, inScope } from "../identity/access.js";
import { addDays, todayIn } from "./contract-dates.js";

/** Same day: the notice first (it must be acted on), then the contract's end, then warranties. */
const KIND_RANK: Record<FleetAlertKind, number> = { contract_notice: 0, contract_ending: 1, warranty_ending: 2 };
/** A warranty of an asset out of service warns nobody. */
const SILENT_STATUSES = ["retired", "disposed"];

export type AlertWindow = { from: string; until: string };
type After = { date: string; rank: number; id: number };
type Keyed = FleetAlert & { rank: number; id: number };
type Filter = { scope: EntityScope; entityId?: number };

/** Rows strictly after the cursor (date, rank, id), for a source whose rank is fixed. */
function afterCursor(rank: number, after: After, dateColumn: string, idColumn: string): RawBuilder<SqlBool> {
  const date = sql.ref(dateColumn);
  if (rank > after.rank) return sql<SqlBool>`${date} >= ${after.date}`;
  if (rank < after.rank) return sql<SqlBool>`${date} > ${after.date}`;
  return sql<SqlBool>`(${date} > ${after.date} or (${date} = ${after.date} and ${sql.ref(idColumn)} > ${after.id}))`;
}

function warrantyAlerts(db: Db, window: AlertWindow, filter: Filter, limit: number, after?: After): Promise<Keyed[]> {
  let q = db.selectFrom("asset as a").innerJoin("entity as e", "e.id", "a.entity_id")
    .select(["a.id", "a.name", "a.asset_tag", "a.warranty_end", "a.entity_id", "e.complete_name as entity_name"])
    .where("a.warranty_end", ">=", window.from).where("a.warranty_end", "<=", window.until)
    .where("a.status", "not in", SILENT_STATUSES).where(inScope("a.entity_id", filter.scope));
  if (filter.entityId) q = q.where(inEntity("a.entity_id", filter.entityId, true));
  if (after) q = q.where(afterCursor(KIND_RANK.warranty_ending, after, "a.warranty_end", "a.id"));
  return q.orderBy("a.warranty_end").orderBy("a.id").limit(limit).execute().then((rows) => rows.map((r) => ({
    kind: "warranty_ending" as const, date: r.warranty_end as string, target: { type: "asset" as const, id: r.id }, name: r.name,
    reference: r.asset_tag, entityId: r.entity_id, entityName: r.entity_name, tacitRenewal: null, rank: KIND_RANK.warranty_ending, id: r.id,
  })));
}

function contractAlerts(db: Db, kind: "contract_ending" | "contract_notice", window: AlertWindow, filter: Filter, limit: number, after?: After): Promise<Keyed[]> {
  const column = kind === "contract_ending" ? "c.end_date" : "c.notice_date";
  let q = db.selectFrom("contract as c").innerJoin("entity as e", "e.id", "c.entity_id")
    .select(["c.id", "c.name", "c.number", "c.end_date", "c.notice_date", "c.tacit_renewal", "c.entity_id", "e.complete_name as entity_name"])
    .where(column, ">=", window.from).where(column, "<=", window.until).where(inScope("c.entity_id", filter.scope));
  // Without a notice period the notice date is the end itself: the end alone says it.
  if (kind === "contract_notice") q = q.where("c.notice_months", ">", 0);
  if (filter.entityId) q = q.where(inEntity("c.entity_id", filter.entityId, true));
  if (after) q = q.where(afterCursor(KIND_RANK[kind], after, column, "c.id"));
  return q.orderBy(column).orderBy("c.id").limit(limit).execute().then((rows) => rows.map((r) => ({
    kind, date: kind === "contract_ending" ? r.end_date : r.notice_date, target: { type: "contract" as const, id: r.id }, name: r.name,
    reference: r.number, entityId: r.entity_id, entityName: r.entity_name, tacitRenewal: r.tacit_renewal === 1, rank: KIND_RANK[kind], id: r.id,
  })));
}

function byKey(a: Keyed, b: Keyed): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.rank - b.rank || a.id - b.id;
}

function present({ rank: _rank, id: _id, ...alert }: Keyed): FleetAlert {
  return alert;
}

/** The alerts of the actor's entities from today to `days` ahead, soonest first, one page at a time. */
export async function listFleetAlerts(ctx: Ctx, query: FleetAlertsQuery, today = todayIn(ctx.config.timeZone)): Promise<Page<FleetAlert>> {
  const filter = { scope: entityScope(ctx.actor, "asset.read"), entityId: query.entityId };
  const window = { from: today, until: addDays(today, query.days) };
  const after = query.cursor ? decodeAfter(query.cursor) : undefined;
  const limit = query.limit + 1;
  const kinds = query.kind ? [query.kind] : (["contract_notice", "contract_ending", "warranty_ending"] as const);
  const lists = await Promise.all(kinds.map((kind) => kind === "warranty_ending"
    ? warrantyAlerts(ctx.db, window, filter, limit, after) : contractAlerts(ctx.db, kind, window, filter, limit, after)));
  const rows = lists.flat().sort(byKey).slice(0, limit);
  return toPage(rows, query.limit, present, (r) => [r.date, r.rank, r.id]);
}

function decodeAfter(cursor: string): After {
  const [date, rank, id] = decodeCursor(cursor, ["string", "number", "number"]);
  return { date: date as string, rank: rank as number, id: id as number };
}
