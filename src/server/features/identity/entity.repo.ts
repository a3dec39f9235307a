import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { EntityRow } from "../../db/schema.js";

export function findEntityRow(db: Db, id: number): Promise<EntityRow | undefined> {
  return db.selectFrom("entity").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findRootEntityRow(db: Db): Promise<EntityRow | undefined> {
  return db.selectFrom("entity").selectAll().where("parent_id", "is", null).orderBy("id").limit(1).executeTakeFirst();
}

/** Links a new entity under its parent: one closure row per ancestor, plus itself. */
export async function linkNewEntity(db: Db, id: number, parentId: number | null): Promise<void> {
  await db.insertInto("entity_closure").values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
  if (parentId === null) return;
  await db
    .insertInto("entity_closure")
    .columns(["ancestor_id", "descendant_id", "depth"])
    .expression((eb) =>
      eb
        .selectFrom("entity_closure")
        .select(["ancestor_id", sql.lit(id).as("descendant_id"), sql<number>`depth + 1`.as("depth")])
        .where("descendant_id", "=", parentId),
    )
    .execute();
}

export async function isDescendant(db: Db, candidate: number, of: number): Promise<boolean> {
  const row = await db
    .selectFrom("entity_closure")
    .select("depth")
    .where("ancestor_id", "=", of)
    .where("descendant_id", "=", candidate)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves a subtree: cut it from its old ancestors, then tie it to every ancestor of the new parent. */
export async function moveSubtree(db: Db, id: number, newParentId: number): Promise<void> {
  const subtree = db.selectFrom("entity_closure").select("descendant_id").where("ancestor_id", "=", id);
  await db
    .deleteFrom("entity_closure")
    .where("descendant_id", "in", subtree)
    .where("ancestor_id", "not in", subtree)
    .execute();
  await db
    .insertInto("entity_closure")
    .columns(["ancestor_id", "descendant_id", "depth"])
    .expression((eb) =>
      eb
        .selectFrom(["entity_closure as a", "entity_closure as d"])
        .select(["a.ancestor_id", "d.descendant_id", sql<number>`a.depth + d.depth + 1`.as("depth")])
        .where("a.descendant_id", "=", newParentId)
        .where("d.ancestor_id", "=", id),
    )
    .execute();
}

/** Recomputes complete_name and depth below `id` (itself excluded), parents first. */
export async function refreshSubtreeNames(db: Db, id: number): Promise<void> {
  const rows = await db
    .selectFrom("entity_closure as c")
    .innerJoin("entity as e", "e.id", "c.descendant_id")
    .select(["e.id", "e.name", "e.parent_id"])
    .where("c.ancestor_id", "=", id)
    .where("c.depth", ">", 0)
    .orderBy("c.depth")
    .execute();
  const root = await findEntityRow(db, id);
  if (!root) return;
  const known = new Map([[root.id, { name: root.complete_name, depth: root.depth }]]);
  for (const row of rows) {
    const parent = known.get(row.parent_id ?? -1);
    if (!parent) continue;
    const next = { name: `${parent.name} > ${row.name}`, depth: parent.depth + 1 };
    known.set(row.id, next);
    await db.updateTable("entity").set({ complete_name: next.name, depth: next.depth }).where("id", "=", row.id).execute();
  }
}

export async function countEntityContents(db: Db, id: number) {
  const count = (table: "entity" | "app_user" | "user_group", column: "parent_id" | "entity_id") =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(column, "=", id)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const [children, users, groups] = await Promise.all([
    count("entity", "parent_id"),
    count("app_user", "entity_id"),
    count("user_group", "entity_id"),
  ]);
  return { children, users, groups };
}
