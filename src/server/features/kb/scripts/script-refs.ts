/**
 * The checks of a graph that need the database: the article, category and group an outcome names
 * must exist and be visible in the script's entity, else a run there could not apply it.
 */
import { type SqlBool, sql } from "kysely";
import type { GraphIssue, ScriptGraph } from "../../../../shared/api/kb-scripts.js";
import type { Db } from "../../../db/database.js";
import { visibleIn } from "../../../db/tree.js";
import { outcomeRefs } from "./script-graph.js";

/** Defined in the entity itself, or in a parent and shared with its sub-entities (groups, articles). */
function ownOrShared(entityId: number, recursiveColumn: string) {
  return sql<SqlBool>`(entity_id = ${entityId} or (${sql.ref(recursiveColumn)} = 1 and ${visibleIn("entity_id", entityId)}))`;
}

/** The ids among `ids` that are visible in `entityId`, per kind. */
async function visibleIds(db: Db, kind: "article" | "category" | "group", ids: number[], entityId: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let rows: { id: number }[];
  if (kind === "category") {
    rows = await db.selectFrom("ticket_category").select("id").where("id", "in", ids).where(visibleIn("entity_id", entityId)).execute();
  } else if (kind === "group") {
    rows = await db.selectFrom("user_group").select("id").where("id", "in", ids).where(ownOrShared(entityId, "recursive")).execute();
  } else {
    // kb_article is the articles' module table (contract of issue 5): read by its agreed columns only.
    const found = await sql<{ id: number }>`select id from kb_article where id in (${sql.join(ids)})
      and status <> 'archived' and ${ownOrShared(entityId, "is_recursive")}`.execute(db);
    rows = found.rows;
  }
  return new Set(rows.map((r) => Number(r.id)));
}

const CODES = { article: "ARTICLE_UNKNOWN", category: "CATEGORY_UNKNOWN", group: "GROUP_UNKNOWN" } as const;

export async function checkOutcomeRefs(db: Db, graph: ScriptGraph, entityId: number): Promise<GraphIssue[]> {
  const refs = outcomeRefs(graph);
  const issues: GraphIssue[] = [];
  for (const kind of ["article", "category", "group"] as const) {
    const wanted = refs.filter((r) => r.kind === kind);
    const visible = await visibleIds(db, kind, [...new Set(wanted.map((r) => r.id))], entityId);
    for (const r of wanted) if (!visible.has(r.id)) issues.push({ nodeId: r.nodeId, code: CODES[kind] });
  }
  return issues;
}

/** The title of an article the run shows, or null when it is gone. */
export async function articleTitle(db: Db, id: number): Promise<string | null> {
  const found = await sql<{ title: string }>`select title from kb_article where id = ${id}`.execute(db);
  return found.rows[0]?.title ?? null;
}
