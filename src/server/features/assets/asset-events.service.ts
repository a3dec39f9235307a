/** The timeline of one asset, and the fleet-wide movements ("everything that moved in Lyon last month"). */
import type { AssetEvent, ListMovementsQuery } from "../../../shared/api/assets.js";
import type { Page } from "../../../shared/api/common.js";
import type { AssetEventType, AssetStatus } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError } from "../../http/errors.js";
import { entityScope, inScope } from "../identity/access.js";
import { loadReadableAsset } from "./asset-access.js";
import { fullName } from "./asset.repo.js";
import { locationSubtreeIds } from "./reference-use.js";

/** Names by scalar subqueries, not a seven-table join that PostgreSQL took longer to plan than to run. */
function selectEvents(db: Db) {
  return db.selectFrom("asset_event as ev")
    .select(["ev.id", "ev.asset_id", "ev.event_type", "ev.from_status", "ev.to_status", "ev.reason", "ev.created_at"])
    .select((eb) => {
      const asset = (column: "asset_tag" | "name") => eb.selectFrom("asset as a").select(`a.${column}`).whereRef("a.id", "=", "ev.asset_id");
      const user = (column: "first_name" | "last_name", ref: "ev.from_user_id" | "ev.to_user_id" | "ev.actor_id") =>
        eb.selectFrom("app_user as u").select(`u.${column}`).whereRef("u.id", "=", ref);
      const place = (ref: "ev.from_location_id" | "ev.to_location_id") =>
        eb.selectFrom("location as l").select("l.complete_name").whereRef("l.id", "=", ref);
      return [
        asset("asset_tag").as("asset_tag"), asset("name").as("asset_name"),
        user("first_name", "ev.from_user_id").as("fu_first"), user("last_name", "ev.from_user_id").as("fu_last"),
        user("first_name", "ev.to_user_id").as("tu_first"), user("last_name", "ev.to_user_id").as("tu_last"),
        place("ev.from_location_id").as("from_location"), place("ev.to_location_id").as("to_location"),
        user("first_name", "ev.actor_id").as("ac_first"), user("last_name", "ev.actor_id").as("ac_last"),
      ];
    });
}
type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>["executeTakeFirstOrThrow"]>>;

function toEvent(r: EventRow): AssetEvent {
  return {
    id: r.id, assetId: r.asset_id, assetTag: r.asset_tag ?? "", assetName: r.asset_name ?? "", type: r.event_type as AssetEventType,
    fromStatus: r.from_status as AssetStatus | null, toStatus: r.to_status as AssetStatus | null,
    fromUserName: fullName(r.fu_first, r.fu_last), toUserName: fullName(r.tu_first, r.tu_last),
    fromLocationName: r.from_location, toLocationName: r.to_location, reason: r.reason,
    actorName: fullName(r.ac_first, r.ac_last), createdAt: r.created_at,
  };
}

/** Newest first, on the (asset_id, id) index. */
export async function listAssetEvents(ctx: Ctx, assetId: number, page: { limit: number; cursor?: string }): Promise<Page<AssetEvent>> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  let q = selectEvents(ctx.db).where("ev.asset_id", "=", assetId);
  if (page.cursor) q = q.where("ev.id", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("ev.id", "desc").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toEvent, (r) => [r.id]);
}

function checkTime(text: string | undefined, path: string) {
  if (text !== undefined && Number.isNaN(Date.parse(text))) return [{ path, message: "expected a date or an ISO-8601 time" }];
  return [];
}

/**
 * Movements in the caller's entities, newest first. A location matches what came into or
 * left its subtree; `from` and `to` bound the date (a bare date `to` includes that whole day).
 */
export async function listMovements(ctx: Ctx, query: ListMovementsQuery): Promise<Page<AssetEvent>> {
  const issues = [...checkTime(query.from, "query.from"), ...checkTime(query.to, "query.to")];
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "Invalid date", issues);
  let q = selectEvents(ctx.db).where(inScope("ev.entity_id", entityScope(ctx.actor, "asset.read")));
  if (query.locationId) {
    const subtree = locationSubtreeIds(ctx.db, query.locationId);
    q = q.where((eb) => eb.or([eb("ev.to_location_id", "in", subtree), eb("ev.from_location_id", "in", subtree)]));
  }
  if (query.from) q = q.where("ev.created_at", ">=", query.from);
  if (query.to) q = q.where("ev.created_at", query.to.length === 10 ? "<=" : "<", query.to.length === 10 ? `${query.to}T99` : query.to);
  if (query.type) q = q.where("ev.event_type", "=", query.type);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("ev.created_at", "ev.id"), "<", eb.tuple(at as string, id as number)));
  }
  const rows = await q.orderBy("ev.created_at", "desc").orderBy("ev.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toEvent, (r) => [r.created_at, r.id]);
}
