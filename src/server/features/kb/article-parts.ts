/** The parts of an article kept in their own tables: revisions, tags, known-error targets, ticket links. */
import type { KbTarget, KbTargetType } from "../../../shared/api/kb.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import { AppError } from "../../http/errors.js";
import type { Actor } from "../identity/access.js";
import type { KbArticleRow } from "./kb.table.js";

/** Appends the article's current text as its revision `row.revision`. */
export async function insertRevision(db: Db, actor: Actor, row: Pick<KbArticleRow, "id" | "revision" | "title" | "body" | "symptom" | "cause" | "workaround" | "fix">) {
  await db.insertInto("kb_revision").values({
    article_id: row.id, number: row.revision, title: row.title, body: row.body, symptom: row.symptom, cause: row.cause,
    workaround: row.workaround, fix: row.fix, author_id: actor.userId, author_name: actor.name, created_at: now(),
  }).execute();
}

export async function replaceTags(db: Db, articleId: number, tags: string[]): Promise<void> {
  await db.deleteFrom("kb_article_tag").where("article_id", "=", articleId).execute();
  const unique = [...new Set(tags)];
  if (unique.length > 0) await db.insertInto("kb_article_tag").values(unique.map((tag) => ({ article_id: articleId, tag }))).execute();
}

export async function readTags(db: Db, articleId: number): Promise<string[]> {
  const rows = await db.selectFrom("kb_article_tag").select("tag").where("article_id", "=", articleId).orderBy("tag").execute();
  return rows.map((r) => r.tag);
}

const TARGET_TABLES = { ticket_category: "ticket_category", asset_model: "asset_model", software: "software" } as const;

/** The known error's targets must exist; ticket categories must be visible in the article's entity. */
export async function replaceTargets(db: Db, articleId: number, entityId: number, targets: { type: KbTargetType; id: number }[]) {
  for (const target of targets) {
    let q = db.selectFrom(TARGET_TABLES[target.type]).select("id").where("id", "=", target.id);
    if (target.type === "ticket_category") {
      q = q.where("entity_id", "in", db.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", entityId));
    }
    if (!(await q.executeTakeFirst())) {
      throw new AppError("VALIDATION_FAILED", `No ${target.type} ${target.id} here`, [{ path: "body.targets", message: `unknown ${target.type}` }]);
    }
  }
  await db.deleteFrom("kb_article_target").where("article_id", "=", articleId).execute();
  const unique = [...new Map(targets.map((t) => [`${t.type}:${t.id}`, t])).values()];
  if (unique.length > 0) {
    await db.insertInto("kb_article_target").values(unique.map((t) => ({ article_id: articleId, target_type: t.type, target_id: t.id }))).execute();
  }
}

export async function readTargets(db: Db, articleId: number): Promise<KbTarget[]> {
  const rows = await db.selectFrom("kb_article_target").select(["target_type", "target_id"]).where("article_id", "=", articleId).execute();
  const out: KbTarget[] = [];
  for (const row of rows) {
    const type = row.target_type as KbTargetType;
    const named = type === "ticket_category"
      ? await db.selectFrom("ticket_category").select("complete_name as name").where("id", "=", row.target_id).executeTakeFirst()
      : await db.selectFrom(TARGET_TABLES[type]).select("name").where("id", "=", row.target_id).executeTakeFirst();
    if (named) out.push({ type, id: row.target_id, name: named.name });
  }
  return out;
}

/** A KB category usable by an article of `entityId`: one of its entity or of a parent entity. */
export async function checkCategory(db: Db, categoryId: number | null | undefined, entityId: number): Promise<void> {
  if (categoryId === null || categoryId === undefined) return;
  const row = await db.selectFrom("kb_category").select("id").where("id", "=", categoryId)
    .where("entity_id", "in", db.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", entityId))
    .executeTakeFirst();
  if (!row) throw new AppError("VALIDATION_FAILED", `KB category ${categoryId} is not usable here`, [{ path: "body.categoryId", message: "unknown category" }]);
}
