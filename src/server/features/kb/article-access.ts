/**
 * Who reads which article, in one place. An article belongs to an entity and, when recursive,
 * shows in its sub-entities too. Technicians (kb.read) read every article visible in their
 * entities, drafts included; requesters (portal.use) read only the published portal ones.
 * The search module calls readableArticleIds() to filter its hits with the same rule.
 */
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { KbArticleRow } from "./kb.table.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { type Actor, type EntityScope, allows, entityScope, inScope, roleOn } from "../identity/access.js";

function scopeOrNull(actor: Actor, permission: "kb.read" | "portal.use"): EntityScope | null {
  try {
    return entityScope(actor, permission);
  } catch {
    return null;
  }
}

/** The article (alias `a`) is visible in one of the scope's entities: its own, or a sub-entity when recursive. */
function visibleInScope(scope: EntityScope): RawBuilder<SqlBool> {
  if (scope.everything) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`exists (select 1 from entity_closure kc where kc.ancestor_id = a.entity_id
    and (kc.depth = 0 or a.is_recursive = 1) and ${inScope("kc.descendant_id", scope)})`;
}

/**
 * The SQL condition on `kb_article as a` that keeps what the actor may read;
 * `1 = 0` when they may read nothing, so a list is empty rather than refused.
 */
export function readableArticles(actor: Actor): RawBuilder<SqlBool> {
  const staff = scopeOrNull(actor, "kb.read");
  const portal = scopeOrNull(actor, "portal.use");
  const parts: RawBuilder<SqlBool>[] = [];
  if (staff) parts.push(visibleInScope(staff));
  if (portal) parts.push(sql<SqlBool>`(a.status = 'published' and a.audience = 'portal' and ${visibleInScope(portal)})`);
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Of `ids`, those the actor may read (for the search module's hits). */
export async function readableArticleIds(db: Db, actor: Actor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("kb_article as a").select("a.id").where("a.id", "in", ids).where(readableArticles(actor)).execute();
  return rows.map((r) => r.id);
}

/** The article, or KB_ARTICLE_NOT_FOUND; FORBIDDEN when it exists but is not for the actor. */
export async function loadReadableArticle(db: Db, actor: Actor, id: number): Promise<KbArticleRow> {
  const row = await db.selectFrom("kb_article as a").selectAll("a").where("a.id", "=", id).where(readableArticles(actor)).executeTakeFirst();
  if (row) return row;
  const exists = await db.selectFrom("kb_article").select("id").where("id", "=", id).executeTakeFirst();
  if (!exists) throw notFound("KB_ARTICLE_NOT_FOUND", `Article ${id}`);
  throw forbidden();
}

/** For the staff's views (revisions, diffs): readable through kb.read, whatever its status. */
export async function loadStaffReadableArticle(db: Db, actor: Actor, id: number): Promise<KbArticleRow> {
  const row = await loadReadableArticle(db, actor, id);
  const staff = scopeOrNull(actor, "kb.read");
  if (!staff) throw forbidden();
  const visible = await db.selectFrom("kb_article as a").select("a.id").where("a.id", "=", id).where(visibleInScope(staff)).executeTakeFirst();
  if (!visible) throw forbidden();
  return row;
}

/** kb.write (or kb.manage) on the article's own entity; `version`, when given, must be the current one. */
export async function loadWritableArticle(
  db: Db, actor: Actor, id: number, opts: { version?: number; permission?: "kb.write" | "kb.manage" } = {},
): Promise<KbArticleRow> {
  const row = await db.selectFrom("kb_article").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("KB_ARTICLE_NOT_FOUND", `Article ${id}`);
  if (!allows(await roleOn(db, actor, row.entity_id), opts.permission ?? "kb.write")) {
    // Someone who cannot even read it learns nothing more than a reader would.
    await loadReadableArticle(db, actor, id);
    throw forbidden();
  }
  if (opts.version !== undefined && opts.version !== row.version) {
    throw new AppError("KB_ARTICLE_VERSION_CONFLICT", `Article ${id} changed meanwhile (version ${row.version}, you sent ${opts.version})`);
  }
  return row;
}

/** Whether the actor holds `permission` on the article's entity (for the buttons the web app shows). */
export async function canOnArticle(db: Db, actor: Actor, row: KbArticleRow, permission: "kb.write" | "kb.manage"): Promise<boolean> {
  return allows(await roleOn(db, actor, row.entity_id), permission);
}
