import type { KbArticle, KbStatus } from "../../../shared/api/kb.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { loadReadableArticle, loadWritableArticle } from "./article-access.js";
import { linkTicketRow, presentArticleById } from "./article.service.js";

/** A published article is due for review a year later, unless the reviewer says otherwise. */
function inAYear(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/** draft → published → archived (and back): publishing and archiving are kb.manage's. */
export async function setArticleStatus(ctx: Ctx, id: number, status: KbStatus, version: number): Promise<KbArticle> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableArticle(trx, ctx.actor, id, { version, permission: "kb.manage" });
    if (row.status === status) return;
    const publishing = status === "published" && row.published_at === null;
    await trx.updateTable("kb_article").set({
      status, version: row.version + 1, updated_at: now(),
      published_at: publishing ? now() : row.published_at,
      review_due_at: publishing && row.review_due_at === null ? inAYear() : row.review_due_at,
    }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: id, entityId: row.entity_id, action: "update",
      changes: [{ field: "status", oldValue: row.status, newValue: status }] });
  });
  return presentArticleById(ctx.db, ctx, id);
}

/** The reviewer vouches for the article now; the next review is on `nextReviewAt` or a year later. */
export async function reviewArticle(ctx: Ctx, id: number, body: { version: number; nextReviewAt: string | null }): Promise<KbArticle> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableArticle(trx, ctx.actor, id, { version: body.version, permission: "kb.manage" });
    const next = body.nextReviewAt ?? inAYear();
    await trx.updateTable("kb_article").set({
      reviewer_id: ctx.actor.userId, reviewer_name: ctx.actor.name, reviewed_at: now(), review_due_at: next,
      version: row.version + 1, updated_at: now(),
    }).where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: id, entityId: row.entity_id, action: "update",
      changes: [{ field: "reviewDueAt", oldValue: row.review_due_at, newValue: next }] });
  });
  return presentArticleById(ctx.db, ctx, id);
}

/** "Was this useful?": one vote per reader, changeable. */
export async function voteArticle(ctx: Ctx, id: number, useful: boolean): Promise<KbArticle> {
  await ctx.db.transaction().execute(async (trx) => {
    await loadReadableArticle(trx, ctx.actor, id);
    await trx.insertInto("kb_vote").values({ article_id: id, user_id: ctx.actor.userId, useful: flag(useful), voted_at: now() })
      .onConflict((oc) => oc.columns(["article_id", "user_id"]).doUpdateSet({ useful: flag(useful), voted_at: now() })).execute();
  });
  return presentArticleById(ctx.db, ctx, id);
}

export async function linkArticleTicket(ctx: Ctx, id: number, ticketId: number): Promise<KbArticle> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableArticle(trx, ctx.actor, id);
    await linkTicketRow(trx, ctx, id, ticketId);
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: id, entityId: row.entity_id, action: "link", field: "ticket", label: `#${ticketId}` });
  });
  return presentArticleById(ctx.db, ctx, id);
}

export async function unlinkArticleTicket(ctx: Ctx, id: number, ticketId: number): Promise<KbArticle> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableArticle(trx, ctx.actor, id);
    const done = await trx.deleteFrom("kb_article_ticket").where("article_id", "=", id).where("ticket_id", "=", ticketId).executeTakeFirst();
    if (Number(done.numDeletedRows) === 0) throw new AppError("NOT_FOUND", `Ticket ${ticketId} is not linked to article ${id}`);
    await recordHistory(trx, ctx.actor, { recordType: "kb_article", recordId: id, entityId: row.entity_id, action: "unlink", field: "ticket", label: `#${ticketId}` });
  });
  return presentArticleById(ctx.db, ctx, id);
}
