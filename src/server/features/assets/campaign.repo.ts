import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";

/** A campaign with the names its screens show and how many labels it has scanned. */
export function selectCampaigns(db: Db) {
  return db.selectFrom("inventory_campaign as c")
    .innerJoin("entity as e", "e.id", "c.entity_id")
    .innerJoin("location as l", "l.id", "c.location_id")
    .leftJoin("app_user as u", "u.id", "c.created_by")
    .select(["c.id", "c.entity_id", "c.location_id", "c.name", "c.status", "c.created_by", "c.created_at", "c.closed_at",
      "e.name as entity_name", "l.complete_name as location_name", "u.first_name", "u.last_name"])
    .select((eb) => eb.selectFrom("inventory_scan as s").select(sql<number>`count(*)`.as("n")).whereRef("s.campaign_id", "=", "c.id").as("scan_count"));
}
export type CampaignListRow = Awaited<ReturnType<ReturnType<typeof selectCampaigns>["executeTakeFirstOrThrow"]>>;

export function findCampaignRow(db: Db, id: number) {
  return db.selectFrom("inventory_campaign").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The scans with their asset (when `assetVisible` lets the caller see it) and the asset's recorded location. */
export function selectScanLines(db: Db, campaignId: number, assetVisible: RawBuilder<SqlBool>) {
  return db.selectFrom("inventory_scan as s")
    .leftJoin("asset as a", (join) => join.onRef("a.id", "=", "s.asset_id").on(assetVisible))
    .leftJoin("location as l", "l.id", "a.location_id")
    .leftJoin("app_user as u", "u.id", "s.scanned_by")
    .select(["s.tag", "s.asset_id", "s.scanned_at", "a.id as visible_id", "a.name", "a.status", "a.location_id", "l.complete_name as location_name",
      "u.first_name", "u.last_name"])
    .where("s.campaign_id", "=", campaignId);
}
export type ScanLineRow = Awaited<ReturnType<ReturnType<typeof selectScanLines>["executeTakeFirstOrThrow"]>>;
