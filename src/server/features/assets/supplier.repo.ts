import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";
import { type EntityScope, inScope } from "../identity/access.js";

/** Suppliers with their entity's name and whether an asset or a contract names them. */
export function selectSuppliers(db: Db) {
  return db.selectFrom("supplier as s")
    .innerJoin("entity as e", "e.id", "s.entity_id")
    .selectAll("s")
    .select("e.complete_name as entity_name")
    .select((eb) => eb.or([
      eb.exists(eb.selectFrom("asset as a").select("a.id").whereRef("a.supplier_id", "=", "s.id")),
      eb.exists(eb.selectFrom("contract as c").select("c.id").whereRef("c.supplier_id", "=", "s.id")),
    ]).as("is_used"));
}
export type SupplierListRow = Awaited<ReturnType<ReturnType<typeof selectSuppliers>["executeTakeFirstOrThrow"]>>;

export function findSupplierRow(db: Db, id: number) {
  return db.selectFrom("supplier").selectAll().where("id", "=", id).executeTakeFirst();
}
export type SupplierRow = NonNullable<Awaited<ReturnType<typeof findSupplierRow>>>;

export function contactsOf(db: Db, supplierIds: number[]) {
  if (supplierIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("supplier_contact").selectAll().where("supplier_id", "in", supplierIds)
    .orderBy("supplier_id").orderBy("name").orderBy("id").execute();
}
export type ContactRow = Awaited<ReturnType<typeof contactsOf>>[number];

/** `column` is an entity defined in the scope or above it: what is defined there is visible somewhere in the scope. */
export function visibleInScope(column: string, scope: EntityScope): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select ancestor_id from entity_closure where ${inScope("descendant_id", scope)})`;
}

/** The names of the suppliers of one entity, for the duplicate check (case and accents aside, in JS). */
export function supplierNamesOf(db: Db, entityId: number) {
  return db.selectFrom("supplier").select(["id", "name"]).where("entity_id", "=", entityId).execute();
}
