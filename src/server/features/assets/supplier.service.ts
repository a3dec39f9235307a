import {
  type CreateSupplierBody, CreateSupplierBodySchema, type ListSuppliersQuery, REFERENCE_LIST_MAX, type Supplier,
  type SupplierContact, type SupplierList, type UpdateSupplierBody, UpdateSupplierBodySchema,
} from "../../../shared/api/asset-references.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { findEntityRow } from "../identity/entity.repo.js";
import { assertCan, entityScope } from "../identity/access.js";
import { nameTaken, sameName } from "./catalog.access.js";
import { visibleIn } from "../../db/tree.js";
import { containsText } from "./location.repo.js";
import * as repo from "./supplier.repo.js";

export function toContact(row: repo.ContactRow): SupplierContact {
  return { id: row.id, supplierId: row.supplier_id, name: row.name, role: row.role, phone: row.phone, email: row.email };
}

function toSupplier(row: repo.SupplierListRow, contacts: repo.ContactRow[]): Supplier {
  return {
    id: row.id, entityId: row.entity_id, entityName: row.entity_name, name: row.name, phone: row.phone, email: row.email,
    website: row.website, address: row.address, notes: row.notes, isActive: row.is_active === 1, isUsed: Boolean(row.is_used),
    contacts: contacts.filter((c) => c.supplier_id === row.id).map(toContact), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function presentSupplier(db: Db, id: number): Promise<Supplier> {
  const row = await repo.selectSuppliers(db).where("s.id", "=", id).executeTakeFirstOrThrow();
  return toSupplier(row, await repo.contactsOf(db, [id]));
}

/** The suppliers usable in `entityId` (its own and its parents'), or in every entity where the actor reads the fleet; by name. */
export async function listSuppliers(ctx: Ctx, query: ListSuppliersQuery): Promise<SupplierList> {
  let q = repo.selectSuppliers(ctx.db);
  if (query.entityId) {
    await assertCan(ctx.db, ctx.actor, "asset.read", query.entityId);
    q = q.where(visibleIn("s.entity_id", query.entityId));
  } else {
    const scope = entityScope(ctx.actor, "asset.read");
    if (!scope.everything) q = q.where(repo.visibleInScope("s.entity_id", scope));
  }
  if (!query.includeInactive) q = q.where("s.is_active", "=", 1);
  if (query.q) q = q.where(containsText("s.name", query.q));
  const rows = await q.orderBy("s.name").orderBy("s.id").limit(REFERENCE_LIST_MAX).execute();
  const contacts = await repo.contactsOf(ctx.db, rows.map((r) => r.id));
  return { data: rows.map((row) => toSupplier(row, contacts)) };
}

/** A supplier the actor cannot see anywhere is answered as absent, so its existence does not leak. */
export async function getSupplier(ctx: Ctx, id: number): Promise<Supplier> {
  const scope = entityScope(ctx.actor, "asset.read");
  let q = ctx.db.selectFrom("supplier as s").select("s.id").where("s.id", "=", id);
  if (!scope.everything) q = q.where(repo.visibleInScope("s.entity_id", scope));
  if (!(await q.executeTakeFirst())) throw notFound("SUPPLIER_NOT_FOUND", `Supplier ${id}`);
  return presentSupplier(ctx.db, id);
}

async function ownEntityId(ctx: Ctx): Promise<number> {
  const me = await ctx.db.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
  return me.entity_id;
}

async function checkNameFree(db: Db, entityId: number, name: string, exceptId?: number) {
  const rows = await repo.supplierNamesOf(db, entityId);
  if (rows.some((r) => r.id !== exceptId && sameName(r.name, name))) throw nameTaken("A supplier", name);
}

export async function createSupplier(ctx: Ctx, input: CreateSupplierBody): Promise<Supplier> {
  const body = CreateSupplierBodySchema.parse(input);
  // Read before the transaction: on SQLite it holds the only connection.
  const own = body.entityId === undefined ? await ownEntityId(ctx) : undefined;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const entityId = body.entityId ?? (own as number);
    if (!(await findEntityRow(trx, entityId))) throw notFound("ENTITY_NOT_FOUND", `Entity ${entityId}`);
    await assertCan(trx, ctx.actor, "asset.manage", entityId);
    await checkNameFree(trx, entityId, body.name);
    const at = now();
    const row = await trx.insertInto("supplier").values({
      entity_id: entityId, name: body.name, phone: body.phone ?? null, email: body.email ?? null, website: body.website ?? null,
      address: body.address ?? null, notes: body.notes ?? null, is_active: flag(body.isActive), created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await recordHistory(trx, ctx.actor, { recordType: "supplier", recordId: row.id, entityId, action: "create", label: body.name });
    return row.id;
  });
  return presentSupplier(ctx.db, id);
}

/** The supplier, if the actor manages the fleet in its entity. */
export async function loadWritableSupplier(db: Db, ctx: Ctx, id: number): Promise<repo.SupplierRow> {
  const row = await repo.findSupplierRow(db, id);
  if (!row) throw notFound("SUPPLIER_NOT_FOUND", `Supplier ${id}`);
  await assertCan(db, ctx.actor, "asset.manage", row.entity_id);
  return row;
}

export async function updateSupplier(ctx: Ctx, id: number, input: UpdateSupplierBody): Promise<Supplier> {
  const body = UpdateSupplierBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableSupplier(trx, ctx, id);
    if (body.name !== undefined && body.name !== row.name) await checkNameFree(trx, row.entity_id, body.name, id);
    const before = { name: row.name, phone: row.phone, email: row.email, website: row.website, address: row.address, notes: row.notes,
      isActive: row.is_active === 1 };
    const changes = diffFields(before, body);
    if (changes.length === 0) return;
    const columns = { name: body.name, phone: body.phone, email: body.email, website: body.website, address: body.address, notes: body.notes,
      is_active: body.isActive === undefined ? undefined : flag(body.isActive) };
    await trx.updateTable("supplier").set({ ...Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)), updated_at: now() })
      .where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "supplier", recordId: id, entityId: row.entity_id, action: "update", changes });
  });
  return presentSupplier(ctx.db, id);
}

/** Only a supplier no asset nor contract names; the others are deactivated instead. Its contacts go with it. */
export async function deleteSupplier(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableSupplier(trx, ctx, id);
    const used = await repo.selectSuppliers(trx).where("s.id", "=", id).executeTakeFirstOrThrow();
    if (used.is_used) throw new AppError("REFERENCE_IN_USE", `Supplier ${id} has assets or contracts: deactivate it instead`);
    await recordHistory(trx, ctx.actor, { recordType: "supplier", recordId: id, entityId: row.entity_id, action: "delete", label: row.name });
    await trx.deleteFrom("supplier_contact").where("supplier_id", "=", id).execute();
    await trx.deleteFrom("supplier").where("id", "=", id).execute();
  });
}
