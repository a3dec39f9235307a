import type { Asset, AssetSummary } from "../../../shared/api/assets.js";
import { type AssetFamily, type AssetStatus, currentValueCents } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";

/**
 * Assets with the names the lists show: entity, kind, manufacturer, model, location, user, group.
 * Names come from scalar subqueries, not joins: PostgreSQL took 7 ms to plan the eight-table join
 * of a 50-row page, and a primary-key lookup per column plans in a fraction of that.
 */
export function selectAssetSummaries(db: Db) {
  return db
    .selectFrom("asset as a")
    .innerJoin("asset_kind as k", "k.id", "a.kind_id")
    .select([
      "a.id", "a.entity_id", "a.kind_id", "a.name", "a.asset_tag", "a.serial", "a.status", "a.location_id", "a.user_id",
      "a.group_id", "a.purchase_date", "a.warranty_end", "a.price_cents", "a.depreciation_years", "a.updated_at",
      "k.code as kind_code", "k.name as kind_name", "k.family",
    ])
    .select((eb) => [
      eb.selectFrom("entity as e").select("e.complete_name").whereRef("e.id", "=", "a.entity_id").as("entity_name"),
      eb.selectFrom("manufacturer as m").select("m.name").whereRef("m.id", "=", "a.manufacturer_id").as("manufacturer_name"),
      eb.selectFrom("asset_model as mo").select("mo.name").whereRef("mo.id", "=", "a.model_id").as("model_name"),
      eb.selectFrom("location as l").select("l.complete_name").whereRef("l.id", "=", "a.location_id").as("location_name"),
      eb.selectFrom("app_user as u").select("u.first_name").whereRef("u.id", "=", "a.user_id").as("user_first_name"),
      eb.selectFrom("app_user as u").select("u.last_name").whereRef("u.id", "=", "a.user_id").as("user_last_name"),
      eb.selectFrom("user_group as g").select("g.name").whereRef("g.id", "=", "a.group_id").as("group_name"),
    ]);
}
export type AssetSummaryRow = Awaited<ReturnType<ReturnType<typeof selectAssetSummaries>["executeTakeFirstOrThrow"]>>;

/** The whole asset, for its page. */
export function selectAssets(db: Db) {
  return selectAssetSummaries(db)
    .select([
      "a.manufacturer_id", "a.model_id", "a.tech_contact_id", "a.notes", "a.fields", "a.supplier_id", "a.order_number",
      "a.invoice_number", "a.warranty_start", "a.warranty_months", "a.disposed_at",
      "a.recycler", "a.disposal_certificate", "a.loan_due_at", "a.version", "a.created_at",
    ])
    .select((eb) => [
      eb.selectFrom("app_user as tc").select("tc.first_name").whereRef("tc.id", "=", "a.tech_contact_id").as("tech_first_name"),
      eb.selectFrom("app_user as tc").select("tc.last_name").whereRef("tc.id", "=", "a.tech_contact_id").as("tech_last_name"),
      eb.selectFrom("supplier as s").select("s.name").whereRef("s.id", "=", "a.supplier_id").as("supplier_name"),
    ]);
}
export type AssetFullRow = Awaited<ReturnType<ReturnType<typeof selectAssets>["executeTakeFirstOrThrow"]>>;

export const fullName = (first: string | null, last: string | null) => (first === null ? null : `${first} ${last ?? ""}`.trim());

/** Linear depreciation as of `today`; null without price, purchase date or duration. */
function valueOf(row: AssetSummaryRow, today: string): number | null {
  return row.price_cents !== null && row.purchase_date !== null && row.depreciation_years !== null
    ? currentValueCents(row.price_cents, row.purchase_date, row.depreciation_years, today) : null;
}

/** One argument only: it is passed to map(), whose second argument is an index. */
export function toAssetSummary(row: AssetSummaryRow): AssetSummary {
  const today = new Date().toISOString().slice(0, 10);
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name ?? "", kindId: row.kind_id, kindCode: row.kind_code,
    kindName: row.kind_name, family: row.family as AssetFamily, name: row.name, assetTag: row.asset_tag, serial: row.serial,
    manufacturerName: row.manufacturer_name, modelName: row.model_name, status: row.status as AssetStatus,
    locationId: row.location_id, locationName: row.location_name, userId: row.user_id,
    userName: fullName(row.user_first_name, row.user_last_name), groupId: row.group_id, groupName: row.group_name,
    purchaseDate: row.purchase_date, warrantyEnd: row.warranty_end, currentValueCents: valueOf(row, today), updatedAt: row.updated_at,
  };
}

export function toAsset(row: AssetFullRow): Asset {
  return {
    ...toAssetSummary(row),
    manufacturerId: row.manufacturer_id, modelId: row.model_id, techContactId: row.tech_contact_id,
    techContactName: fullName(row.tech_first_name, row.tech_last_name), notes: row.notes,
    fields: row.fields === null ? {} : (JSON.parse(row.fields) as Asset["fields"]), supplierId: row.supplier_id,
    supplierName: row.supplier_name, orderNumber: row.order_number, invoiceNumber: row.invoice_number,
    priceCents: row.price_cents, warrantyStart: row.warranty_start, warrantyMonths: row.warranty_months,
    depreciationYears: row.depreciation_years, disposedAt: row.disposed_at, recycler: row.recycler,
    disposalCertificate: row.disposal_certificate, loanDueAt: row.loan_due_at, version: row.version, createdAt: row.created_at,
  };
}

export function findAssetRow(db: Db, id: number) {
  return db.selectFrom("asset").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function presentAsset(db: Db, id: number): Promise<Asset> {
  return toAsset(await selectAssets(db).where("a.id", "=", id).executeTakeFirstOrThrow());
}
