/**
 * Scripts and their versions. Every save writes a new immutable version after the graph passed
 * every check; the problems are named by node (422 SCRIPT_GRAPH_INVALID) so the editor marks them.
 */
import { sql } from "kysely";
import type { Page } from "../../../../shared/api/common.js";
import {
  type GraphIssue, type ListScriptsQuery, type SaveScriptBody, SaveScriptBodySchema, type Script, type ScriptGraph,
  ScriptGraphSchema, type ScriptSummary, type ScriptVersion,
} from "../../../../shared/api/kb-scripts.js";
import type { ValidationIssue } from "../../../../shared/api/errors.js";
import type { Db } from "../../../db/database.js";
import type { KbScriptRow } from "../../../db/schema.js";
import { flag, now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { AppError, forbidden } from "../../../http/errors.js";
import type { Actor } from "../../identity/access.js";
import { assertCan } from "../../identity/access.js";
import { audienceOf, loadVisibleScript, servesScope } from "./script-access.js";
import { checkGraph } from "./script-graph.js";
import { checkOutcomeRefs } from "./script-refs.js";
import { recentStats } from "./script-stats.service.js";

function toSummary(row: KbScriptRow, stats?: { runs: number; solvedShare: number | null }): ScriptSummary {
  return {
    id: row.id, entityId: row.entity_id, name: row.name, description: row.description, forPortal: row.for_portal === 1,
    language: row.language as ScriptSummary["language"], isActive: row.is_active === 1, version: row.version,
    updatedAt: row.updated_at, runs: stats?.runs ?? 0, solvedShare: stats?.solvedShare ?? null,
  };
}

export function parseGraph(text: string): ScriptGraph {
  return ScriptGraphSchema.parse(JSON.parse(text));
}

/** Staff: every script serving their entities, with last month's use; requesters: the active portal ones. */
export async function listScripts(ctx: Ctx, query: ListScriptsQuery): Promise<Page<ScriptSummary>> {
  const { audience, scope } = audienceOf(ctx.actor);
  let q = ctx.db.selectFrom("kb_script").selectAll().where(servesScope("entity_id", scope));
  if (audience === "portal" || query.portal) q = q.where("for_portal", "=", 1).where("is_active", "=", 1);
  if (query.language) q = q.where("language", "=", query.language);
  // Words of the name, whatever their case (like is case-sensitive on PostgreSQL).
  if (query.q) q = q.where(sql<string>`lower(name)`, "like", `%${query.q.replace(/[%_]/g, "").toLowerCase()}%`);
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, ["string", "number"]) as [string, number];
    q = q.where((eb) => eb.or([eb("name", ">", name), eb.and([eb("name", "=", name), eb("id", ">", id)])]));
  }
  const rows = await q.orderBy("name").orderBy("id").limit(query.limit + 1).execute();
  const stats = audience === "staff" ? await recentStats(ctx.db, rows.slice(0, query.limit).map((r) => r.id)) : new Map();
  return toPage(rows, query.limit, (r) => toSummary(r, stats.get(r.id)), (r) => [r.name, r.id]);
}

export async function presentScript(db: Db, row: KbScriptRow): Promise<Script> {
  const version = await db.selectFrom("kb_script_version").select(["id", "graph"])
    .where("id", "=", row.current_version_id as number).executeTakeFirstOrThrow();
  const stats = (await recentStats(db, [row.id])).get(row.id);
  return { ...toSummary(row, stats), versionId: version.id, graph: parseGraph(version.graph) };
}

export async function getScript(ctx: Ctx, id: number): Promise<Script> {
  const { row } = await loadVisibleScript(ctx.db, ctx.actor, id);
  return presentScript(ctx.db, row);
}

/** Every problem of the graph, the shape's first, then the references' (only once the shape is sound). */
export async function graphIssues(db: Db, graph: ScriptGraph, entityId: number): Promise<GraphIssue[]> {
  const issues = checkGraph(graph);
  return issues.length > 0 ? issues : checkOutcomeRefs(db, graph, entityId);
}

function refuse(issues: GraphIssue[]): AppError {
  const asIssues: ValidationIssue[] = issues.map((i) => ({
    path: i.nodeId === null ? "graph.start" : `graph.node.${i.nodeId}${i.answer === undefined ? "" : `.answers.${i.answer}`}`,
    message: i.code, code: i.code,
  }));
  return new AppError("SCRIPT_GRAPH_INVALID", `The script's graph has ${issues.length} problem(s)`, asIssues);
}

