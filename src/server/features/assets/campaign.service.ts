import type { Page } from "../../../shared/api/common.js";
import type {
  Campaign, CampaignStatus, CreateCampaignBody, ListCampaignsQuery, ScanResult,
} from "../../../shared/api/inventory.js";
import type { Db } from "../../db/database.js";
import type { InventoryCampaignRow } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { type Actor, assertCan, entityScope, inScope, roleOn } from "../identity/access.js";
import { scanLine } from "./campaign-report.service.js";
import { type CampaignListRow, findCampaignRow, selectCampaigns } from "./campaign.repo.js";
import { findAssetIdByTag } from "./label.service.js";
import { checkLocationUsable } from "./reference-use.js";

export function toCampaign(row: CampaignListRow): Campaign {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, locationId: row.location_id, locationName: row.location_name,
    name: row.name, status: row.status as CampaignStatus, createdById: row.created_by,
    createdByName: row.first_name === null ? null : `${row.first_name} ${row.last_name}`,
    createdAt: row.created_at, closedAt: row.closed_at, scanCount: Number(row.scan_count ?? 0),
  };
}

/**
 * The campaign if the actor may do `permission` in its entity. One the actor may not read is
 * answered like a missing one, so its existence does not leak.
 */
export async function loadCampaign(db: Db, actor: Actor, id: number, permission: "asset.read" | "asset.write"): Promise<InventoryCampaignRow> {
  const row = await findCampaignRow(db, id);
  if (!row || (await roleOn(db, actor, row.entity_id)) === undefined) throw notFound("CAMPAIGN_NOT_FOUND", `Campaign ${id}`);
  await assertCan(db, actor, "asset.read", row.entity_id);
  if (permission !== "asset.read") await assertCan(db, actor, permission, row.entity_id);
  return row;
}

function assertOpen(row: InventoryCampaignRow): void {
  if (row.status !== "open") throw new AppError("CAMPAIGN_CLOSED", `Campaign ${row.id} is closed`);
}

async function presentCampaign(db: Db, id: number): Promise<Campaign> {
  return toCampaign(await selectCampaigns(db).where("c.id", "=", id).executeTakeFirstOrThrow());
}

export async function getCampaign(ctx: Ctx, id: number): Promise<Campaign> {
  await loadCampaign(ctx.db, ctx.actor, id, "asset.read");
  return presentCampaign(ctx.db, id);
}

/** Newest first, in the caller's entities. */
export async function listCampaigns(ctx: Ctx, query: ListCampaignsQuery): Promise<Page<Campaign>> {
  let q = selectCampaigns(ctx.db).where(inScope("c.entity_id", entityScope(ctx.actor, "asset.read")));
  if (query.status) q = q.where("c.status", "=", query.status);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) => eb.or([eb("c.created_at", "<", at), eb.and([eb("c.created_at", "=", at), eb("c.id", "<", id)])]));
  }
  const rows = await q.orderBy("c.created_at", "desc").orderBy("c.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toCampaign, (r) => [r.created_at, r.id]);
}

/** A campaign counts the assets of its entity (default: the location's) in the location and below. */
export async function createCampaign(ctx: Ctx, body: CreateCampaignBody): Promise<Campaign> {
  return ctx.db.transaction().execute(async (trx) => {
    const location = await trx.selectFrom("location").select("entity_id").where("id", "=", body.locationId).executeTakeFirst();
    const entityId = body.entityId ?? location?.entity_id;
    if (entityId === undefined) {
      throw new AppError("LOCATION_NOT_USABLE", `Location ${body.locationId} not found`, [{ path: "body.locationId", message: "location not usable here" }]);
    }
    await assertCan(trx, ctx.actor, "asset.write", entityId);
    await checkLocationUsable(trx, body.locationId, entityId);
    const row = await trx.insertInto("inventory_campaign").values({
      entity_id: entityId, location_id: body.locationId, name: body.name.trim(), status: "open",
      created_by: ctx.actor.userId, created_at: now(), closed_at: null,
    }).returning("id").executeTakeFirstOrThrow();
    return presentCampaign(trx, row.id);
  });
}

/** Closing freezes the campaign: no more scans nor moves from it; its report stays readable. */
export async function closeCampaign(ctx: Ctx, id: number): Promise<Campaign> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadCampaign(trx, ctx.actor, id, "asset.write");
    assertOpen(row);
    await trx.updateTable("inventory_campaign").set({ status: "closed", closed_at: now() }).where("id", "=", id).execute();
    return presentCampaign(trx, id);
  });
}

/** The id in a label's QR code: any URL (or path) ending in /assets/<id>. */
const ASSET_URL = /\/assets\/(\d{1,12})\/?(?:[?#].*)?$/;

/** What a scan or a typed tag designates: a readable asset (with its tag), or nothing. */
async function resolveCode(db: Db, actor: Actor, code: string): Promise<{ assetId: number; tag: string } | undefined> {
  const fromUrl = ASSET_URL.exec(code)?.[1];
  const id = fromUrl !== undefined ? Number(fromUrl) : await findAssetIdByTag(db, actor, code);
  if (id === undefined) return undefined;
  const row = await db.selectFrom("asset as a").select(["a.id", "a.asset_tag"])
    .where("a.id", "=", id).where(inScope("a.entity_id", entityScope(actor, "asset.read"))).executeTakeFirst();
  return row ? { assetId: row.id, tag: row.asset_tag } : undefined;
}

/**
 * Records one scan. The asset's own tag is the key, so scanning its QR code and typing its tag
 * count once, and a second scan changes nothing. A label no readable asset matches is kept as
 * read, as "unknown": someone will have to look at it.
 */
export async function recordScan(ctx: Ctx, campaignId: number, code: string): Promise<ScanResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx.actor, campaignId, "asset.write");
    assertOpen(campaign);
    const asset = await resolveCode(trx, ctx.actor, code);
    const tag = asset?.tag ?? code;
    const inserted = await trx.insertInto("inventory_scan").values({
      campaign_id: campaignId, tag, asset_id: asset?.assetId ?? null, scanned_by: ctx.actor.userId, scanned_at: now(),
    }).onConflict((oc) => oc.columns(["campaign_id", "tag"]).doNothing()).executeTakeFirst();
    const line = await scanLine(trx, ctx.actor, campaign, tag);
    return { line, duplicate: Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0 };
  });
}
