/**
 * Suggestions while a ticket is typed (the technicians' form and the portal's), and the
 * deflections: requests a FAQ article solved before they were sent, counted per article.
 */
import type {
  CreateDeflectionBody, Deflection, DeflectionStats, DeflectionStatsQuery, Suggestions, SuggestionsQuery,
} from "../../../shared/api/search.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden } from "../../http/errors.js";
import { allows, entityScope, inScope } from "../identity/access.js";
import { readableArticleIds } from "../kb/article-access.js";
import { parseLooseQuery } from "./query.js";
import { isTicketStaff, readableArticlesFor, readableTickets } from "./search-access.js";
import { matchArticles, matchTickets } from "./search.repo.js";
import { toArticleHit, toTicketHit } from "./search.service.js";

const SUGGESTIONS = 5;

/**
 * Articles and open tickets sharing words with the title (first) and description: any word may
 * match, the ones sharing most rank first. A requester gets the published portal articles and
 * their own open tickets (to follow one up instead of asking twice).
 */
export async function suggest(ctx: Ctx, query: SuggestionsQuery): Promise<Suggestions> {
  const terms = parseLooseQuery(`${query.title} ${query.description}`);
  if (terms.length === 0) return { articles: [], tickets: [] };
  const audience = isTicketStaff(ctx.actor) ? undefined : "portal";
  const [articles, tickets] = await Promise.all([
    matchArticles(ctx.db, { terms, mode: "any", where: readableArticlesFor(ctx.actor, audience), limit: SUGGESTIONS }),
    matchTickets(ctx.db, { terms, mode: "any", where: readableTickets(ctx.actor), limit: SUGGESTIONS, openOnly: true }),
  ]);
  return { articles: articles.map((r) => toArticleHit(r, terms)), tickets: tickets.map((r) => toTicketHit(r, terms)) };
}

/**
 * The requester read a suggested article and says it solved the problem: their request is
 * not sent, and the article gets the credit. The article must be one they may read.
 */
export async function recordDeflection(ctx: Ctx, body: CreateDeflectionBody): Promise<Deflection> {
  return ctx.db.transaction().execute(async (trx) => {
    const [readable] = await readableArticleIds(trx, ctx.actor, [body.articleId]);
    if (readable === undefined) throw new AppError("KB_ARTICLE_NOT_FOUND", `Article ${body.articleId}`);
    const user = await trx.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
    const row = await trx.insertInto("search_deflection")
      .values({ article_id: body.articleId, user_id: ctx.actor.userId, entity_id: user.entity_id, query: body.query, created_at: now() })
      .returning(["id", "article_id", "created_at"]).executeTakeFirstOrThrow();
    return { id: row.id, articleId: row.article_id, createdAt: row.created_at };
  });
}

/** How many requests the FAQ closed, overall and per article, in the supervisor's entities (kb.manage). */
export async function deflectionStats(ctx: Ctx, query: DeflectionStatsQuery): Promise<DeflectionStats> {
  if (!ctx.actor.grants.some((g) => allows(g.role, "kb.manage"))) throw forbidden();
  let base = ctx.db.selectFrom("search_deflection as d").where(inScope("d.entity_id", entityScope(ctx.actor, "kb.manage")));
  if (query.from) base = base.where("d.created_at", ">=", new Date(query.from).toISOString());
  if (query.to) base = base.where("d.created_at", "<", new Date(query.to).toISOString());
  const [total, perArticle] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.innerJoin("kb_article as a", "a.id", "d.article_id")
      .select(["d.article_id", "a.title", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["d.article_id", "a.title"]).orderBy("n", "desc").orderBy("d.article_id").limit(50).execute(),
  ]);
  return {
    total: Number(total.n),
    articles: perArticle.map((r) => ({ articleId: r.article_id, title: r.title, count: Number(r.n) })),
  };
}
