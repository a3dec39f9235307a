import { type SqlBool, sql } from "kysely";
import type { AssetStatus } from "../../../shared/domain/assets.js";
import type { Page } from "../../../shared/api/common.js";
import type {
  CampaignReport, FixLocationsBody, InventoryLine, ReportCounts, ReportQuery,
} from "../../../shared/api/inventory.js";
import type { Db } from "../../db/database.js";
import type { InventoryCampaignRow } from "../../db/schema-assets.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError } from "../../http/errors.js";
import { type Actor, entityScope, inEntity, inScope } from "../identity/access.js";
import { moveAssets } from "./asset-movement.service.js";
import { type ScanLineRow, selectScanLines } from "./campaign.repo.js";
import { loadCampaign } from "./campaign.service.js";
import { locationSubtreeIds } from "./reference-use.js";

/** Retired and disposed assets are not expected on the shelves. */
const GONE: AssetStatus[] = ["retired", "disposed"];

type Campaign = InventoryCampaignRow;

/** The scans as the caller sees them: an asset they may not read shows as an unknown label. */
function scans(db: Db, actor: Actor, campaign: Campaign) {
  const scope = entityScope(actor, "asset.read");
  const inPlace = inPlaceOf(db, campaign);
  return selectScanLines(db, campaign.id, inScope("a.entity_id", scope)).select(inPlace.as("in_place"));
}
/** 1 when the scanned asset is visible and recorded in the location's branch; 0 otherwise (never null). */
function inPlaceOf(db: Db, campaign: Campaign) {
  return sql<number>`case when a.id is not null and a.location_id in (${locationSubtreeIds(db, campaign.location_id)}) then 1 else 0 end`;
}
type ScanRow = ScanLineRow & { in_place: number };

function verdictOf(row: ScanRow): InventoryLine["verdict"] {
  if (row.visible_id === null) return "unknown";
  return Number(row.in_place) === 1 ? "found" : "unexpected";
}

function toLine(row: ScanRow): InventoryLine {
  const known = row.visible_id !== null;
  return {
    tag: row.tag, assetId: known ? row.asset_id : null, name: row.name, status: (row.status as AssetStatus | null) ?? null,
    locationId: row.location_id, locationName: row.location_name, verdict: verdictOf(row), scannedAt: row.scanned_at,
    scannedByName: row.first_name === null ? null : `${row.first_name} ${row.last_name}`,
  };
}

/** One scan, with its verdict of the moment. */
export async function scanLine(db: Db, actor: Actor, campaign: Campaign, tag: string): Promise<InventoryLine> {
  return toLine(await scans(db, actor, campaign).where("s.tag", "=", tag).executeTakeFirstOrThrow());
}

/** The campaign's scans, latest first (the running list on the phone). */
export async function listScans(ctx: Ctx, campaignId: number, query: { limit: number; cursor?: string }): Promise<Page<InventoryLine>> {
  const campaign = await loadCampaign(ctx.db, ctx.actor, campaignId, "asset.read");
  let q = scans(ctx.db, ctx.actor, campaign);
  if (query.cursor) {
    const [at, tag] = decodeCursor(query.cursor, ["string", "string"]) as [string, string];
    q = q.where((eb) => eb.or([eb("s.scanned_at", "<", at), eb.and([eb("s.scanned_at", "=", at), eb("s.tag", "<", tag)])]));
  }
  const rows = await q.orderBy("s.scanned_at", "desc").orderBy("s.tag", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toLine, (r) => [r.scanned_at, r.tag]);
}

/** The assets of the campaign's entity recorded in its location or below, still in service, that nobody scanned. */
function missingAssets(db: Db, actor: Actor, campaign: Campaign) {
  return db.selectFrom("asset as a").leftJoin("location as l", "l.id", "a.location_id")
    .where("a.location_id", "in", locationSubtreeIds(db, campaign.location_id))
    .where("a.status", "not in", GONE)
    .where(inEntity("a.entity_id", campaign.entity_id, true))
    .where(inScope("a.entity_id", entityScope(actor, "asset.read")))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("inventory_scan as s").select("s.tag")
      .where("s.campaign_id", "=", campaign.id).whereRef("s.asset_id", "=", "a.id"))));
}

