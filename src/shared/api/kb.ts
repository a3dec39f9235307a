import { z } from "zod";
import { IdSchema, PageQuerySchema, QueryBoolSchema, pageOf } from "./common.js";
import { KbFileSchema } from "./kb-files.js";

/** The knowledge base: articles and known errors, their revisions, categories, votes and the portal FAQ. */
export const KB_KINDS = ["article", "known_error"] as const;
export const KB_STATUSES = ["draft", "published", "archived"] as const;
export const KB_AUDIENCES = ["internal", "portal"] as const;
export const KB_LANGUAGES = ["fr", "en"] as const;
export const KB_TARGET_TYPES = ["ticket_category", "asset_model", "software"] as const;
export type KbKind = (typeof KB_KINDS)[number];
export type KbStatus = (typeof KB_STATUSES)[number];
export type KbAudience = (typeof KB_AUDIENCES)[number];
export type KbTargetType = (typeof KB_TARGET_TYPES)[number];

export const KB_BODY_MAX = 200_000;
const TAG = z.string().trim().toLowerCase().min(1).max(40);
const knownErrorText = z.string().max(20_000).nullable();

export const KbArticleParamsSchema = z.object({ id: IdSchema });
export const KbRevisionParamsSchema = z.object({ id: IdSchema, revision: IdSchema });
export const KbArticleTicketParamsSchema = z.object({ id: IdSchema, ticketId: IdSchema });

export const KbTargetSchema = z.object({ type: z.enum(KB_TARGET_TYPES), id: z.number().int(), name: z.string() });
export type KbTarget = z.infer<typeof KbTargetSchema>;

export const KbArticleSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(KB_KINDS),
  title: z.string(),
  status: z.enum(KB_STATUSES),
  audience: z.enum(KB_AUDIENCES),
  language: z.enum(KB_LANGUAGES),
  entityId: z.number(),
  categoryId: z.number().nullable(),
  viewCount: z.number(),
  reviewDueAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type KbArticleSummary = z.infer<typeof KbArticleSummarySchema>;

