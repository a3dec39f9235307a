import { z } from "zod";
import { IdParamsSchema, PageQuerySchema } from "../../../shared/api/common.js";
import {
  CreateKbArticleBodySchema, CreateKbCategoryBodySchema, KbArticlePageSchema, KbArticleParamsSchema, KbArticleSchema,
  KbArticleTicketParamsSchema, KbCategoryListSchema, KbCategoryParamsSchema, KbCategorySchema, KbDiffQuerySchema, KbDiffSchema,
  KbDraftSchema, KbLinkTicketBodySchema, KbPreviewBodySchema, KbPreviewSchema, KbReviewBodySchema, KbRevisionPageSchema,
  KbRevisionParamsSchema, KbRevisionSchema, KbStarterResultSchema, KbStatusBodySchema, KbVersionBodySchema, KbVoteBodySchema,
  ListKbArticlesQuerySchema, ListKbCategoriesQuerySchema, UpdateKbArticleBodySchema, UpdateKbCategoryBodySchema,
} from "../../../shared/api/kb.js";
import { type RouteSpec, route } from "../../http/route.js";
import { entityScope } from "../identity/access.js";
import { linkArticleTicket, reviewArticle, setArticleStatus, unlinkArticleTicket, voteArticle } from "./article-workflow.service.js";
import { createArticle, getArticle, listArticles, updateArticle } from "./article.service.js";
import { createKbCategory, deleteKbCategory, listKbCategories, updateKbCategory } from "./kb-category.service.js";
import { kbFileRoutes } from "./kb-file.routes.js";
import { previewMarkdown } from "./kb-file.service.js";
import { diffRevisions, getRevision, listRevisions, restoreRevision } from "./revision.service.js";
import { draftFromTicket } from "./solution-draft.service.js";
import { loadStarterFor } from "./starter/starter.service.js";

const tag = "kb";
const articles = "/api/kb/articles";

