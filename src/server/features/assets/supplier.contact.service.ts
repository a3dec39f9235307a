/** A supplier's contacts (sales, support, account manager): written by those who manage the fleet in its entity. */
import {
  type ContactBody, ContactBodySchema, type Supplier, type UpdateContactBody, UpdateContactBodySchema,
} from "../../../shared/api/asset-references.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { loadWritableSupplier, presentSupplier } from "./supplier.service.js";

async function touch(db: Db, supplierId: number) {
  await db.updateTable("supplier").set({ updated_at: now() }).where("id", "=", supplierId).execute();
}

export async function addContact(ctx: Ctx, supplierId: number, input: ContactBody): Promise<Supplier> {
  const body = ContactBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const supplier = await loadWritableSupplier(trx, ctx, supplierId);
    await trx.insertInto("supplier_contact").values({ supplier_id: supplierId, name: body.name, role: body.role ?? null,
      phone: body.phone ?? null, email: body.email ?? null, created_at: now() }).execute();
    await touch(trx, supplierId);
    await recordHistory(trx, ctx.actor, { recordType: "supplier", recordId: supplierId, entityId: supplier.entity_id, action: "link",
      field: "contacts", label: body.name });
  });
  return presentSupplier(ctx.db, supplierId);
}

async function loadContact(db: Db, supplierId: number, contactId: number) {
  const row = await db.selectFrom("supplier_contact").selectAll().where("id", "=", contactId).where("supplier_id", "=", supplierId).executeTakeFirst();
  if (!row) throw notFound("CONTACT_NOT_FOUND", `Contact ${contactId} of supplier ${supplierId}`);
  return row;
}

export async function updateContact(ctx: Ctx, supplierId: number, contactId: number, input: UpdateContactBody): Promise<Supplier> {
  const body = UpdateContactBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const supplier = await loadWritableSupplier(trx, ctx, supplierId);
    const row = await loadContact(trx, supplierId, contactId);
    const changes = diffFields({ name: row.name, role: row.role, phone: row.phone, email: row.email }, body);
    if (changes.length === 0) return;
    await trx.updateTable("supplier_contact").set({
      name: body.name ?? row.name, role: body.role === undefined ? row.role : body.role,
      phone: body.phone === undefined ? row.phone : body.phone, email: body.email === undefined ? row.email : body.email,
    }).where("id", "=", contactId).execute();
    await touch(trx, supplierId);
    await recordHistory(trx, ctx.actor, { recordType: "supplier", recordId: supplierId, entityId: supplier.entity_id, action: "update",
      changes: changes.map((c) => ({ ...c, field: `contacts.${row.name}.${c.field}` })) });
  });
  return presentSupplier(ctx.db, supplierId);
}

export async function deleteContact(ctx: Ctx, supplierId: number, contactId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const supplier = await loadWritableSupplier(trx, ctx, supplierId);
    const row = await loadContact(trx, supplierId, contactId);
    await trx.deleteFrom("supplier_contact").where("id", "=", contactId).execute();
    await touch(trx, supplierId);
    await recordHistory(trx, ctx.actor, { recordType: "supplier", recordId: supplierId, entityId: supplier.entity_id, action: "unlink",
      field: "contacts", label: row.name });
  });
}
