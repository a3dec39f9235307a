/**
 * The global search: one query, results grouped by kind, each kind filtered by the caller's
 * rights in one place (search-access.ts). Any text is a valid query (query.ts): the worst it
 * gets is an empty result.
 */
import { sql } from "kysely";
import type {
  ArticleHit, AssetHit, SearchKind, SearchQuery, SearchResults, TicketHit, UserHit,
} from "../../../shared/api/search.js";
import { SEARCH_KINDS } from "../../../shared/api/search.js";
import type { Ctx } from "../../http/context.js";
import { highlight, snippet } from "./highlight.js";
import { type Term, parseQuery, ticketNumberOf } from "./query.js";
import { isTicketStaff, readableArticlesFor, readableAssets, readableTickets, readableUsers } from "./search-access.js";
import {
  type ArticleMatch, type AssetMatch, type FollowupMatch, type TicketMatch, type UserMatch, matchArticles, matchArticlesBySimilarity, matchAssets,
  matchTickets, matchTicketsByFollowup, matchUsers,
} from "./search.repo.js";

export function toTicketHit(row: TicketMatch, terms: Term[]): TicketHit {
  return {
    id: row.id, title: row.title, titleHtml: highlight(row.title, terms), snippet: snippet(row.description, terms),
    status: row.status, isOpen: Number(row.is_open) === 1, updatedAt: row.updated_at,
  };
}

function toUserHit(row: UserMatch, terms: Term[]): UserHit {
  const name = `${row.first_name} ${row.last_name}`.trim();
  return { id: row.id, name, nameHtml: highlight(name, terms), login: row.login, email: row.email, phone: row.phone };
}

/** Host name, MACs and IPv4 addresses of the last inventory (its details are JSON written by the inventory module). */
function networkText(row: AssetMatch): string {
  const parts = [row.hostname ?? ""];
  try {
    const details = JSON.parse(row.details ?? "{}") as { networks?: { mac?: string | null; ipv4?: string[] }[] };
    for (const n of details.networks ?? []) parts.push(n.mac ?? "", ...(n.ipv4 ?? []));
  } catch {
    // Unreadable details: the name, tag and serial still show.
  }
  return parts.filter((p) => p !== "").join(" ");
}

function toAssetHit(row: AssetMatch, terms: Term[]): AssetHit {
  return {
    id: row.id, name: row.name, nameHtml: highlight(row.name, terms), assetTag: row.asset_tag, serial: row.serial,
    snippet: highlight(networkText(row), terms),
  };
}

export function toArticleHit(row: ArticleMatch, terms: Term[]): ArticleHit {
  const text = [row.symptom, row.body, row.cause, row.workaround, row.fix].filter((p) => p).join(" — ");
  return {
    id: row.id, title: row.title, titleHtml: highlight(row.title, terms), snippet: snippet(text, terms),
    kind: row.kind, status: row.status, audience: row.audience,
  };
}

/** The ticket whose number was typed, when the caller may read it. */
async function ticketByNumber(ctx: Ctx, text: string): Promise<TicketMatch | undefined> {
  const number = ticketNumberOf(text);
  if (number === null) return undefined;
  const r = await sql<TicketMatch>`select t.id, t.title, t.description, t.status, t.is_open, t.updated_at from ticket t
    where t.id = ${number} and ${readableTickets(ctx.actor)}`.execute(ctx.db);
  return r.rows[0];
}

/** A ticket found through its conversation: the snippet is the followup that matched. */
function toFollowupHit(row: FollowupMatch, terms: Term[]): TicketHit {
  return { ...toTicketHit(row, terms), snippet: snippet(row.content, terms) };
}

/**
 * The typed ticket number first, then tickets matching by title or description, then those
 * matching only by a followup (private ones for staff only), each ticket once.
 */
async function searchTickets(ctx: Ctx, text: string, terms: Term[], limit: number): Promise<{ hits: TicketHit[]; number: number | null }> {
  const where = readableTickets(ctx.actor);
  const [byNumber, matches, byFollowup] = await Promise.all([
    ticketByNumber(ctx, text),
    terms.length > 0 ? matchTickets(ctx.db, { terms, mode: "all", where, limit }) : [],
    terms.length > 0 ? matchTicketsByFollowup(ctx.db, { terms, mode: "all", where, limit, publicOnly: !isTicketStaff(ctx.actor) }) : [],
  ]);
  const seen = new Set<number>();
  const hits: TicketHit[] = [];
  const add = (id: number, hit: () => TicketHit) => {
    if (seen.has(id) || hits.length >= limit) return;
    seen.add(id);
    hits.push(hit());
  };
  if (byNumber) add(byNumber.id, () => toTicketHit(byNumber, terms));
  for (const m of matches) add(m.id, () => toTicketHit(m, terms));
  for (const m of byFollowup) add(m.id, () => toFollowupHit(m, terms));
  return { hits, number: byNumber?.id ?? null };
}

async function searchUsers(ctx: Ctx, terms: Term[], limit: number): Promise<UserHit[]> {
  const where = readableUsers(ctx.actor);
  if (!where || terms.length === 0) return [];
  return (await matchUsers(ctx.db, { terms, mode: "all", where, limit })).map((r) => toUserHit(r, terms));
}

async function searchAssets(ctx: Ctx, terms: Term[], limit: number): Promise<AssetHit[]> {
  const where = readableAssets(ctx.actor);
  if (!where || terms.length === 0) return [];
  return (await matchAssets(ctx.db, { terms, mode: "all", where, limit })).map((r) => toAssetHit(r, terms));
}

/**
 * Articles the caller may read, best first, with highlighted snippets: for the global search,
 * the knowledge base's list and the diagnostic scripts' article picker. `audience: "portal"`
 * keeps to the published portal FAQ. On PostgreSQL, a query that matches no word falls back to
 * titles that look like it (typos).
 */
export async function searchArticles(ctx: Ctx, input: { q: string; limit: number; audience?: "portal" }): Promise<ArticleHit[]> {
  const terms = parseQuery(input.q);
  if (terms.length === 0) return [];
  const where = readableArticlesFor(ctx.actor, input.audience);
  let rows = await matchArticles(ctx.db, { terms, mode: "all", where, limit: input.limit });
  if (rows.length === 0) rows = await matchArticlesBySimilarity(ctx.db, input.q, where, input.limit);
  return rows.map((r) => toArticleHit(r, terms));
}

/** GET /api/search: every kind asked for (all by default), grouped, a typed ticket number first. */
export async function globalSearch(ctx: Ctx, query: SearchQuery): Promise<SearchResults> {
  const kinds = new Set<SearchKind>(query.kinds?.length ? query.kinds : SEARCH_KINDS);
  const terms = parseQuery(query.q);
  const limit = query.limit;
  const [tickets, users, assets, articles] = await Promise.all([
    kinds.has("tickets") ? searchTickets(ctx, query.q, terms, limit) : { hits: [], number: null },
    kinds.has("users") ? searchUsers(ctx, terms, limit) : [],
    kinds.has("assets") ? searchAssets(ctx, terms, limit) : [],
    kinds.has("articles") ? searchArticles(ctx, { q: query.q, limit }) : [],
  ]);
  return { ticketNumber: tickets.number, tickets: tickets.hits, users, assets, articles };
}
