import type { Updateable } from "kysely";
import {
  type Asset, type CreateAssetBody, CreateAssetBodySchema, type UpdateAssetBody, UpdateAssetBodySchema,
} from "../../../shared/api/assets.js";
import { addMonths } from "../../../shared/domain/assets.js";
import type { Db } from "../../db/database.js";
import type { AssetRow, AssetTable } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { type Change, diffFields, recordHistory } from "../history/history.service.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { assertCan } from "../identity/access.js";
import { checkTagAndSerial, checkVersion, loadReadableAsset, loadWritableAsset } from "./asset-access.js";
import { insertAssetEvent } from "./asset-event.repo.js";
import { locksAfterEdit } from "./asset-locks.js";
import { checkFieldValues } from "./asset-fields.js";
import { checkAssetRefs, uniqueViolation } from "./asset-refs.js";
import { generateTag } from "./asset-tag.js";
import { presentAsset } from "./asset.repo.js";
import { loadKind } from "./reference-use.js";

/** Warranty runs from its own start date, or else from the purchase. */
export function warrantyEnd(start: string | null, purchase: string | null, months: number | null): string | null {
  const from = start ?? purchase;
  return from !== null && months !== null ? addMonths(from, months) : null;
}

/** A unique index that caught a race becomes the same 409 as the check before it. */
async function mapUniqueErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

async function ownEntityId(ctx: Ctx): Promise<number> {
  return (await ctx.db.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow()).entity_id;
}

export async function getAsset(ctx: Ctx, id: number): Promise<Asset> {
  await loadReadableAsset(ctx.db, ctx.actor, id);
  return presentAsset(ctx.db, id);
}

