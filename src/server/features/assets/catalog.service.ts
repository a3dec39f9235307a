/** Manufacturers: one global list, each name once whatever its case. Models are in catalog.models.service.ts. */
import { type Manufacturer, type ManufacturerBody, ManufacturerBodySchema, REFERENCE_LIST_MAX } from "../../../shared/api/asset-references.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { assertCanManageGlobal, assertCanReadFleet, nameTaken, sameName } from "./catalog.access.js";
import { containsText } from "./location.repo.js";

function selectManufacturers(db: Db) {
  return db.selectFrom("manufacturer as m").select(["m.id", "m.name", "m.created_at"])
    .select((eb) => eb.or([
      eb.exists(eb.selectFrom("asset as a").select("a.id").whereRef("a.manufacturer_id", "=", "m.id")),
      eb.exists(eb.selectFrom("asset_model as am").select("am.id").whereRef("am.manufacturer_id", "=", "m.id")),
    ]).as("is_used"));
}
type ManufacturerRow = Awaited<ReturnType<ReturnType<typeof selectManufacturers>["executeTakeFirstOrThrow"]>>;

function toManufacturer(row: ManufacturerRow): Manufacturer {
  return { id: row.id, name: row.name, isUsed: Boolean(row.is_used), createdAt: row.created_at };
}

async function presentManufacturer(db: Db, id: number): Promise<Manufacturer> {
  return toManufacturer(await selectManufacturers(db).where("m.id", "=", id).executeTakeFirstOrThrow());
}

export async function listManufacturers(ctx: Ctx, query: { q?: string }): Promise<{ data: Manufacturer[] }> {
  assertCanReadFleet(ctx);
  let q = selectManufacturers(ctx.db);
  if (query.q) q = q.where(containsText("m.name", query.q));
  const rows = await q.orderBy("m.name").orderBy("m.id").limit(REFERENCE_LIST_MAX).execute();
  return { data: rows.map(toManufacturer) };
}

/** Compared in JS: SQLite's lower() folds ASCII only, and "Écran Pro" must clash with "ÉCRAN PRO". */
async function checkNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const rows = await db.selectFrom("manufacturer").select(["id", "name"]).execute();
  if (rows.some((r) => r.id !== exceptId && sameName(r.name, name))) throw nameTaken("A manufacturer", name);
}

async function loadManufacturer(db: Db, id: number) {
  const row = await db.selectFrom("manufacturer").selectAll().where("id", "=", id).executeTakeFirst();
  // The code MANUFACTURER_NOT_FOUND answers 400 (a reference in a body); a manufacturer in the path answers 404.
  if (!row) throw notFound("NOT_FOUND", `Manufacturer ${id}`);
  return row;
}

export async function createManufacturer(ctx: Ctx, input: ManufacturerBody): Promise<Manufacturer> {
  const body = ManufacturerBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    await checkNameFree(trx, body.name);
    const row = await trx.insertInto("manufacturer").values({ name: body.name, created_at: now() }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "manufacturer", recordId: row.id, entityId: rootId, action: "create", label: body.name });
    return row.id;
  });
  return presentManufacturer(ctx.db, id);
}

export async function renameManufacturer(ctx: Ctx, id: number, input: ManufacturerBody): Promise<Manufacturer> {
  const body = ManufacturerBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    const row = await loadManufacturer(trx, id);
    if (row.name === body.name) return;
    await checkNameFree(trx, body.name, id);
    await trx.updateTable("manufacturer").set({ name: body.name }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "manufacturer", recordId: id, entityId: rootId, action: "update",
      changes: [{ field: "name", oldValue: row.name, newValue: body.name }] });
  });
  return presentManufacturer(ctx.db, id);
}

/** Only a manufacturer no asset nor model names. */
export async function deleteManufacturer(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const rootId = await assertCanManageGlobal(trx, ctx);
    const row = await loadManufacturer(trx, id);
    const used = await selectManufacturers(trx).where("m.id", "=", id).executeTakeFirstOrThrow();
    if (used.is_used) throw new AppError("REFERENCE_IN_USE", `Manufacturer ${id} has assets or models`);
    await recordHistory(trx, ctx.actor, { recordType: "manufacturer", recordId: id, entityId: rootId, action: "delete", label: row.name });
    await trx.deleteFrom("manufacturer").where("id", "=", id).execute();
  });
}
