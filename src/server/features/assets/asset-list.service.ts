/**
 * The fleet list: scoped to the entities where the caller reads assets, filtered, sorted on an
 * indexed column and paged by keyset cursor, so a page costs the same on the 200,000th asset.
 */
import type { AssetSummary, ListAssetsQuery } from "../../../shared/api/assets.js";
import type { Page } from "../../../shared/api/common.js";
import { ASSET_STATUSES } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
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

/** The assets the caller may read, with every filter of the list applied: one query on the asset table alone. */
export async function filteredAssetIds(ctx: Ctx, f: Filters) {
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
    q = q.where((eb) => eb.or(variants.flatMap((text) => [hasPrefix("a.asset_tag", text), hasPrefix("a.serial", text), hasPrefix("a.name", text)])));
  }
  const sort = ASSET_SORT_COLUMNS[f.sort];
  if (sort.nullable) q = q.where(sort.column, "is not", null);
  return q;
}

type IdQuery = Awaited<ReturnType<typeof filteredAssetIds>>;

/** One page of ids in sort order, after the cursor. */
export function pageOfIds(q: IdQuery, f: Filters, limit: number, cursor: (string | number)[] | undefined) {
  const sort = ASSET_SORT_COLUMNS[f.sort];
  let page = q;
  if (cursor) {
    const [value, id] = cursor;
    page = page.where((eb) => eb(eb.refTuple(sort.column, "a.id"), f.order === "desc" ? "<" : ">", eb.tuple(value as never, id as number)));
  }
  return page.orderBy(sort.column, f.order).orderBy("a.id", f.order).limit(limit);
}

/**
 * The rows of a page of ids, with their names joined, in the same order. The ids are read first:
 * given the page as a subquery, PostgreSQL joined every asset to the names before keeping 50.
 */
export async function rowsOf(db: Db, ids: ReturnType<typeof pageOfIds>, f: Filters) {
  const page = (await ids.execute()).map((r) => r.id);
  if (page.length === 0) return [];
  const sort = ASSET_SORT_COLUMNS[f.sort];
  return selectAssetSummaries(db).where("a.id", "in", page).orderBy(sort.column, f.order).orderBy("a.id", f.order).execute();
}

export async function listAssets(ctx: Ctx, query: ListAssetsQuery): Promise<Page<AssetSummary>> {
  const sort = ASSET_SORT_COLUMNS[query.sort];
  const cursor = query.cursor ? decodeCursor(query.cursor, [...sort.types]) : undefined;
  // The page is chosen on the asset table alone, then the names are joined to its rows only.
  const ids = pageOfIds(await filteredAssetIds(ctx, query), query, query.limit + 1, cursor);
  const rows = await rowsOf(ctx.db, ids, query);
  return toPage(rows, query.limit, toAssetSummary, sort.cursor);
}

/** What a requester sees on the portal: the equipment assigned to them (bounded: nobody holds 200 devices). */
export async function listMyAssets(ctx: Ctx) {
  const rows = await ctx.db.selectFrom("asset as a").innerJoin("asset_kind as k", "k.id", "a.kind_id")
    .select(["a.id", "a.asset_tag", "a.name", "k.name as kind_name", "k.family"])
    .where("a.user_id", "=", ctx.actor.userId).where("a.status", "!=", "disposed")
    .orderBy("a.asset_tag").orderBy("a.id").limit(200).execute();
  return { data: rows.map((r) => ({ id: r.id, assetTag: r.asset_tag, name: r.name, kindName: r.kind_name, family: r.family as never })) };
}
