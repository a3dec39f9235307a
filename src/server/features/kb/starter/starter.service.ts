import type { Kysely } from "kysely";
import { findRootEntityRow } from "../../identity/entity.repo.js";
import type { DB } from "../../../db/schema.js";
import type { Db } from "../../../db/database.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { forbidden } from "../../../http/errors.js";
import { recordHistory } from "../../history/history.service.js";
import { type Actor, allows, roleOn } from "../../identity/access.js";
import { renderMarkdown } from "../kb-markdown.js";
import { STARTER_EN } from "./starter-en.js";
import { STARTER_FR } from "./starter-fr.js";
import type { StarterArticle } from "./starter-types.js";

const LIBRARY: { language: "fr" | "en"; articles: StarterArticle[] }[] = [
  { language: "fr", articles: STARTER_FR },
  { language: "en", articles: STARTER_EN },
];

async function categoryId(db: Db, rootId: number, name: string, at: string): Promise<number> {
  const found = await db.selectFrom("kb_category").select("id").where("entity_id", "=", rootId).where("parent_id", "is", null)
    .where("name", "=", name).executeTakeFirst();
  if (found) return found.id;
  const row = await db.insertInto("kb_category").values({ entity_id: rootId, parent_id: null, name, created_at: at, updated_at: at })
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

async function insertStarterArticle(db: Db, actor: Actor | undefined, rootId: number, language: "fr" | "en", spec: StarterArticle, at: string) {
  const author = actor?.name ?? "Vigie";
  const text = { title: spec.title, body: spec.body, symptom: spec.knownError?.symptom ?? null, cause: spec.knownError?.cause ?? null,
    workaround: spec.knownError?.workaround ?? null, fix: spec.knownError?.fix ?? null };
  const row = await db.insertInto("kb_article").values({
    entity_id: rootId, is_recursive: 1, kind: spec.knownError ? "known_error" : "article", ...text, body_html: renderMarkdown(spec.body),
    status: "published", audience: spec.audience, language, category_id: await categoryId(db, rootId, spec.category, at),
    author_id: actor?.userId ?? null, author_name: author, reviewer_id: null, reviewer_name: null, reviewed_at: null,
    review_due_at: null, published_at: at, revision: 1, version: 1, starter_key: `${language}:${spec.key}`, created_at: at, updated_at: at,
  }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("kb_revision").values({ article_id: row.id, number: 1, ...text, author_id: actor?.userId ?? null, author_name: author, created_at: at }).execute();
  await db.insertInto("kb_article_tag").values([...new Set(spec.tags)].map((tag) => ({ article_id: row.id, tag }))).execute();
  await recordHistory(db, actor, { recordType: "kb_article", recordId: row.id, entityId: rootId, action: "create", label: spec.title });
}

/**
 * Loads the starter library (French and English) into the root entity, published and visible
 * everywhere. Articles already loaded (by key) are skipped, so running it twice adds nothing.
 */
export async function loadStarterLibrary(db: Kysely<DB>, actor?: Actor): Promise<{ added: number; alreadyThere: number }> {
  return db.transaction().execute(async (trx) => {
    const root = await findRootEntityRow(trx);
    if (!root) throw new Error("No root entity: Vigie is not set up yet");
    const present = new Set((await trx.selectFrom("kb_article").select("starter_key").where("starter_key", "is not", null).execute()).map((r) => r.starter_key));
    const at = now();
    let added = 0;
    for (const { language, articles } of LIBRARY) {
      for (const spec of articles) {
        if (present.has(`${language}:${spec.key}`)) continue;
        await insertStarterArticle(trx, actor, root.id, language, spec, at);
        added += 1;
      }
    }
    return { added, alreadyThere: present.size };
  });
}

/** Offered at setup and on an empty KB home: kb.manage on the root entity. */
export async function loadStarterFor(ctx: Ctx): Promise<{ added: number; alreadyThere: number }> {
  const root = await findRootEntityRow(ctx.db);
  if (!root || !allows(await roleOn(ctx.db, ctx.actor, root.id), "kb.manage")) throw forbidden();
  return loadStarterLibrary(ctx.db, ctx.actor);
}