async function writeVersion(db: Db, actor: Actor | undefined, scriptId: number, version: number, graph: ScriptGraph) {
  return db.insertInto("kb_script_version").values({
    script_id: scriptId, version, graph: JSON.stringify(graph), author_id: actor?.userId ?? null,
    author_name: actor?.name ?? "Vigie", created_at: now(),
  }).returning("id").executeTakeFirstOrThrow();
}

/** Inserts a script and its first version; the caller checked rights and the graph. */
export async function insertScript(db: Db, actor: Actor | undefined, body: ReturnType<typeof SaveScriptBodySchema.parse>, starterKey?: string) {
  const at = now();
  const { id } = await db.insertInto("kb_script").values({
    entity_id: body.entityId, name: body.name, description: body.description, for_portal: flag(body.forPortal),
    language: body.language, is_active: flag(body.isActive), current_version_id: null, version: 1,
    starter_key: starterKey ?? null, created_at: at, updated_at: at,
  }).returning("id").executeTakeFirstOrThrow();
  const version = await writeVersion(db, actor, id, 1, body.graph);
  await db.updateTable("kb_script").set({ current_version_id: version.id }).where("id", "=", id).execute();
  return id;
}

export async function createScript(ctx: Ctx, input: SaveScriptBody): Promise<Script> {
  const body = SaveScriptBodySchema.parse(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertCan(trx, ctx.actor, "kb.manage", body.entityId);
    const issues = await graphIssues(trx, body.graph, body.entityId);
    if (issues.length > 0) throw refuse(issues);
    return insertScript(trx, ctx.actor, body);
  });
  return getScript(ctx, id);
}

/** A save is a new version: runs already recorded keep pointing at the one they started on. */
export async function updateScript(ctx: Ctx, id: number, input: SaveScriptBody): Promise<Script> {
  const body = SaveScriptBodySchema.parse(input);
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadVisibleScript(trx, ctx.actor, id);
    await assertCan(trx, ctx.actor, "kb.manage", row.entity_id);
    if (body.entityId !== row.entity_id) await assertCan(trx, ctx.actor, "kb.manage", body.entityId);
    const issues = await graphIssues(trx, body.graph, body.entityId);
    if (issues.length > 0) throw refuse(issues);
    const version = await writeVersion(trx, ctx.actor, id, row.version + 1, body.graph);
    await trx.updateTable("kb_script").set({
      entity_id: body.entityId, name: body.name, description: body.description, for_portal: flag(body.forPortal),
      language: body.language, is_active: flag(body.isActive), current_version_id: version.id, version: row.version + 1,
      updated_at: now(),
    }).where("id", "=", id).execute();
  });
  return getScript(ctx, id);
}

/** Checks a graph without saving it: the editor's "check" button. */
export async function validateScript(ctx: Ctx, input: SaveScriptBody): Promise<{ issues: GraphIssue[] }> {
  const body = SaveScriptBodySchema.parse(input);
  await assertCan(ctx.db, ctx.actor, "kb.manage", body.entityId);
  return { issues: await graphIssues(ctx.db, body.graph, body.entityId) };
}

async function loadManagedScript(ctx: Ctx, id: number): Promise<KbScriptRow> {
  const { row, audience } = await loadVisibleScript(ctx.db, ctx.actor, id);
  if (audience !== "staff") throw forbidden();
  return row;
}

export async function listVersions(ctx: Ctx, id: number) {
  await loadManagedScript(ctx, id);
  const rows = await ctx.db.selectFrom("kb_script_version").selectAll().where("script_id", "=", id)
    .orderBy("version", "desc").limit(500).execute();
  return { data: rows.map((r) => ({ id: r.id, version: r.version, authorName: r.author_name, createdAt: r.created_at,
    nodes: parseGraph(r.graph).nodes.length })) };
}

export async function getVersion(ctx: Ctx, id: number, version: number): Promise<ScriptVersion> {
  await loadManagedScript(ctx, id);
  const r = await ctx.db.selectFrom("kb_script_version").selectAll().where("script_id", "=", id)
    .where("version", "=", version).executeTakeFirst();
  if (!r) throw new AppError("SCRIPT_NOT_FOUND", `Script ${id} has no version ${version}`);
  const graph = parseGraph(r.graph);
  return { id: r.id, version: r.version, authorName: r.author_name, createdAt: r.created_at, nodes: graph.nodes.length, graph };
}
