import type { KbArticle, KbArticleSummary, KbAudience, KbKind, KbStatus } from "../../../shared/api/kb.js";
import type { Db } from "../../db/database.js";
import { type Actor, entityScope, inScope } from "../identity/access.js";
import { canOnArticle } from "./article-access.js";
import { readTags, readTargets } from "./article-parts.js";
import { listArticleFiles } from "./kb-file.service.js";
import type { KbArticleRow } from "./kb.table.js";

export function toSummary(row: KbArticleRow): KbArticleSummary {
  return {
    id: row.id, kind: row.kind as KbKind, title: row.title, status: row.status as KbStatus, audience: row.audience as KbAudience,
    language: row.language as "fr" | "en", entityId: row.entity_id, categoryId: row.category_id, viewCount: row.view_count,
    reviewDueAt: row.review_due_at, updatedAt: row.updated_at,
  };
}

async function readVotes(db: Db, actor: Actor, articleId: number) {
  const rows = await db.selectFrom("kb_vote").select(["useful", "user_id"]).where("article_id", "=", articleId).execute();
  const mine = rows.find((r) => r.user_id === actor.userId);
  return {
    useful: rows.filter((r) => r.useful === 1).length,
    notUseful: rows.filter((r) => r.useful === 0).length,
    mine: mine ? mine.useful === 1 : null,
  };
}

/** The linked tickets the actor may read as staff; a requester sees none of them. */
async function readTickets(db: Db, actor: Actor, articleId: number) {
  let scope;
  try {
    scope = entityScope(actor, "ticket.read");
  } catch {
    return [];
  }
  return db.selectFrom("kb_article_ticket as l").innerJoin("ticket as t", "t.id", "l.ticket_id")
    .select(["t.id", "t.title", "t.status"]).where("l.article_id", "=", articleId).where(inScope("t.entity_id", scope))
    .orderBy("t.id", "desc").limit(50).execute();
}

export async function presentArticle(db: Db, actor: Actor, row: KbArticleRow): Promise<KbArticle> {
  const category = row.category_id === null ? undefined
    : await db.selectFrom("kb_category").select("name").where("id", "=", row.category_id).executeTakeFirst();
  return {
    ...toSummary(row),
    isRecursive: row.is_recursive === 1, body: row.body, bodyHtml: row.body_html,
    symptom: row.symptom, cause: row.cause, workaround: row.workaround, fix: row.fix,
    categoryName: category?.name ?? null, tags: await readTags(db, row.id),
    authorName: row.author_name, reviewerName: row.reviewer_name, reviewedAt: row.reviewed_at, publishedAt: row.published_at,
    revision: row.revision, version: row.version,
    votes: await readVotes(db, actor, row.id), tickets: await readTickets(db, actor, row.id), targets: await readTargets(db, row.id),
    files: await listArticleFiles(db, row.id),
    canWrite: await canOnArticle(db, actor, row, "kb.write"), canManage: await canOnArticle(db, actor, row, "kb.manage"),
    createdAt: row.created_at,
  };
}
