/**
 * Loads the starter library on the root entity, in French and English: nine scripts each for the
 * failures a hotline hears most. Outcomes name groups, categories and articles by name; what this
 * organisation lacks is left generic (an escalation without a group, the steps instead of an article).
 * Loading it twice adds nothing: each script keeps its starter key.
 */
import { sql } from "kysely";
import { findRootEntityRow } from "../../../identity/entity.repo.js";
import type { Outcome, ScriptGraph, ScriptNode } from "../../../../../shared/api/kb-scripts.js";
import { SaveScriptBodySchema } from "../../../../../shared/api/kb-scripts.js";
import type { Db } from "../../../../db/database.js";
import { foldText } from "../../../../db/values.js";
import type { Ctx } from "../../../../http/context.js";
import { forbidden } from "../../../../http/errors.js";
import { type Actor, assertCan } from "../../../identity/access.js";
import { checkGraph } from "../script-graph.js";
import { insertScript } from "../script.service.js";
import { DEVICE_SCRIPTS } from "./starter-devices.js";
import { NETWORK_SCRIPTS } from "./starter-network.js";
import type { StarterNode, StarterScript } from "./starter-types.js";

export const STARTER_SCRIPTS: StarterScript[] = [...DEVICE_SCRIPTS, ...NETWORK_SCRIPTS];
const LANGS = ["fr", "en"] as const;
type Lang = (typeof LANGS)[number];

type Lookup = {
  groups: { id: number; name: string }[];
  categories: { id: number; name: string }[];
  articles: { id: number; title: string; language: string; starter_key: string | null }[];
};

async function lookup(db: Db, rootId: number): Promise<Lookup> {
  const groups = await db.selectFrom("user_group").select(["id", "name"]).where("entity_id", "=", rootId).orderBy("id").limit(500).execute();
  const categories = await db.selectFrom("ticket_category").select(["id", "complete_name as name"]).where("entity_id", "=", rootId)
    .where("is_active", "=", 1).orderBy("id").limit(2000).execute();
  // kb_article belongs to the articles' module (contract of issue 5): published articles of the root only.
  const articles = await sql<Lookup["articles"][number]>`select id, title, language, starter_key from kb_article
    where entity_id = ${rootId} and status = 'published' order by id limit 2000`.execute(db);
  return { groups, categories, articles: articles.rows };
}

function findGroup(l: Lookup, names: readonly string[] | undefined): number | null {
  for (const name of names ?? []) {
    const hit = l.groups.find((g) => foldText(g.name).includes(foldText(name)));
    if (hit) return hit.id;
  }
  return null;
}

function toOutcome(node: StarterNode, lang: Lang, l: Lookup): Outcome {
  const i = lang === "fr" ? 0 : 1;
  if ("solve" in node) return { kind: "solve", text: node.solve[i] };
  if ("escalate" in node) return { kind: "escalate", groupId: findGroup(l, node.escalate.groups), text: node.escalate.note[i] };
  if ("article" in node) {
    const titles = node.article.titles.map(foldText);
    const key = node.article.starterKey ? `${lang}:${node.article.starterKey}` : undefined;
    const article = l.articles.find((a) => key !== undefined && a.starter_key === key)
      ?? l.articles.find((a) => a.language === lang && titles.includes(foldText(a.title)))
      ?? l.articles.find((a) => titles.includes(foldText(a.title)));
    return article ? { kind: "article", articleId: Number(article.id) } : { kind: "solve", text: node.article.fallback[i] };
  }
  if ("fields" in node) {
    const category = l.categories.find((c) => foldText(c.name) === foldText(node.fields.category ?? ""));
    return { kind: "fields", categoryId: category?.id ?? null, priority: node.fields.priority ?? null, groupId: findGroup(l, node.fields.groups) };
  }
  throw new Error(`starter node ${node.id} has no outcome`);
}

export function starterGraph(script: StarterScript, lang: Lang, l: Lookup): ScriptGraph {
  const i = lang === "fr" ? 0 : 1;
  const nodes: ScriptNode[] = script.nodes.map((n) => ("q" in n
    ? { id: n.id, type: "question", text: n.q[i], ...(n.help ? { help: n.help[i] } : {}),
      answers: n.answers.map(([label, next]) => ({ label: label[i], next })) }
    : { id: n.id, type: "outcome", title: n.title[i], outcome: toOutcome(n, lang, l) }));
  return { start: script.nodes[0]?.id ?? "", nodes };
}

/** Adds the starter scripts the root does not have yet; returns how many were created and skipped. */
export async function loadStarterLibrary(db: Db, actor: Actor | undefined, rootId: number) {
  const l = await lookup(db, rootId);
  const have = new Set((await db.selectFrom("kb_script").select("starter_key").where("starter_key", "is not", null).execute())
    .map((r) => r.starter_key));
  let created = 0;
  let skipped = 0;
  for (const script of STARTER_SCRIPTS) {
    for (const lang of LANGS) {
      const key = `${script.key}-${lang}`;
      const graph = starterGraph(script, lang, l);
      if (have.has(key) || checkGraph(graph).length > 0) {
        skipped++;
        continue;
      }
      const i = lang === "fr" ? 0 : 1;
      await insertScript(db, actor, SaveScriptBodySchema.parse({ entityId: rootId, name: script.name[i], description: script.description[i],
        forPortal: script.forPortal, language: lang, isActive: true, graph }), key);
      created++;
    }
  }
  return { created, skipped };
}

/** Setup: a supervisor of the whole organisation loads the library (kb.manage on the root entity). */
export async function loadStarterScripts(ctx: Ctx) {
  const root = await findRootEntityRow(ctx.db);
  if (!root) throw forbidden();
  await assertCan(ctx.db, ctx.actor, "kb.manage", root.id);
  return ctx.db.transaction().execute((trx) => loadStarterLibrary(trx, ctx.actor, root.id));
}
