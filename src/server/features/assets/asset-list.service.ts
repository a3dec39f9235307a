/**
 * The fleet list: scoped to the entities where the caller reads assets, filtered, sorted on an
 * indexed column and paged by keyset cursor, so a page costs the same on the 200,000th asset.
 */
import type { AssetSummary, ListAssetsQuery } from "../../../shared/api/assets.js";
import type { Page } from "../../../shared/api/common.js";
import { ASSET_STATUSES } from "../../../shared/domain/assets.js";
import { type SelectQueryBuilder, sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema.js";
import { hasPrefix } from "../../db/dialect.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { assertCan, entityScope, inEntity, inScope } from "../identity/access.js";
import { type AssetSummaryRow, selectAssetSummaries, toAssetSummary } from "./asset.repo.js";
import { locationSubtreeIds } from "./reference-use.js";

type Filters = Omit<ListAssetsQuery, "limit" | "cursor">;

/**
 * Each sort walks its own index. Purchase and warranty dates are optional: sorted on them, the
 * list holds the assets that have one (an asset without warranty has no place in a renewal plan).
 */
export const ASSET_SORT_COLUMNS = {
  updated: { column: "a.updated_at", types: ["string", "number"], nullable: false, cursor: (r: AssetSummaryRow) => [r.updated_at, r.id] },
  name: { column: "a.name", types: ["string", "number"], nullable: false, cursor: (r: AssetSummaryRow) => [r.name, r.id] },
  tag: { column: "a.asset_tag", types: ["string", "number"], nullable: false, cursor: (r: AssetSummaryRow) => [r.asset_tag, r.id] },
  purchase: { column: "a.purchase_date", types: ["string", "number"], nullable: true, cursor: (r: AssetSummaryRow) => [r.purchase_date ?? "", r.id] },
  warranty: { column: "a.warranty_end", types: ["string", "number"], nullable: true, cursor: (r: AssetSummaryRow) => [r.warranty_end ?? "", r.id] },
} as const;

function parseStatuses(text: string): string[] {
  const statuses = text.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = statuses.filter((s) => !(ASSET_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new AppError("VALIDATION_FAILED", `Unknown status: ${unknown.join(", ")}`, [{ path: "query.status", message: `expected ${ASSET_STATUSES.join(", ")}` }]);
  }
  return statuses;
}

function checkDate(text: string | undefined, path: string): void {
  if (text !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new AppError("VALIDATION_FAILED", "Expected YYYY-MM-DD", [{ path, message: "expected YYYY-MM-DD" }]);
}

/**
 * The assets the caller may read, with every filter of the list applied: one query on the asset
 * table alone. `searchIndexes: false` keeps the search off the tag, serial and name indexes.
 */
export async function filteredAssetIds(ctx: Ctx, f: Filters, searchIndexes = true) {
  checkDate(f.warrantyBefore, "query.warrantyBefore");
  checkDate(f.purchasedBefore, "query.purchasedBefore");
  if (f.entityId) await assertCan(ctx.db, ctx.actor, "asset.read", f.entityId);
  let q = ctx.db.selectFrom("asset as a").select("a.id").where(inScope("a.entity_id", entityScope(ctx.actor, "asset.read")));
  if (f.entityId) q = q.where(inEntity("a.entity_id", f.entityId, true));
  const statuses = f.status ? parseStatuses(f.status) : [];
  if (statuses.length > 0) q = q.where("a.status", "in", statuses);
  else if (!f.includeDisposed) q = q.where("a.status", "!=", "disposed");
  if (f.kindId) q = q.where("a.kind_id", "=", f.kindId);
  if (f.family) q = q.where("a.kind_id", "in", ctx.db.selectFrom("asset_kind").select("id").where("family", "=", f.family));
  if (f.locationId) q = q.where("a.location_id", "in", locationSubtreeIds(ctx.db, f.locationId));
  if (f.userId) q = q.where("a.user_id", "=", f.userId);
  if (f.groupId) q = q.where("a.group_id", "=", f.groupId);
  if (f.manufacturerId) q = q.where("a.manufacturer_id", "=", f.manufacturerId);
  if (f.supplierId) q = q.where("a.supplier_id", "=", f.supplierId);
  if (f.warrantyBefore) q = q.where("a.warranty_end", "<=", f.warrantyBefore);
  if (f.purchasedBefore) q = q.where("a.purchase_date", "<=", f.purchasedBefore);
  // Tag, serial and name by prefix, as typed and in capitals (tags and serials are printed so):
  // each a range on its own index. Words inside a name are the global search's job.
  if (f.q) {
    const variants = [...new Set([f.q, f.q.toUpperCase(), f.q.charAt(0).toUpperCase() + f.q.slice(1)])];
    q = q.where((eb) => eb.or(variants.flatMap((text) => ["a.asset_tag", "a.serial", "a.name"].map((column) => hasPrefix(column, text, { indexed: searchIndexes })))));
  }
  const sort = ASSET_SORT_COLUMNS[f.sort];
  if (sort.nullable) q = q.where(sort.column, "is not", null);
  return q;
}

type IdQuery = Awaited<ReturnType<typeof filteredAssetIds>>;
type Key = (string | number)[];

const SIDES = { after: { desc: "<", asc: ">" }, upTo: { desc: ">=", asc: "<=" } } as const;

/** The rows after `key` in sort order, or those before it and itself (`upTo`). */
function beside<Q extends SelectQueryBuilder<DB & { a: DB["asset"] }, "a", object>>(q: Q, f: Filters, key: Key, side: keyof typeof SIDES): Q {
  const column = ASSET_SORT_COLUMNS[f.sort].column;
  return q.where((eb) => eb(eb.refTuple(column, "a.id"), SIDES[side][f.order], eb.tuple(key[0] as never, key[1] as number))) as Q;
}

/**
 * One page of ids in sort order, after the cursor. `sortIndex: false` sorts on an expression
 * no index serves, so the database finds the rows through the filters' indexes, then sorts them.
 */
export function pageOfIds(q: IdQuery, f: Filters, limit: number, cursor: Key | undefined, sortIndex = true) {
  const column = ASSET_SORT_COLUMNS[f.sort].column;
  const page = cursor ? beside(q, f, cursor, "after") : q;
  return page.orderBy(sortIndex ? sql.ref(column) : sql`${sql.ref(column)} || ''`, f.order).orderBy("a.id", f.order).limit(limit);
}

export async function idsOf(page: ReturnType<typeof pageOfIds>): Promise<number[]> {
  return (await page.execute()).map((r) => r.id);
}

/** A search looks first among this many rows next in sort order, then beyond them through its own indexes. */
const SEARCH_WINDOW = 10_000;

/**
 * A page of a prefix search. Its matches may be dense ("PC" matches half the fleet: the next
 * rows in sort order hold a page) or few and far back ("PC-2022-0" matches machines bought in
 * 2022: walking the sort order, as PostgreSQL's planner may choose, read 100,000 rows in 160 ms).
 * Neither database can tell which, so both ways are taken in turn: the next SEARCH_WINDOW rows in
 * sort order are searched first, within a range of the sort index (which carries the searched
 * columns for the default sort); if they do not fill the page, the rest is found through the
 * tag, serial and name indexes and sorted, which is cheap as the matches are then few.
 */
async function searchPageIds(ctx: Ctx, f: Filters, limit: number, cursor: Key | undefined): Promise<number[]> {
  const sort = ASSET_SORT_COLUMNS[f.sort];
  const q = await filteredAssetIds(ctx, f);
  let window = ctx.db.selectFrom("asset as a").select([sql.ref<string | number>(sort.column).as("value"), "a.id"]);
  if (sort.nullable) window = window.where(sort.column, "is not", null);
  if (cursor) window = beside(window, f, cursor, "after");
  const edge = await window.orderBy(sort.column, f.order).orderBy("a.id", f.order).offset(SEARCH_WINDOW - 1).limit(1).executeTakeFirst();
  if (!edge) return idsOf(pageOfIds(q, f, limit, cursor));
  const edgeKey = [edge.value, edge.id];
  const scan = await filteredAssetIds(ctx, f, false);
  const near = await idsOf(pageOfIds(beside(scan, f, edgeKey, "upTo"), f, limit, cursor));
  if (near.length >= limit) return near;
  return [...near, ...await idsOf(pageOfIds(q, f, limit - near.length, edgeKey, false))];
}

/** The rows of these ids, with their names joined, in sort order. */
export async function rowsOf(db: Db, ids: number[], f: Filters) {
  if (ids.length === 0) return [];
  const sort = ASSET_SORT_COLUMNS[f.sort];
  return selectAssetSummaries(db).where("a.id", "in", ids).orderBy(sort.column, f.order).orderBy("a.id", f.order).execute();
}

/**
 * A page of the list. The ids are chosen on the asset table alone, then the names are joined to
 * those rows only: given the page as a subquery, PostgreSQL joined every asset before keeping 50.
 */
export async function listAssets(ctx: Ctx, query: ListAssetsQuery): Promise<Page<AssetSummary>> {
  const sort = ASSET_SORT_COLUMNS[query.sort];
  const cursor = query.cursor ? decodeCursor(query.cursor, [...sort.types]) : undefined;
  const ids = query.q
    ? await searchPageIds(ctx, query, query.limit + 1, cursor)
    : await idsOf(pageOfIds(await filteredAssetIds(ctx, query), query, query.limit + 1, cursor));
  return toPage(await rowsOf(ctx.db, ids, query), query.limit, toAssetSummary, sort.cursor);
}

/** What a requester sees on the portal: the equipment assigned to them (bounded: nobody holds 200 devices). */
export async function listMyAssets(ctx: Ctx) {
  const rows = await ctx.db.selectFrom("asset as a").innerJoin("asset_kind as k", "k.id", "a.kind_id")
    .select(["a.id", "a.asset_tag", "a.name", "k.name as kind_name", "k.family"])
    .where("a.user_id", "=", ctx.actor.userId).where("a.status", "!=", "disposed")
    .orderBy("a.asset_tag").orderBy("a.id").limit(200).execute();
  return { data: rows.map((r) => ({ id: r.id, assetTag: r.asset_tag, name: r.name, kindName: r.kind_name, family: r.family as never })) };
}
