import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { Flag, TicketCategoryRow } from "../../db/schema.js";
import { now } from "../../db/values.js";

/** Categories with the names the presenter shows, and whether a ticket uses them. */
export function selectCategories(db: Db) {
  return db
    .selectFrom("ticket_category as c")
    .innerJoin("entity as e", "e.id", "c.entity_id")
    .leftJoin("user_group as g", "g.id", "c.default_group_id")
    .selectAll("c")
    .select(["e.complete_name as entity_name", "g.name as default_group_name"])
    .select((eb) => eb.exists(eb.selectFrom("ticket as t").select("t.id").whereRef("t.category_id", "=", "c.id")).as("is_used"));
}

export type CategoryListRow = Awaited<ReturnType<ReturnType<typeof selectCategories>["executeTakeFirstOrThrow"]>>;

export function findCategoryRow(db: Db, id: number): Promise<TicketCategoryRow | undefined> {
  return db.selectFrom("ticket_category").selectAll().where("id", "=", id).executeTakeFirst();
}

/** `column` is the entity itself or one of its parents: a category defined there is visible in `entityId`. */
export function visibleIn(column: string, entityId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select ancestor_id from entity_closure where descendant_id = ${entityId})`;
}

export async function isVisibleIn(db: Db, categoryEntityId: number, entityId: number): Promise<boolean> {
  const link = await db.selectFrom("entity_closure").select("depth")
    .where("ancestor_id", "=", categoryEntityId).where("descendant_id", "=", entityId).executeTakeFirst();
  return link !== undefined;
}

/** The category and everything below it, as a recursive CTE named "subtree" (both dialects have WITH RECURSIVE). */
function withSubtree(db: Db, id: number) {
  return db.withRecursive("subtree(id)", (qc) =>
    qc.selectFrom("ticket_category").select("id").where("id", "=", id)
      .unionAll((eb) => eb.selectFrom("ticket_category as child").innerJoin("subtree", "subtree.id", "child.parent_id").select("child.id")),
  );
}

export async function isInSubtree(db: Db, candidate: number, of: number): Promise<boolean> {
  const row = await withSubtree(db, of).selectFrom("subtree").select("id").where("id", "=", candidate).executeTakeFirst();
  return row !== undefined;
}

/**
 * After a rename or a move: one UPDATE gives the category and all its descendants their new
 * complete name and depth. Every name below starts with the category's old complete name,
 * so swapping that prefix is exact.
 */
export async function relabelSubtree(db: Db, id: number, from: { name: string; depth: number }, to: { name: string; depth: number }) {
  const keep = sql.lit(from.name.length + 1);
  await withSubtree(db, id)
    .updateTable("ticket_category")
    .set({
      complete_name: sql<string>`cast(${to.name} as text) || substr(complete_name, ${keep})`,
      depth: sql<number>`depth + ${sql.lit(to.depth - from.depth)}`,
      updated_at: now(),
    })
    .where("id", "in", (eb) => eb.selectFrom("subtree").select("id"))
    .execute();
}

/** Deactivating a category deactivates its branch, and reactivating it brings the branch back. */
export async function setSubtreeActive(db: Db, id: number, active: Flag): Promise<void> {
  await withSubtree(db, id)
    .updateTable("ticket_category")
    .set({ is_active: active, updated_at: now() })
    .where("id", "in", (eb) => eb.selectFrom("subtree").select("id"))
    .execute();
}

export async function hasSiblingNamed(db: Db, entityId: number, parentId: number | null, name: string, exceptId?: number) {
  let q = db.selectFrom("ticket_category").select("id").where("entity_id", "=", entityId)
    .where("parent_id", parentId === null ? "is" : "=", parentId).where("name", "=", name);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function countCategoryContents(db: Db, id: number): Promise<{ children: number; tickets: boolean }> {
  const children = await db.selectFrom("ticket_category").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("parent_id", "=", id).executeTakeFirstOrThrow();
  const ticket = await db.selectFrom("ticket").select("id").where("category_id", "=", id).limit(1).executeTakeFirst();
  return { children: Number(children.n), tickets: ticket !== undefined };
}

/**
 * A group a category may give to its new tickets: one visible wherever the category is, i.e.
 * of the category's entity, or a recursive group of one of its parents.
 */
export async function isGroupUsableIn(db: Db, groupId: number, entityId: number): Promise<boolean> {
  const row = await db.selectFrom("user_group").select("id").where("id", "=", groupId)
    .where((eb) => eb.or([
      eb("entity_id", "=", entityId),
      eb.and([eb("recursive", "=", 1), eb("entity_id", "in", eb.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", entityId))]),
    ]))
    .executeTakeFirst();
  return row !== undefined;
}
