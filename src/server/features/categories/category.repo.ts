import type { Db } from "../../db/database.js";
import type { TicketCategoryRow } from "../../db/schema.js";

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
