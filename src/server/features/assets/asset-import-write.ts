/**
 * The writes of an import, many rows per statement: new assets with their "create" event and
 * history line (what POST /api/assets records for one), and updates of matched assets with a
 * history line per changed field (what PATCH records). The caller holds the transaction.
 */
import type { Insertable } from "kysely";
import type { Db } from "../../db/database.js";
import type { AssetRow, AssetTable } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import type { Candidate } from "./asset-import-rows.js";
import { generateTag } from "./asset-tag.js";
import { warrantyEnd } from "./asset.service.js";

/** Inserts the new assets and returns their ids, in the order given. */
export async function insertAssets(trx: Db, ctx: Ctx, entityId: number, rows: Candidate[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const at = now();
  const values: Insertable<AssetTable>[] = [];
  for (const c of rows) {
    const tag = c.assetTag ?? (c.kind.tagPattern ? await generateTag(trx, c.kind.tagPattern, entityId) : null);
    if (!tag) throw new AppError("VALIDATION_FAILED", `line ${c.line}: asset tag required (the kind has no tag pattern)`);
    values.push({
      entity_id: entityId, kind_id: c.kind.id, name: c.name, asset_tag: tag, serial: c.serial, manufacturer_id: c.manufacturerId,
      model_id: c.modelId, status: c.status, location_id: c.locationId, user_id: c.userId, group_id: null, tech_contact_id: null,
      notes: c.notes, fields: c.fields, supplier_id: c.supplierId, order_number: c.orderNumber, invoice_number: c.invoiceNumber,
      purchase_date: c.purchaseDate, price_cents: c.priceCents, warranty_start: null, warranty_months: c.warrantyMonths,
      warranty_end: warrantyEnd(null, c.purchaseDate, c.warrantyMonths), depreciation_years: null, disposed_at: null, recycler: null,
      disposal_certificate: null, loan_due_at: null, version: 1, created_by: ctx.actor.userId, created_at: at, updated_at: at,
    });
  }
  // Tags are unique in the entity: they tell which returned id is which row, whatever order the database returns them in.
  const inserted = await trx.insertInto("asset").values(values).returning(["id", "asset_tag"]).execute();
  const idByTag = new Map(inserted.map((r) => [r.asset_tag, r.id]));
  const ids = values.map((v) => idByTag.get(v.asset_tag) as number);
  await trx.insertInto("asset_event").values(values.map((v, i) => ({
    asset_id: ids[i] as number, entity_id: entityId, event_type: "create", from_status: null, to_status: v.status,
    from_user_id: null, to_user_id: v.user_id ?? null, from_location_id: null, to_location_id: v.location_id ?? null,
    reason: null, actor_id: ctx.actor.userId, created_at: at,
  }))).execute();
  await trx.insertInto("history").values(values.map((v, i) => ({
    record_type: "asset", record_id: ids[i] as number, entity_id: entityId, action: "create", field: null, old_value: null,
    new_value: `${v.asset_tag} ${v.name}`, actor_id: ctx.actor.userId, actor_name: ctx.actor.name, at,
  }))).execute();
  return ids;
}

/** The columns an import may change on an existing asset, by the history's field names. */
const UPDATABLE = {
  name: "name", assetTag: "asset_tag", serial: "serial", manufacturerId: "manufacturer_id", modelId: "model_id", notes: "notes",
  supplierId: "supplier_id", orderNumber: "order_number", invoiceNumber: "invoice_number", purchaseDate: "purchase_date",
  priceCents: "price_cents", warrantyMonths: "warranty_months", warrantyEnd: "warranty_end", fields: "fields",
} as const satisfies Record<string, keyof AssetTable>;
type Updatable = keyof typeof UPDATABLE;

/**
 * Applies the row's non-empty values to a matched asset: an empty cell keeps what the asset
 * has. Status, place and user are left alone: they change through the operations, which
 * record the movement. Returns whether anything changed.
 */
export async function updateAsset(trx: Db, ctx: Ctx, row: AssetRow, c: Candidate): Promise<boolean> {
  const before = Object.fromEntries(Object.entries(UPDATABLE).map(([k, col]) => [k, row[col]])) as Record<Updatable, unknown>;
  const given: Partial<Record<Updatable, unknown>> = {
    name: c.name, assetTag: c.assetTag ?? undefined, serial: c.serial ?? undefined, manufacturerId: c.manufacturerId ?? undefined,
    modelId: c.modelId ?? undefined, notes: c.notes ?? undefined, supplierId: c.supplierId ?? undefined,
    orderNumber: c.orderNumber ?? undefined, invoiceNumber: c.invoiceNumber ?? undefined, purchaseDate: c.purchaseDate ?? undefined,
    priceCents: c.priceCents ?? undefined, warrantyMonths: c.warrantyMonths ?? undefined,
  };
  if (c.fields !== null) given.fields = JSON.stringify({ ...(row.fields === null ? {} : JSON.parse(row.fields)), ...JSON.parse(c.fields) });
  const purchase = (given.purchaseDate ?? row.purchase_date) as string | null;
  const months = (given.warrantyMonths ?? row.warranty_months) as number | null;
  given.warrantyEnd = warrantyEnd(row.warranty_start, purchase, months);
  const changes = diffFields(before, given);
  if (changes.length === 0) return false;
  const set = Object.fromEntries(changes.map((ch) => [UPDATABLE[ch.field as Updatable], ch.newValue]));
  await trx.updateTable("asset").set({ ...set, version: row.version + 1, updated_at: now() }).where("id", "=", row.id).execute();
  await recordHistory(trx, ctx.actor, { recordType: "asset", recordId: row.id, entityId: row.entity_id, action: "update", changes });
  return true;
}