/** Creates an asset in its first state (status, place, user), recorded as the "create" event. */
export async function createAsset(ctx: Ctx, input: CreateAssetBody): Promise<Asset> {
  const body = CreateAssetBodySchema.parse(input);
  const entityId = body.entityId ?? (await ownEntityId(ctx));
  const id = await mapUniqueErrors(() => ctx.db.transaction().execute(async (trx) => {
    if (!(await findEntityRow(trx, entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${entityId}`);
    await assertCan(trx, ctx.actor, "asset.write", entityId);
    const kind = await loadKind(trx, body.kindId);
    if (!kind.isActive) throw new AppError("VALIDATION_FAILED", "This kind is no longer in use", [{ path: "body.kindId", message: "inactive kind" }]);
    const manufacturerId = (await checkAssetRefs(trx, ctx.actor, entityId, kind.id, body)) ?? null;
    const fields = checkFieldValues(kind, body.fields ?? {});
    const serial = body.serial ?? null;
    await checkTagAndSerial(trx, entityId, body.assetTag ?? null, { serial, manufacturerId });
    const tag = body.assetTag ?? (kind.tagPattern ? await generateTag(trx, kind.tagPattern, entityId) : undefined);
    if (!tag) throw new AppError("VALIDATION_FAILED", "This kind has no tag pattern: type the tag", [{ path: "body.assetTag", message: "required for this kind" }]);
    // A user given at creation means the asset is already handed out.
    const status = body.userId && body.status === "in_stock" ? "in_use" : body.status;
    const at = now();
    const row = await trx.insertInto("asset").values({
      entity_id: entityId, kind_id: kind.id, name: body.name, asset_tag: tag, serial, manufacturer_id: manufacturerId,
      model_id: body.modelId ?? null, status, location_id: body.locationId ?? null, user_id: body.userId ?? null,
      group_id: body.groupId ?? null, tech_contact_id: body.techContactId ?? null, notes: body.notes ?? null, fields,
      supplier_id: body.supplierId ?? null, order_number: body.orderNumber ?? null, invoice_number: body.invoiceNumber ?? null,
      purchase_date: body.purchaseDate ?? null, price_cents: body.priceCents ?? null, warranty_start: body.warrantyStart ?? null,
      warranty_months: body.warrantyMonths ?? null,
      warranty_end: warrantyEnd(body.warrantyStart ?? null, body.purchaseDate ?? null, body.warrantyMonths ?? null),
      depreciation_years: body.depreciationYears ?? null, disposed_at: null, recycler: null, disposal_certificate: null,
      loan_due_at: null, inventory_locks: null, version: 1, created_by: ctx.actor.userId, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await insertAssetEvent(trx, ctx.actor, { id: row.id, entity_id: entityId }, "create", null,
      { status, user_id: body.userId ?? null, location_id: body.locationId ?? null }, null, at);
    await recordHistory(trx, ctx.actor, { recordType: "asset", recordId: row.id, entityId, action: "create", label: `${tag} ${body.name}` });
    return row.id;
  }));
  return presentAsset(ctx.db, id);
}

/** The descriptive fields under their API names, as history shows them. */
function historyFields(row: AssetRow) {
  return {
    name: row.name, assetTag: row.asset_tag, serial: row.serial, manufacturerId: row.manufacturer_id, modelId: row.model_id,
    groupId: row.group_id, techContactId: row.tech_contact_id, notes: row.notes, fields: row.fields, supplierId: row.supplier_id,
    orderNumber: row.order_number, invoiceNumber: row.invoice_number, purchaseDate: row.purchase_date, priceCents: row.price_cents,
    warrantyStart: row.warranty_start, warrantyMonths: row.warranty_months, warrantyEnd: row.warranty_end,
    depreciationYears: row.depreciation_years,
  };
}
type Described = ReturnType<typeof historyFields>;

const COLUMNS: Record<keyof Described, keyof AssetTable> = {
  name: "name", assetTag: "asset_tag", serial: "serial", manufacturerId: "manufacturer_id", modelId: "model_id", groupId: "group_id",
  techContactId: "tech_contact_id", notes: "notes", fields: "fields", supplierId: "supplier_id", orderNumber: "order_number",
  invoiceNumber: "invoice_number", purchaseDate: "purchase_date", priceCents: "price_cents", warrantyStart: "warranty_start",
  warrantyMonths: "warranty_months", warrantyEnd: "warranty_end", depreciationYears: "depreciation_years",
};

/** The state after the update: what was given replaces, what was left out stays; custom fields merge by key. */
async function nextState(trx: Db, row: AssetRow, body: ReturnType<typeof UpdateAssetBodySchema.parse>): Promise<Described> {
  const before = historyFields(row);
  const { version: _version, fields: _fields, ...given } = body;
  const after = { ...before, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as Described;
  if (body.fields !== undefined) {
    const kind = await loadKind(trx, row.kind_id);
    const merged = { ...(row.fields === null ? {} : JSON.parse(row.fields)), ...body.fields };
    after.fields = checkFieldValues(kind, merged);
  }
  after.warrantyEnd = warrantyEnd(after.warrantyStart, after.purchaseDate, after.warrantyMonths);
  return after;
}

/** Changes the descriptive fields if the asset is still at `version`; each changed field goes to the history. */
export async function updateAsset(ctx: Ctx, id: number, input: UpdateAssetBody): Promise<Asset> {
  const body = UpdateAssetBodySchema.parse(input);
  await mapUniqueErrors(() => ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableAsset(trx, ctx.actor, id);
    checkVersion(row, body.version);
    const after = await nextState(trx, row, body);
    const changes: Change[] = diffFields(historyFields(row), after);
    if (changes.length === 0) return;
    const changed = new Set(changes.map((c) => c.field));
    const refs = Object.fromEntries(["manufacturerId", "modelId", "groupId", "techContactId", "supplierId"]
      .filter((k) => changed.has(k)).map((k) => [k, after[k as keyof Described]]));
    if (changed.has("manufacturerId") && !changed.has("modelId") && after.modelId) refs.modelId = after.modelId;
    const manufacturerId = await checkAssetRefs(trx, ctx.actor, row.entity_id, row.kind_id, { ...refs, manufacturerId: after.manufacturerId });
    if (after.manufacturerId === null && manufacturerId) after.manufacturerId = manufacturerId;
    await checkTagAndSerial(trx, row.entity_id, changed.has("assetTag") ? after.assetTag : null,
      changed.has("serial") || changed.has("manufacturerId") ? { serial: after.serial, manufacturerId: after.manufacturerId } : null, id);
    const set: Updateable<AssetTable> = Object.fromEntries(changes.map((c) => [COLUMNS[c.field as keyof Described], after[c.field as keyof Described]]));
    const locks = locksAfterEdit(row, changes, after.fields);
    if (locks !== undefined) set.inventory_locks = locks;
    const result = await trx.updateTable("asset").set({ ...set, manufacturer_id: after.manufacturerId, version: row.version + 1, updated_at: now() })
      .where("id", "=", id).where("version", "=", row.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("ASSET_VERSION_CONFLICT", `Asset ${id} changed meanwhile`);
    await recordHistory(trx, ctx.actor, { recordType: "asset", recordId: id, entityId: row.entity_id, action: "update", changes });
  }));
  return presentAsset(ctx.db, id);
}
