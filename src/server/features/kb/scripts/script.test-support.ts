/** Helpers for the scripts' tests: a published article row (the articles' table, by the contract) and small graphs. */
import { type Kysely, sql } from "kysely";
import type { Outcome, ScriptGraph } from "../../../../shared/api/kb-scripts.js";
import type { DB } from "../../../db/schema.js";

export async function insertArticle(db: Kysely<DB>, opts: { entityId: number; title: string; language?: string; audience?: string }): Promise<number> {
  const at = new Date().toISOString();
  const row = await sql<{ id: number }>`insert into kb_article (entity_id, is_recursive, kind, title, body, body_html, status, audience,
    language, author_name, revision, version, created_at, updated_at)
    values (${opts.entityId}, 1, 'article', ${opts.title}, 'Étapes', '<p>Étapes</p>', 'published', ${opts.audience ?? "internal"},
    ${opts.language ?? "fr"}, 'Test', 1, 1, ${at}, ${at}) returning id`.execute(db);
  return Number(row.rows[0]?.id);
}

/** "Is it on?" → yes: the outcome given; no: a prepared solution. */
export function twoWayGraph(outcome: Outcome, question = "L'imprimante est-elle allumée ?"): ScriptGraph {
  return {
    start: "on",
    nodes: [
      { id: "on", type: "question", text: question, answers: [{ label: "Oui", next: "queue" }, { label: "Non", next: "power" }] },
      { id: "queue", type: "question", text: "Des documents bloqués ?", answers: [{ label: "Oui", next: "end" }, { label: "Non", next: "power" }] },
      { id: "power", type: "outcome", title: "Allumer", outcome: { kind: "solve", text: "Allumer l'imprimante." } },
      { id: "end", type: "outcome", title: "Résultat", outcome },
    ],
  };
}
