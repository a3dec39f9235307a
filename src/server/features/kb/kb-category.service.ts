import { sql } from "kysely";
import type { z } from "zod";
import type { CreateKbCategoryBodySchema, KbCategory, UpdateKbCategoryBodySchema } from "../../../shared/api/kb.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { type EntityScope, assertCan, entityScope, inScope } from "../identity/access.js";
import { sortAsTree } from "../categories/category-tree.js";
import { isVisibleIn } from "../../db/tree.js";
import { readableArticles } from "./article-access.js";
import type { KbCategoryRow } from "./kb.table.js";

/** A KB holds a few hundred categories at most; this bounds the list all the same. */
export const KB_CATEGORY_MAX = 2000;

function scopeOf(ctx: Ctx): EntityScope {
  try {
    return entityScope(ctx.actor, "kb.read");
  } catch {
    return entityScope(ctx.actor, "portal.use");
  }
}

/** The complete names ("Réseau > Wi-Fi") and depths, computed from the parents in the list. */
function withPaths(rows: KbCategoryRow[], counts: Map<number | null, number>): KbCategory[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return sortAsTree(rows).map((row) => {
    const names = [row.name];
    for (let p = row.parent_id, hops = 0; p !== null && byId.has(p) && hops < 50; hops++) {
      const parent = byId.get(p) as KbCategoryRow;
      names.unshift(parent.name);
      p = parent.parent_id;
    }
    return { id: row.id, entityId: row.entity_id, parentId: row.parent_id, name: row.name, completeName: names.join(" > "),
      depth: names.length - 1, articleCount: counts.get(row.id) ?? 0 };
  });
}

/** The categories of the caller's entities and their parents, in tree order, with how many articles the caller may read in each. */
export async function listKbCategories(ctx: Ctx, query: { language?: "fr" | "en" } = {}): Promise<{ data: KbCategory[] }> {
  const scope = scopeOf(ctx);
  let q = ctx.db.selectFrom("kb_category as c").selectAll("c");
  if (!scope.everything) q = q.where(sql<boolean>`c.entity_id in (select ancestor_id from entity_closure where ${inScope("descendant_id", scope)})`);
  const rows = await q.orderBy("c.name").orderBy("c.id").limit(KB_CATEGORY_MAX).execute();
  let counted = ctx.db.selectFrom("kb_article as a").select(["a.category_id", (eb) => eb.fn.countAll<number>().as("n")]).where(readableArticles(ctx.actor));
  if (query.language) counted = counted.where("a.language", "=", query.language);
  const counts = await counted.groupBy("a.category_id").execute();
  return { data: withPaths(rows, new Map(counts.map((c) => [c.category_id, Number(c.n)]))) };
}

async function loadCategory(db: Db, id: number): Promise<KbCategoryRow> {
  const row = await db.selectFrom("kb_category").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("KB_CATEGORY_NOT_FOUND", `KB category ${id}`);
  return row;
}

/** A parent must be visible in the category's entity and not the category itself or below it. */
async function checkParent(db: Db, parentId: number, entityId: number, selfId?: number): Promise<void> {
  const parent = await db.selectFrom("kb_category").selectAll().where("id", "=", parentId).executeTakeFirst();
  if (!parent || !(await isVisibleIn(db, parent.entity_id, entityId))) throw notFound("KB_CATEGORY_NOT_FOUND", `KB category ${parentId}`);
  for (let p: number | null = parentId, hops = 0; p !== null && hops < 100; hops++) {
    if (p === selfId) throw new AppError("CATEGORY_CYCLE", "A category cannot move under itself or one of its subcategories");
    const up: { parent_id: number | null } | undefined = await db.selectFrom("kb_category").select("parent_id").where("id", "=", p).executeTakeFirst();
    p = up?.parent_id ?? null;
  }
}

export async function createKbCategory(ctx: Ctx, body: z.output<typeof CreateKbCategoryBodySchema>): Promise<KbCategory> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const parent = body.parentId ? await loadCategory(trx, body.parentId) : undefined;
    const me = await trx.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
    const entityId = body.entityId ?? parent?.entity_id ?? me.entity_id;
    await assertCan(trx, ctx.actor, "kb.manage", entityId);
    if (body.parentId) await checkParent(trx, body.parentId, entityId);
    const at = now();
    const row = await trx.insertInto("kb_category").values({ entity_id: entityId, parent_id: body.parentId, name: body.name, created_at: at, updated_at: at })
      .returning("id").executeTakeFirstOrThrow();
    return row.id;
  });
  return (await listKbCategories(ctx)).data.find((c) => c.id === id) as KbCategory;
}

export async function updateKbCategory(ctx: Ctx, id: number, body: z.output<typeof UpdateKbCategoryBodySchema>): Promise<KbCategory> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCategory(trx, id);
    await assertCan(trx, ctx.actor, "kb.manage", row.entity_id);
    if (body.parentId) await checkParent(trx, body.parentId, row.entity_id, id);
    await trx.updateTable("kb_category").set({ name: body.name, parent_id: body.parentId, updated_at: now() }).where("id", "=", id).execute();
  });
  return (await listKbCategories(ctx)).data.find((c) => c.id === id) as KbCategory;
}

/** Only an empty category goes: its articles and subcategories would lose their place. */
export async function deleteKbCategory(ctx: Ctx, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadCategory(trx, id);
    await assertCan(trx, ctx.actor, "kb.manage", row.entity_id);
    const child = await trx.selectFrom("kb_category").select("id").where("parent_id", "=", id).limit(1).executeTakeFirst();
    const article = await trx.selectFrom("kb_article").select("id").where("category_id", "=", id).limit(1).executeTakeFirst();
    if (child || article) throw new AppError("KB_CATEGORY_NOT_EMPTY", `KB category ${id} is not empty`);
    await trx.deleteFrom("kb_category").where("id", "=", id).execute();
  });
}
