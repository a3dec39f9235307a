/**
 * The global search (tickets, users, assets, knowledge-base articles), the suggestions shown
 * while a ticket is typed, and the deflections they bring. Any text is a valid query: it is cut
 * to its first 200 characters and 12 words, and what the full-text syntax would read as
 * operators is dropped on the server, so a query never fails, it only finds less.
 */
import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common.js";

export const SEARCH_KINDS = ["tickets", "users", "assets", "articles"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The most characters of a query the server reads; the rest is ignored, not refused. */
export const SEARCH_QUERY_MAX = 200;

const anyText = (max: number) => z.string().default("").transform((v) => v.slice(0, max));

export const SearchQuerySchema = z.object({
  q: anyText(SEARCH_QUERY_MAX),
  /** Comma-separated kinds; all the caller may read when absent. */
  kinds: z.string().max(100).optional()
    .transform((v) => (v ? v.split(",").map((k) => k.trim()).filter((k) => k !== "") : undefined))
    .pipe(z.array(z.enum(SEARCH_KINDS)).optional()),
  /** Results per kind. */
  limit: z.coerce.number().int().min(1).max(50).default(5),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/**
 * `titleHtml` and `snippet` are HTML whose only tag is `<mark>` around the words that matched;
 * everything else in them is escaped text.
 */
export const TicketHitSchema = z.object({
  id: z.number(),
  title: z.string(),
  titleHtml: z.string(),
  snippet: z.string(),
  status: z.string(),
  isOpen: z.boolean(),
  updatedAt: TimestampSchema,
});
export type TicketHit = z.infer<typeof TicketHitSchema>;

export const UserHitSchema = z.object({
  id: z.number(),
  name: z.string(),
  nameHtml: z.string(),
  login: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type UserHit = z.infer<typeof UserHitSchema>;

export const AssetHitSchema = z.object({
  id: z.number(),
  name: z.string(),
  nameHtml: z.string(),
  assetTag: z.string(),
  serial: z.string().nullable(),
  /** Host name, MAC and IP addresses from the last inventory, highlighted. */
  snippet: z.string(),
});
export type AssetHit = z.infer<typeof AssetHitSchema>;

export const ArticleHitSchema = z.object({
  id: z.number(),
  title: z.string(),
  titleHtml: z.string(),
  snippet: z.string(),
  kind: z.string(),
  status: z.string(),
  audience: z.string(),
});
export type ArticleHit = z.infer<typeof ArticleHitSchema>;

export const SearchResultsSchema = z.object({
  /** The ticket whose number the query is ("#123", "123"), when the caller may read it: open it first. */
  ticketNumber: z.number().nullable(),
  tickets: z.array(TicketHitSchema),
  users: z.array(UserHitSchema),
  assets: z.array(AssetHitSchema),
  articles: z.array(ArticleHitSchema),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;

export const SuggestionsQuerySchema = z.object({
  title: anyText(SEARCH_QUERY_MAX),
  description: anyText(2000),
});
export type SuggestionsQuery = z.infer<typeof SuggestionsQuerySchema>;

export const SuggestionsSchema = z.object({
  articles: z.array(ArticleHitSchema),
  /** Open tickets like this one: a requester's own, a technician's in their entities. */
  tickets: z.array(TicketHitSchema),
});
export type Suggestions = z.infer<typeof SuggestionsSchema>;

export const CreateDeflectionBodySchema = z.object({
  articleId: IdSchema,
  /** What the requester had typed; kept cut to 500 characters. */
  query: z.string().default("").transform((v) => v.slice(0, 500)),
});
export type CreateDeflectionBody = z.infer<typeof CreateDeflectionBodySchema>;

export const DeflectionSchema = z.object({ id: z.number(), articleId: z.number(), createdAt: TimestampSchema });
export type Deflection = z.infer<typeof DeflectionSchema>;

export const DeflectionStatsQuerySchema = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
export type DeflectionStatsQuery = z.infer<typeof DeflectionStatsQuerySchema>;

export const DeflectionStatsSchema = z.object({
  total: z.number(),
  /** The articles that closed the most requests first (at most 50). */
  articles: z.array(z.object({ articleId: z.number(), title: z.string(), count: z.number() })),
});
export type DeflectionStats = z.infer<typeof DeflectionStatsSchema>;
