import { type SqlBool, type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { Flag } from "../../db/schema.js";
import { now } from "../../db/values.js";

/** `column` is the entity itself or one of its parents: a location or supplier defined there is visible in `entityId`. */
export function visibleIn(column: string, entityId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select ancestor_id from entity_closure where descendant_id = ${entityId})`;
}

export async function isVisibleIn(db: Db, ownerEntityId: number, entityId: number): Promise<boolean> {
  const link = await db.selectFrom("entity_closure").select("depth")
    .where("ancestor_id", "=", ownerEntityId).where("descendant_id", "=", entityId).executeTakeFirst();
  return link !== undefined;
}

/** The location and everything below it, as a recursive CTE named "subtree" (both dialects have WITH RECURSIVE). */
export function withLocationSubtree(db: Db, id: number) {
  return db.withRecursive("subtree(id)", (qc) =>
    qc.selectFrom("location").select("id").where("id", "=", id)
      .unionAll((eb) => eb.selectFrom("location as child").innerJoin("subtree", "subtree.id", "child.parent_id").select("child.id")),
  );
}

export async function isInLocationSubtree(db: Db, candidate: number, of: number): Promise<boolean> {
  const row = await withLocationSubtree(db, of).selectFrom("subtree").select("id").where("id", "=", candidate).executeTakeFirst();
  return row !== undefined;
}

/**
 * After a rename or a move: one UPDATE gives the location and all below it their new complete
 * name and depth. Every name below starts with the location's old complete name, so swapping
 * that prefix is exact.
 */
export async function relabelLocationSubtree(db: Db, id: number, from: { name: string; depth: number }, to: { name: string; depth: number }) {
  const keep = sql.lit(from.name.length + 1);
  await withLocationSubtree(db, id)
    .updateTable("location")
    .set({
      complete_name: sql<string>`cast(${to.name} as text) || substr(complete_name, ${keep})`,
      depth: sql<number>`depth + ${sql.lit(to.depth - from.depth)}`,
      updated_at: now(),
    })
    .where("id", "in", (eb) => eb.selectFrom("subtree").select("id"))
    .execute();
}

/** Deactivating a location deactivates its branch; reactivating it brings the branch back. */
export async function setLocationSubtreeActive(db: Db, id: number, active: Flag): Promise<void> {
  await withLocationSubtree(db, id)
    .updateTable("location")
    .set({ is_active: active, updated_at: now() })
    .where("id", "in", (eb) => eb.selectFrom("subtree").select("id"))
    .execute();
}
