/**
 * The full-text queries, one per kind, each branched on the dialect (the indexes differ, see
 * migration 2026_11_25_120000_search_index). SQLite reads FTS5 tables and ranks with bm25();
 * PostgreSQL reads the side tables' stored vectors (GIN) and ranks with ts_rank_cd(). Both are
 * the `f` alias, joined to the indexed table by id. `where` is the caller's permissions, on the aliases
 * `t` (ticket), `u` (app_user), `a` (asset or kb_article).
 *
 * Ranking everything a 2-letter prefix matches in a million tickets would take seconds, so the
 * newest matches (candidates()) are ranked: for a service desk, the recent tickets are the ones sought.
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";
import { dialectOf } from "../../db/dialect.js";
import { type Term, ftsMatch } from "./query.js";

/** The palette shows 5 per kind: ranking its newest 50 matches is enough, and a page of 50 ranks 200. */
function candidates(limit: number): number {
  return Math.max(50, limit * 4);
}

export type Mode = "all" | "any";
type Search = { terms: Term[]; mode: Mode; where: RawBuilder<SqlBool>; limit: number };

/** PostgreSQL: each term's prefixes through both stemmers (`imprim:*`), the terms AND-ed (or OR-ed). */
function tsQuery(terms: Term[], mode: Mode, configs: string[], stems: boolean): RawBuilder<unknown> {
  const groups = terms.map((t) => {
    const prefixes = stems ? t.prefixes : [t.word];
    const parts = prefixes.flatMap((p) => configs.map((c) => sql`to_tsquery(${sql.lit(c)}::regconfig, ${`${p}:*`})`));
    return sql`(${sql.join(parts, sql` || `)})`;
  });
  return sql`(${sql.join(groups, mode === "all" ? sql` && ` : sql` || `)})`;
}

const TEXT_CONFIGS = ["vigie_fr", "vigie_en"];
const KEY_CONFIGS = ["vigie_simple"];

export type TicketMatch = { id: number; title: string; description: string; status: string; is_open: number; updated_at: string };

export async function matchTickets(db: Db, s: Search & { openOnly?: boolean }): Promise<TicketMatch[]> {
  const open = s.openOnly ? sql`and t.is_open = 1` : sql``;
  if (dialectOf(db) === "postgres") {
    const q = tsQuery(s.terms, s.mode, TEXT_CONFIGS, true);
    const r = await sql<TicketMatch>`select c.id, c.title, c.description, c.status, c.is_open, c.updated_at from (
        select t.id, t.title, t.description, t.status, t.is_open, t.updated_at, f.vec from search_ticket f join ticket t on t.id = f.id
        where f.vec @@ ${q} and ${s.where} ${open} order by f.id desc limit ${candidates(s.limit)}
      ) c order by ts_rank_cd(c.vec, ${q}) desc, c.id desc limit ${s.limit}`.execute(db);
    return r.rows;
  }
  const r = await sql<TicketMatch>`select c.id, c.title, c.description, c.status, c.is_open, c.updated_at from (
      select t.id, t.title, t.description, t.status, t.is_open, t.updated_at, bm25(search_ticket, 10.0, 1.0) as score
      from search_ticket f join ticket t on t.id = f.rowid
      where search_ticket match ${ftsMatch(s.terms, s.mode)} and ${s.where} ${open} order by f.rowid desc limit ${candidates(s.limit)}
    ) c order by c.score, c.id desc limit ${s.limit}`.execute(db);
  return r.rows;
}

/** A ticket found by one of its followups: `content` is that followup's text, for the snippet. */
export type FollowupMatch = TicketMatch & { content: string };

/**
 * Tickets whose conversation matches, one row per matching followup (newest first among the
 * candidates); `publicOnly` leaves private followups out (for requesters).
 */
export async function matchTicketsByFollowup(db: Db, s: Search & { publicOnly: boolean }): Promise<FollowupMatch[]> {
  const visible = s.publicOnly ? sql`and fu.is_private = 0` : sql``;
  if (dialectOf(db) === "postgres") {
    const q = tsQuery(s.terms, s.mode, TEXT_CONFIGS, true);
    const r = await sql<FollowupMatch>`select c.id, c.title, c.description, c.status, c.is_open, c.updated_at, c.content from (
        select t.id, t.title, t.description, t.status, t.is_open, t.updated_at, fu.content, f.vec
        from search_followup f join ticket_followup fu on fu.id = f.id join ticket t on t.id = fu.ticket_id
        where f.vec @@ ${q} and ${s.where} ${visible} order by f.id desc limit ${candidates(s.limit)}
      ) c order by ts_rank_cd(c.vec, ${q}) desc, c.id desc limit ${s.limit}`.execute(db);
    return r.rows;
  }
  const r = await sql<FollowupMatch>`select c.id, c.title, c.description, c.status, c.is_open, c.updated_at, c.content from (
      select t.id, t.title, t.description, t.status, t.is_open, t.updated_at, fu.content, bm25(search_followup) as score
      from search_followup f join ticket_followup fu on fu.id = f.rowid join ticket t on t.id = fu.ticket_id
      where search_followup match ${ftsMatch(s.terms, s.mode)} and ${s.where} ${visible} order by f.rowid desc limit ${candidates(s.limit)}
    ) c order by c.score, c.id desc limit ${s.limit}`.execute(db);
  return r.rows;
}