/** The knowledge base: articles, known errors, revisions, votes. */
export const kbRoutes: RouteSpec[] = [
  route({ method: "GET", url: articles, tag, auth: "user",
    summary: "Articles the caller may read, newest first (technicians: every article of their entities; requesters: published FAQ articles); filters by category, tag, status, kind, audience, language, title words; `dueForReview` lists the review queue",
    query: ListKbArticlesQuerySchema, response: KbArticlePageSchema, handler: (ctx, { query }) => listArticles(ctx, query) }),
  route({ method: "POST", url: articles, tag, auth: "user", status: 201,
    summary: "Writes a new article or known error as a draft (kb.write in its entity); its first revision",
    body: CreateKbArticleBodySchema, response: KbArticleSchema, handler: (ctx, { body }) => createArticle(ctx, body) }),
  route({ method: "GET", url: `${articles}/:id`, tag, auth: "user",
    summary: "One article, its body rendered and sanitized; counts one view per reader and day",
    params: KbArticleParamsSchema, response: KbArticleSchema, handler: (ctx, { params }) => getArticle(ctx, params.id) }),
  route({ method: "PATCH", url: `${articles}/:id`, tag, auth: "user",
    summary: "Saves changes (kb.write); a change of the text is a new revision; a stale `version` answers 409",
    params: KbArticleParamsSchema, body: UpdateKbArticleBodySchema, response: KbArticleSchema,
    handler: (ctx, { params, body }) => updateArticle(ctx, params.id, body) }),
  route({ method: "POST", url: `${articles}/:id/status`, tag, auth: "user",
    summary: "Publishes, archives or returns an article to draft (kb.manage)",
    params: KbArticleParamsSchema, body: KbStatusBodySchema, response: KbArticleSchema,
    handler: (ctx, { params, body }) => setArticleStatus(ctx, params.id, body.status, body.version) }),
  route({ method: "POST", url: `${articles}/:id/review`, tag, auth: "user",
    summary: "Marks the article reviewed by the caller now (kb.manage); the next review is on `nextReviewAt` or a year later",
    params: KbArticleParamsSchema, body: KbReviewBodySchema, response: KbArticleSchema,
    handler: (ctx, { params, body }) => reviewArticle(ctx, params.id, body) }),
  route({ method: "PUT", url: `${articles}/:id/vote`, tag, auth: "user",
    summary: "\"Was this useful?\": the caller's vote, one per reader, changeable",
    params: KbArticleParamsSchema, body: KbVoteBodySchema, response: KbArticleSchema,
    handler: (ctx, { params, body }) => voteArticle(ctx, params.id, body.useful) }),
  route({ method: "POST", url: `${articles}/:id/tickets`, tag, auth: "user",
    summary: "Links a ticket the caller reads to the article (kb.write)",
    params: KbArticleParamsSchema, body: KbLinkTicketBodySchema, response: KbArticleSchema,
    handler: (ctx, { params, body }) => linkArticleTicket(ctx, params.id, body.ticketId) }),
  route({ method: "DELETE", url: `${articles}/:id/tickets/:ticketId`, tag, auth: "user",
    summary: "Unlinks a ticket from the article (kb.write)",
    params: KbArticleTicketParamsSchema, response: KbArticleSchema,
    handler: (ctx, { params }) => unlinkArticleTicket(ctx, params.id, params.ticketId) }),
  route({ method: "GET", url: `${articles}/:id/revisions`, tag, auth: "user",
    summary: "The article's revisions, newest first (staff only)",
    params: KbArticleParamsSchema, query: PageQuerySchema, response: KbRevisionPageSchema,
    handler: (ctx, { params, query }) => listRevisions(ctx, params.id, query) }),
  route({ method: "GET", url: `${articles}/:id/revisions/:revision`, tag, auth: "user",
    summary: "One revision's text (staff only)",
    params: KbRevisionParamsSchema, response: KbRevisionSchema, handler: (ctx, { params }) => getRevision(ctx, params.id, params.revision) }),
  route({ method: "POST", url: `${articles}/:id/revisions/:revision/restore`, tag, auth: "user",
    summary: "Makes an old revision's text current again, as a new revision (kb.write; stale `version` answers 409)",
    params: KbRevisionParamsSchema, body: KbVersionBodySchema, response: KbArticleSchema,
    handler: (ctx, { params, body }) => restoreRevision(ctx, params.id, params.revision, body.version) }),
  route({ method: "GET", url: `${articles}/:id/diff`, tag, auth: "user",
    summary: "What changed between two revisions, field by field (words for the title, lines for the text)",
    params: KbArticleParamsSchema, query: KbDiffQuerySchema, response: KbDiffSchema,
    handler: (ctx, { params, query }) => diffRevisions(ctx, params.id, query.from, query.to) }),
  route({ method: "POST", url: "/api/kb/preview", tag, auth: "user",
    summary: "Renders Markdown as an article would show it (sanitized), for the editor's preview; images of KB files show only when they are `articleId`'s",
    body: KbPreviewBodySchema, response: KbPreviewSchema, handler: async (ctx, { body }) => {
      entityScope(ctx.actor, "kb.write");
      return { html: await previewMarkdown(ctx, body.body, body.articleId) };
    } }),
  route({ method: "GET", url: "/api/tickets/:id/kb-draft", tag, auth: "user",
    summary: "A known-error draft pre-filled from a solved ticket the caller reads (title, symptom, fix, category, link); nothing is saved",
    params: IdParamsSchema, response: KbDraftSchema, handler: (ctx, { params }) => draftFromTicket(ctx, params.id) }),
  route({ method: "GET", url: "/api/kb/categories", tag, auth: "user",
    summary: "The KB categories of the caller's entities and their parents, in tree order, with how many articles the caller may read in each (in one `language` if given)",
    query: ListKbCategoriesQuerySchema, response: KbCategoryListSchema, handler: (ctx, { query }) => listKbCategories(ctx, query) }),
  route({ method: "POST", url: "/api/kb/categories", tag, auth: "user", status: 201,
    summary: "Creates a KB category (kb.manage)", body: CreateKbCategoryBodySchema, response: KbCategorySchema,
    handler: (ctx, { body }) => createKbCategory(ctx, body) }),
  route({ method: "PATCH", url: "/api/kb/categories/:id", tag, auth: "user",
    summary: "Renames or moves a KB category (kb.manage)", params: KbCategoryParamsSchema, body: UpdateKbCategoryBodySchema,
    response: KbCategorySchema, handler: (ctx, { params, body }) => updateKbCategory(ctx, params.id, body) }),
  route({ method: "DELETE", url: "/api/kb/categories/:id", tag, auth: "user", status: 204,
    summary: "Deletes an empty KB category (kb.manage)", params: KbCategoryParamsSchema, response: z.null(),
    handler: async (ctx, { params }) => { await deleteKbCategory(ctx, params.id); return null; } }),
  route({ method: "POST", url: "/api/kb/starter", tag, auth: "user",
    summary: "Loads the starter library (French and English articles for the everyday failures) into the root entity; kb.manage there; loading it again adds nothing",
    response: KbStarterResultSchema, handler: (ctx) => loadStarterFor(ctx) }),
  ...kbFileRoutes,
];
