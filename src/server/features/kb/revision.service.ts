import { diffLines, diffWordsWithSpace } from "diff";
import type { Page } from "../../../shared/api/common.js";
import type { KbArticle, KbDiff, KbRevision } from "../../../shared/api/kb.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { loadStaffReadableArticle, loadWritableArticle } from "./article-access.js";
import { insertRevision } from "./article-parts.js";
import { presentArticleById } from "./article.service.js";
import { articleFileIds } from "./kb-file.service.js";
import { renderMarkdown } from "./kb-markdown.js";
import type { KbRevisionRow } from "./kb.table.js";

/** Revisions are the staff's: a requester reads the published text only. */
function loadArticleForRevisions(db: Db, ctx: Ctx, id: number) {
  return loadStaffReadableArticle(db, ctx.actor, id);
}

function toRevision(row: KbRevisionRow): KbRevision {
  return { number: row.number, title: row.title, authorName: row.author_name, createdAt: row.created_at, body: row.body,
    symptom: row.symptom, cause: row.cause, workaround: row.workaround, fix: row.fix };
}

/** Newest first. */
export async function listRevisions(ctx: Ctx, id: number, page: { limit: number; cursor?: string }): Promise<Page<Omit<KbRevision, "body" | "symptom" | "cause" | "workaround" | "fix">>> {
  await loadArticleForRevisions(ctx.db, ctx, id);
  let q = ctx.db.selectFrom("kb_revision").select(["number", "title", "author_name", "created_at"]).where("article_id", "=", id);
  if (page.cursor) q = q.where("number", "<", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("number", "desc").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => ({ number: r.number, title: r.title, authorName: r.author_name, createdAt: r.created_at }), (r) => [r.number]);
}

async function findRevision(db: Db, id: number, number: number): Promise<KbRevisionRow> {
  const row = await db.selectFrom("kb_revision").selectAll().where("article_id", "=", id).where("number", "=", number).executeTakeFirst();
  if (!row) throw notFound("KB_REVISION_NOT_FOUND", `Revision ${number} of article ${id}`);
  return row;
}

export async function getRevision(ctx: Ctx, id: number, number: number): Promise<KbRevision> {
  await loadArticleForRevisions(ctx.db, ctx, id);
  return toRevision(await findRevision(ctx.db, id, number));
}

const DIFF_FIELDS = ["title", "body", "symptom", "cause", "workaround", "fix"] as const;

/** What changed from one revision to another: words for the title, lines for the rest; unchanged fields are left out. */
export async function diffRevisions(ctx: Ctx, id: number, from: number, to: number): Promise<KbDiff> {
  await loadArticleForRevisions(ctx.db, ctx, id);
  const [a, b] = [await findRevision(ctx.db, id, from), await findRevision(ctx.db, id, to)];
  const fields: KbDiff["fields"] = [];
  for (const field of DIFF_FIELDS) {
    const before = a[field] ?? "";
    const after = b[field] ?? "";
    if (before === after) continue;
    const changes = field === "title" ? diffWordsWithSpace(before, after) : diffLines(before, after);
    fields.push({ field, parts: changes.map((c) => ({ value: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" })) });
  }
  return { from, to, fields };
}

/** Restoring copies an old revision's text into the article as a new revision: nothing is ever lost. */
export async function restoreRevision(ctx: Ctx, id: number, number: number, version: number): Promise<KbArticle> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableArticle(trx, ctx.actor, id, { version });
    const old = await findRevision(trx, id, number);
    const text = { title: old.title, body: old.body, symptom: old.symptom, cause: old.cause, workaround: old.workaround, fix: old.fix };
    const revision = row.revision + 1;
    // An image whose file was deleted since shows as a placeholder, not a broken image.
    const bodyHtml = renderMarkdown(old.body, await articleFileIds(trx, id));
    await trx.updateTable("kb_article").set({ ...text, body_html: bodyHtml, revision, version: row.version + 1, updated_at: now() })
      .where("id", "=", id).execute();
    await insertRevision(trx, ctx.actor, { id, revision, ...text });
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: id, entityId: row.entity_id, action: "update",
      changes: [{ field: "revision", oldValue: row.revision, newValue: `${revision} (= ${number})` }] });
  });
  return presentArticleById(ctx.db, ctx, id);
}
