/**
 * Trees kept per entity with a materialised path: ticket categories and locations. Each has
 * id, parent_id, complete_name ("Lyon > Bâtiment A"), depth, is_active and updated_at.
 */
import { type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "./database.js";
import type { Flag } from "./schema.js";
import { now } from "./values.js";

export type TreeTable = "ticket_category" | "location";

/* eslint-disable @typescript-eslint/no-explicit-any -- the same statements serve both tables, whose rows Kysely types apart */
const untyped = (db: Db) => db as unknown as Kysely<any>;

/** `column` is the entity itself or one of its parents: a node defined there is visible in `entityId`. */
export function visibleIn(column: string, entityId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select ancestor_id from entity_closure where descendant_id = ${entityId})`;
}

export async function isVisibleIn(db: Db, ownerEntityId: number, entityId: number): Promise<boolean> {
  const link = await db.selectFrom("entity_closure").select("depth")
    .where("ancestor_id", "=", ownerEntityId).where("descendant_id", "=", entityId).executeTakeFirst();
  return link !== undefined;
}

/** The node and everything below it, as a recursive CTE named "subtree" (both dialects have WITH RECURSIVE). */
function withSubtree(db: Db, table: TreeTable, id: number) {
  return untyped(db).withRecursive("subtree(id)", (qc) =>
    qc.selectFrom(table).select("id").where("id", "=", id)
      .unionAll((eb) => eb.selectFrom(`${table} as child`).innerJoin("subtree", "subtree.id", "child.parent_id").select("child.id")),
  );
}

export async function isInSubtree(db: Db, table: TreeTable, candidate: number, of: number): Promise<boolean> {
  const row = await withSubtree(db, table, of).selectFrom("subtree").select("id").where("id", "=", candidate).executeTakeFirst();
  return row !== undefined;
}

/**
 * After a rename or a move: one UPDATE gives the node and all below it their new complete name
 * and depth. Every name below starts with the node's old complete name, so swapping that prefix
 * is exact.
 */
export async function relabelSubtree(db: Db, table: TreeTable, id: number, from: { name: string; depth: number }, to: { name: string; depth: number }) {
  const keep = sql.lit(from.name.length + 1);
  await withSubtree(db, table, id)
    .updateTable(table)
    .set({
      complete_name: sql<string>`cast(${to.name} as text) || substr(complete_name, ${keep})`,
      depth: sql<number>`depth + ${sql.lit(to.depth - from.depth)}`,
      updated_at: now(),
    })
    .where("id", "in", (eb: ExpressionBuilder<any, any>) => eb.selectFrom("subtree").select("id"))
    .execute();
}

/** Deactivating a node deactivates its branch; reactivating it brings the branch back. */
export async function setSubtreeActive(db: Db, table: TreeTable, id: number, active: Flag): Promise<void> {
  await withSubtree(db, table, id)
    .updateTable(table)
    .set({ is_active: active, updated_at: now() })
    .where("id", "in", (eb: ExpressionBuilder<any, any>) => eb.selectFrom("subtree").select("id"))
    .execute();
}
