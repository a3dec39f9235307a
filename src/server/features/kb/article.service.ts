import { type Updateable, sql } from "kysely";
import {
  type CreateKbArticleBody, CreateKbArticleBodySchema, type KbArticle, type KbArticleSummary, type ListKbArticlesQuery,
  type UpdateKbArticleBody, UpdateKbArticleBodySchema,
} from "../../../shared/api/kb.js";
import type { Page } from "../../../shared/api/common.js";
import type { Db } from "../../db/database.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { diffFields, recordHistory } from "../history/history.service.js";
import { assertCan } from "../identity/access.js";
import { loadReadableTicket } from "../tickets/ticket-access.js";
import { loadReadableArticle, loadWritableArticle, readableArticles } from "./article-access.js";
import { checkCategory, insertRevision, replaceTags, replaceTargets } from "./article-parts.js";
import { presentArticle, toSummary } from "./article-present.js";
import { articleFileIds } from "./kb-file.service.js";
import { renderMarkdown } from "./kb-markdown.js";
import type { KbArticleRow, KbArticleTable } from "./kb.table.js";

/** Newest first, or the review queue soonest first; every filter is on an indexed column. */
export async function listArticles(ctx: Ctx, query: ListKbArticlesQuery): Promise<Page<KbArticleSummary>> {
  let q = ctx.db.selectFrom("kb_article as a").selectAll("a").where(readableArticles(ctx.actor));
  if (query.q) q = q.where(sql<boolean>`lower(a.title) like ${`%${query.q.toLowerCase().replace(/[%_\\]/g, "")}%`}`);
  if (query.categoryId) q = q.where("a.category_id", "=", query.categoryId);
  if (query.tag) q = q.where("a.id", "in", ctx.db.selectFrom("kb_article_tag").select("article_id").where("tag", "=", query.tag));
  if (query.status) q = q.where("a.status", "=", query.status);
  if (query.kind) q = q.where("a.kind", "=", query.kind);
  if (query.audience) q = q.where("a.audience", "=", query.audience);
  if (query.language) q = q.where("a.language", "=", query.language);
  if (query.dueForReview) {
    q = q.where("a.status", "=", "published").where("a.review_due_at", "<=", now().slice(0, 10));
    if (query.cursor) {
      const [due, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
      q = q.where((eb) => eb.or([eb("a.review_due_at", ">", due), eb.and([eb("a.review_due_at", "=", due), eb("a.id", ">", id)])]));
    }
    const rows = await q.orderBy("a.review_due_at").orderBy("a.id").limit(query.limit + 1).execute();
    return toPage(rows, query.limit, toSummary, (r) => [r.review_due_at ?? "", r.id]);
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) => eb.or([eb("a.updated_at", "<", at), eb.and([eb("a.updated_at", "=", at), eb("a.id", "<", id)])]));
  }
  const rows = await q.orderBy("a.updated_at", "desc").orderBy("a.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toSummary, (r) => [r.updated_at, r.id]);
}

/** Reading an article counts one view per reader and day. */
export async function getArticle(ctx: Ctx, id: number): Promise<KbArticle> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadReadableArticle(trx, ctx.actor, id);
    const seen = await trx.insertInto("kb_view").values({ article_id: id, user_id: ctx.actor.userId, day: now().slice(0, 10) })
      .onConflict((oc) => oc.doNothing()).returning("article_id").executeTakeFirst();
    if (seen) {
      await trx.updateTable("kb_article").set((eb) => ({ view_count: eb("view_count", "+", 1) })).where("id", "=", id).execute();
      row.view_count += 1;
    }
    return presentArticle(trx, ctx.actor, row);
  });
}

export async function presentArticleById(db: Db, ctx: Ctx, id: number): Promise<KbArticle> {
  return presentArticle(db, ctx.actor, await loadReadableArticle(db, ctx.actor, id));
}

async function ownEntityId(db: Db, ctx: Ctx): Promise<number> {
  const me = await db.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
  return me.entity_id;
}

/** Known-error fields are kept only on known errors. */
function knownErrorColumns(kind: string, body: { symptom?: string | null; cause?: string | null; workaround?: string | null; fix?: string | null }) {
  const keep = kind === "known_error";
  const value = (v: string | null | undefined) => (keep && v ? v : null);
  return { symptom: value(body.symptom), cause: value(body.cause), workaround: value(body.workaround), fix: value(body.fix) };
}