export type UserMatch = { id: number; first_name: string; last_name: string; login: string; email: string | null; phone: string | null };

export async function matchUsers(db: Db, s: Search): Promise<UserMatch[]> {
  if (dialectOf(db) === "postgres") {
    const q = tsQuery(s.terms, s.mode, KEY_CONFIGS, false);
    const r = await sql<UserMatch>`select u.id, u.first_name, u.last_name, u.login, u.email, u.phone
      from search_user f join app_user u on u.id = f.id
      where f.vec @@ ${q} and ${s.where} order by ts_rank_cd(f.vec, ${q}) desc, u.sort_name, u.id limit ${s.limit}`.execute(db);
    return r.rows;
  }
  const r = await sql<UserMatch>`select u.id, u.first_name, u.last_name, u.login, u.email, u.phone
    from search_user f join app_user u on u.id = f.rowid
    where search_user match ${ftsMatch(s.terms, s.mode, { stems: false })} and ${s.where}
    order by bm25(search_user, 10.0, 5.0, 3.0, 3.0), u.sort_name, u.id limit ${s.limit}`.execute(db);
  return r.rows;
}

export type AssetMatch = { id: number; name: string; asset_tag: string; serial: string | null; hostname: string | null; details: string | null };

export async function matchAssets(db: Db, s: Search): Promise<AssetMatch[]> {
  if (dialectOf(db) === "postgres") {
    const q = tsQuery(s.terms, s.mode, KEY_CONFIGS, false);
    const r = await sql<AssetMatch>`select a.id, a.name, a.asset_tag, a.serial, ai.hostname, ai.details
      from search_asset f join asset a on a.id = f.id left join asset_inventory ai on ai.asset_id = a.id
      where f.vec @@ ${q} and ${s.where} order by ts_rank_cd(f.vec, ${q}) desc, a.id desc limit ${s.limit}`.execute(db);
    return r.rows;
  }
  const r = await sql<AssetMatch>`select a.id, a.name, a.asset_tag, a.serial, ai.hostname, ai.details
    from search_asset f join asset a on a.id = f.rowid left join asset_inventory ai on ai.asset_id = a.id
    where search_asset match ${ftsMatch(s.terms, s.mode, { stems: false })} and ${s.where}
    order by bm25(search_asset, 10.0, 10.0, 5.0, 1.0), a.id desc limit ${s.limit}`.execute(db);
  return r.rows;
}

export type ArticleMatch = {
  id: number; title: string; body: string; symptom: string | null; cause: string | null; workaround: string | null; fix: string | null;
  kind: string; status: string; audience: string;
};

const ARTICLE_COLUMNS = sql`a.id, a.title, a.body, a.symptom, a.cause, a.workaround, a.fix, a.kind, a.status, a.audience`;

export async function matchArticles(db: Db, s: Search): Promise<ArticleMatch[]> {
  if (dialectOf(db) === "postgres") {
    const q = tsQuery(s.terms, s.mode, TEXT_CONFIGS, true);
    const r = await sql<ArticleMatch & { vec?: unknown }>`select c.* from (
        select ${ARTICLE_COLUMNS}, f.vec from search_article f join kb_article a on a.id = f.id
        where f.vec @@ ${q} and ${s.where} order by f.id desc limit ${candidates(s.limit)}
      ) c order by ts_rank_cd(c.vec, ${q}) desc, c.id desc limit ${s.limit}`.execute(db);
    return r.rows.map(({ vec: _vec, ...row }) => row);
  }
  const r = await sql<ArticleMatch>`select c.* from (
      select ${ARTICLE_COLUMNS}, bm25(search_article, 10.0, 1.0, 2.0, 1.0, 1.0, 1.0) as score
      from search_article f join kb_article a on a.id = f.rowid
      where search_article match ${ftsMatch(s.terms, s.mode)} and ${s.where} order by f.rowid desc limit ${candidates(s.limit)}
    ) c order by c.score, c.id desc limit ${s.limit}`.execute(db);
  return r.rows.map(({ score: _score, ...row }: ArticleMatch & { score?: number }) => row);
}

const trigramSeen = new WeakMap<object, boolean>();

async function hasTrigrams(db: Db): Promise<boolean> {
  const key = db.getExecutor();
  const known = trigramSeen.get(key);
  if (known !== undefined) return known;
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
  const has = (r.rows[0]?.n ?? 0) > 0;
  trigramSeen.set(key, has);
  return has;
}

/**
 * Typo tolerance, PostgreSQL only: article titles like the query by trigram similarity
 * ("imprimente" → "imprimante"), for when the full-text search found nothing.
 */
export async function matchArticlesBySimilarity(db: Db, text: string, where: RawBuilder<SqlBool>, limit: number): Promise<ArticleMatch[]> {
  if (dialectOf(db) !== "postgres" || text.trim().length < 4 || !(await hasTrigrams(db))) return [];
  const q = text.trim().toLowerCase().slice(0, 100);
  const r = await sql<ArticleMatch>`select ${ARTICLE_COLUMNS} from kb_article a
    where lower(a.title) % ${q} and ${where} order by similarity(lower(a.title), ${q}) desc, a.id desc limit ${limit}`.execute(db);
  return r.rows;
}