export const KbArticleSchema = KbArticleSummarySchema.extend({
  isRecursive: z.boolean(),
  /** Markdown as written. */
  body: z.string(),
  /** The body rendered and sanitized: safe to insert as HTML. */
  bodyHtml: z.string(),
  symptom: z.string().nullable(),
  cause: z.string().nullable(),
  workaround: z.string().nullable(),
  fix: z.string().nullable(),
  categoryName: z.string().nullable(),
  tags: z.array(z.string()),
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  revision: z.number(),
  version: z.number(),
  votes: z.object({ useful: z.number(), notUseful: z.number(), mine: z.boolean().nullable() }),
  /** The tickets this article came from or helped solve that the caller may read. */
  tickets: z.array(z.object({ id: z.number(), title: z.string(), status: z.string() })),
  targets: z.array(KbTargetSchema),
  /** Its images and documents, in upload order (KB_FILES_MAX at most). */
  files: z.array(KbFileSchema),
  /** What the caller may do: the web app shows buttons by it, the server enforces it. */
  canWrite: z.boolean(),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type KbArticle = z.infer<typeof KbArticleSchema>;

export const KbArticlePageSchema = pageOf(KbArticleSummarySchema);

export const ListKbArticlesQuerySchema = PageQuerySchema.extend({
  /** Words of the title, until the search module ranks articles. */
  q: z.string().trim().max(200).optional(),
  categoryId: IdSchema.optional(),
  tag: TAG.optional(),
  status: z.enum(KB_STATUSES).optional(),
  kind: z.enum(KB_KINDS).optional(),
  audience: z.enum(KB_AUDIENCES).optional(),
  language: z.enum(KB_LANGUAGES).optional(),
  /** Published articles whose review date has come, soonest first. */
  dueForReview: QueryBoolSchema.optional(),
});
export type ListKbArticlesQuery = z.infer<typeof ListKbArticlesQuerySchema>;

const articleFields = {
  kind: z.enum(KB_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(KB_BODY_MAX),
  symptom: knownErrorText.optional(),
  cause: knownErrorText.optional(),
  workaround: knownErrorText.optional(),
  fix: knownErrorText.optional(),
  audience: z.enum(KB_AUDIENCES),
  language: z.enum(KB_LANGUAGES),
  isRecursive: z.boolean(),
  categoryId: IdSchema.nullable(),
  tags: z.array(TAG).max(20),
  targets: z.array(z.object({ type: z.enum(KB_TARGET_TYPES), id: IdSchema })).max(50),
  reviewDueAt: z.iso.date().nullable(),
};

export const CreateKbArticleBodySchema = z.object({
  ...articleFields,
  entityId: IdSchema.optional(),
  audience: articleFields.audience.default("internal"),
  language: articleFields.language.default("fr"),
  isRecursive: articleFields.isRecursive.default(true),
  categoryId: articleFields.categoryId.default(null),
  tags: articleFields.tags.default([]),
  targets: articleFields.targets.default([]),
  reviewDueAt: articleFields.reviewDueAt.default(null),
  /** Tickets to link at creation, e.g. the solved ticket the article was drafted from. */
  ticketIds: z.array(IdSchema).max(20).default([]),
});
export type CreateKbArticleBody = z.input<typeof CreateKbArticleBodySchema>;

/** Every field is optional; `version` is the one read, so a stale save answers 409. */
export const UpdateKbArticleBodySchema = z.object({ ...articleFields, version: z.number().int() }).partial({
  kind: true, title: true, body: true, audience: true, language: true, isRecursive: true, categoryId: true, tags: true,
  targets: true, reviewDueAt: true,
});
export type UpdateKbArticleBody = z.input<typeof UpdateKbArticleBodySchema>;

export const KbVersionBodySchema = z.object({ version: z.number().int() });
export const KbStatusBodySchema = z.object({ status: z.enum(KB_STATUSES), version: z.number().int() });
export const KbReviewBodySchema = z.object({ version: z.number().int(), nextReviewAt: z.iso.date().nullable().default(null) });
export const KbVoteBodySchema = z.object({ useful: z.boolean() });
export const KbLinkTicketBodySchema = z.object({ ticketId: IdSchema });
/** `articleId`: the article being edited, whose files its images may show (others show as missing). */
export const KbPreviewBodySchema = z.object({ body: z.string().max(KB_BODY_MAX), articleId: IdSchema.optional() });
export const KbPreviewSchema = z.object({ html: z.string() });

export const KbRevisionSummarySchema = z.object({ number: z.number(), title: z.string(), authorName: z.string(), createdAt: z.string() });
export const KbRevisionSchema = KbRevisionSummarySchema.extend({
  body: z.string(), symptom: z.string().nullable(), cause: z.string().nullable(), workaround: z.string().nullable(), fix: z.string().nullable(),
});
export type KbRevision = z.infer<typeof KbRevisionSchema>;
export const KbRevisionPageSchema = pageOf(KbRevisionSummarySchema);

export const KbDiffQuerySchema = z.object({ from: IdSchema, to: IdSchema });
/** One field's changes: the text in runs kept, added or removed, in order. */
export const KbDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  fields: z.array(z.object({
    field: z.enum(["title", "body", "symptom", "cause", "workaround", "fix"]),
    parts: z.array(z.object({ value: z.string(), change: z.enum(["same", "added", "removed"]) })),
  })),
});
export type KbDiff = z.infer<typeof KbDiffSchema>;

export const KbCategorySchema = z.object({
  id: z.number(), entityId: z.number(), parentId: z.number().nullable(), name: z.string(),
  completeName: z.string(), depth: z.number(), articleCount: z.number(),
});
export type KbCategory = z.infer<typeof KbCategorySchema>;
export const KbCategoryListSchema = z.object({ data: z.array(KbCategorySchema) });
export const CreateKbCategoryBodySchema = z.object({
  name: z.string().trim().min(1).max(100), parentId: IdSchema.nullable().default(null), entityId: IdSchema.optional(),
});
export const UpdateKbCategoryBodySchema = z.object({ name: z.string().trim().min(1).max(100).optional(), parentId: IdSchema.nullable().optional() });
export const KbCategoryParamsSchema = z.object({ id: IdSchema });
/** `language`: count only the articles in that language. */
export const ListKbCategoriesQuerySchema = z.object({ language: z.enum(KB_LANGUAGES).optional() });

/** A draft pre-filled from a solved ticket, for the editor: nothing is saved yet. */
export const KbDraftSchema = z.object({
  kind: z.enum(KB_KINDS), title: z.string(), body: z.string(), symptom: z.string().nullable(), fix: z.string().nullable(),
  entityId: z.number(), categoryId: z.number().nullable(), targets: z.array(KbTargetSchema), ticketIds: z.array(z.number()),
});
export type KbDraft = z.infer<typeof KbDraftSchema>;

export const KbStarterResultSchema = z.object({ added: z.number(), alreadyThere: z.number() });