/** A new article is a draft, revision 1; kb.manage publishes it. */
export async function createArticle(ctx: Ctx, input: CreateKbArticleBody): Promise<KbArticle> {
  const body = CreateKbArticleBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const entityId = body.entityId ?? (await ownEntityId(trx, ctx));
    if (!(await trx.selectFrom("entity").select("id").where("id", "=", entityId).executeTakeFirst())) throw notFound("ENTITY_NOT_FOUND", `Entity ${entityId}`);
    await assertCan(trx, ctx.actor, "kb.write", entityId);
    await checkCategory(trx, body.categoryId, entityId);
    const at = now();
    const values = {
      entity_id: entityId, is_recursive: flag(body.isRecursive), kind: body.kind, title: body.title, body: body.body,
      // A new article has no files yet: an image of another article's file shows as missing.
      body_html: renderMarkdown(body.body, new Set()), ...knownErrorColumns(body.kind, body), status: "draft", audience: body.audience,
      language: body.language, category_id: body.categoryId, author_id: ctx.actor.userId, author_name: ctx.actor.name,
      reviewer_id: null, reviewer_name: null, reviewed_at: null, review_due_at: body.reviewDueAt, published_at: null,
      revision: 1, version: 1, starter_key: null, created_at: at, updated_at: at,
    };
    const row = await trx.insertInto("kb_article").values(values).returning("id").executeTakeFirstOrThrow();
    await insertRevision(trx, ctx.actor, { id: row.id, ...values });
    await replaceTags(trx, row.id, body.tags);
    if (body.kind === "known_error") await replaceTargets(trx, row.id, entityId, body.targets);
    for (const ticketId of body.ticketIds) await linkTicketRow(trx, ctx, row.id, ticketId);
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: row.id, entityId, action: "create", label: body.title });
    return row.id;
  });
  return presentArticleById(ctx.db, ctx, id);
}

/** Links a ticket the caller may read; linking twice changes nothing. */
export async function linkTicketRow(db: Db, ctx: Ctx, articleId: number, ticketId: number): Promise<void> {
  await loadReadableTicket(db, ctx.actor, ticketId);
  await db.insertInto("kb_article_ticket").values({ article_id: articleId, ticket_id: ticketId, created_at: now() })
    .onConflict((oc) => oc.doNothing()).execute();
}

const TEXT_FIELDS = ["title", "body", "symptom", "cause", "workaround", "fix"] as const;

function historyFields(row: KbArticleRow) {
  return { kind: row.kind, title: row.title, audience: row.audience, language: row.language, categoryId: row.category_id,
    isRecursive: row.is_recursive === 1, reviewDueAt: row.review_due_at, status: row.status, revision: row.revision };
}

/**
 * Saves a change. A change of the text (title, body, known-error fields) is a new revision;
 * a stale `version` answers KB_ARTICLE_VERSION_CONFLICT and saves nothing.
 */
export async function updateArticle(ctx: Ctx, id: number, input: UpdateKbArticleBody): Promise<KbArticle> {
  const body = UpdateKbArticleBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableArticle(trx, ctx.actor, id, { version: body.version });
    const kind = body.kind ?? row.kind;
    if (body.categoryId !== undefined) await checkCategory(trx, body.categoryId, row.entity_id);
    const text = {
      title: body.title ?? row.title, body: body.body ?? row.body,
      ...knownErrorColumns(kind, { symptom: pick(body.symptom, row.symptom), cause: pick(body.cause, row.cause),
        workaround: pick(body.workaround, row.workaround), fix: pick(body.fix, row.fix) }),
    };
    const textChanged = TEXT_FIELDS.some((f) => text[f] !== row[f]);
    const set: Updateable<KbArticleTable> = {
      ...text, kind, body_html: text.body === row.body ? row.body_html : renderMarkdown(text.body, await articleFileIds(trx, id)),
      audience: body.audience, language: body.language, category_id: body.categoryId,
      is_recursive: body.isRecursive === undefined ? undefined : flag(body.isRecursive), review_due_at: body.reviewDueAt,
      revision: textChanged ? row.revision + 1 : row.revision, version: row.version + 1, updated_at: now(),
    };
    const result = await trx.updateTable("kb_article").set(set).where("id", "=", id).where("version", "=", row.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("KB_ARTICLE_VERSION_CONFLICT", `Article ${id} changed meanwhile`);
    if (textChanged) await insertRevision(trx, ctx.actor, { id, revision: row.revision + 1, ...text });
    if (body.tags) await replaceTags(trx, id, body.tags);
    if (body.targets || kind !== "known_error") await replaceTargets(trx, id, row.entity_id, kind === "known_error" ? body.targets ?? [] : []);
    const after = { kind, title: text.title, audience: body.audience, language: body.language, categoryId: body.categoryId,
      isRecursive: body.isRecursive, reviewDueAt: body.reviewDueAt, revision: textChanged ? row.revision + 1 : undefined };
    const changes = diffFields(historyFields(row), after);
    if (changes.length > 0) await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: id, entityId: row.entity_id, action: "update", changes });
  });
  return presentArticleById(ctx.db, ctx, id);
}

/** A field left out keeps its value; null clears it. */
function pick(given: string | null | undefined, current: string | null): string | null {
  return given === undefined ? current : given;
}