async function countsOf(db: Db, actor: Actor, campaign: Campaign): Promise<ReportCounts> {
  const sums = await db.selectFrom(scans(db, actor, campaign).as("x"))
    .select([sql<number>`count(*)`.as("total"), sql<number>`coalesce(sum(x.in_place), 0)`.as("found")])
    .executeTakeFirstOrThrow();
  const missing = await missingAssets(db, actor, campaign).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return { found: Number(sums.found), missing: Number(missing.n), unexpected: Number(sums.total) - Number(sums.found) };
}

/** found / unexpected: the scans, by tag; a known asset is found when recorded in the location's branch. */
async function scanSection(db: Db, actor: Actor, campaign: Campaign, query: ReportQuery): Promise<Page<InventoryLine>> {
  const wanted = query.section === "found" ? 1 : 0;
  let q = scans(db, actor, campaign).where(sql<SqlBool>`${inPlaceOf(db, campaign)} = ${wanted}`);
  if (query.cursor) q = q.where("s.tag", ">", decodeCursor(query.cursor, ["string"])[0] as string);
  const rows = await q.orderBy("s.tag").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toLine, (r) => [r.tag]);
}

async function missingSection(db: Db, actor: Actor, campaign: Campaign, query: ReportQuery): Promise<Page<InventoryLine>> {
  let q = missingAssets(db, actor, campaign).select(["a.id", "a.asset_tag", "a.name", "a.status", "a.location_id", "l.complete_name as location_name"]);
  if (query.cursor) {
    const [tag, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) => eb.or([eb("a.asset_tag", ">", tag), eb.and([eb("a.asset_tag", "=", tag), eb("a.id", ">", id)])]));
  }
  const rows = await q.orderBy("a.asset_tag").orderBy("a.id").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, (r) => ({
    tag: r.asset_tag, assetId: r.id, name: r.name, status: r.status as AssetStatus, locationId: r.location_id, locationName: r.location_name,
    verdict: "missing" as const, scannedAt: null, scannedByName: null,
  }), (r) => [r.asset_tag, r.id]);
}

/** One page of one section, and the counts of the three. */
export async function campaignReport(ctx: Ctx, campaignId: number, query: ReportQuery): Promise<CampaignReport> {
  const campaign = await loadCampaign(ctx.db, ctx.actor, campaignId, "asset.read");
  const page = query.section === "missing"
    ? await missingSection(ctx.db, ctx.actor, campaign, query)
    : await scanSection(ctx.db, ctx.actor, campaign, query);
  return { ...page, section: query.section, counts: await countsOf(ctx.db, ctx.actor, campaign) };
}

/**
 * "Ranger ici": the chosen unexpected assets are recorded at the campaign's location, in one
 * operation through the movement service (one "move" event each, with the campaign as reason).
 * Every id must be an unexpected scan of this campaign; else nothing moves.
 */
export async function fixLocations(ctx: Ctx, campaignId: number, body: FixLocationsBody): Promise<{ moved: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx.actor, campaignId, "asset.write");
    if (campaign.status !== "open") throw new AppError("CAMPAIGN_CLOSED", `Campaign ${campaign.id} is closed`);
    const ids = [...new Set(body.assetIds)];
    const rows = await scans(trx, ctx.actor, campaign).where("s.asset_id", "in", ids).execute();
    const movable = new Set(rows.filter((r) => verdictOf(r) === "unexpected").map((r) => r.asset_id));
    const refused = ids.filter((id) => !movable.has(id));
    if (refused.length > 0) {
      throw new AppError("VALIDATION_FAILED", "Only the campaign's unexpected assets can be moved here",
        refused.map((id) => ({ path: "body.assetIds", message: `asset ${id} is not an unexpected scan of this campaign` })));
    }
    return { moved: await moveAssets(trx, ctx.actor, ids, campaign.location_id, `Inventaire physique « ${campaign.name} »`) };
  });
}
