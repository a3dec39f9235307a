/**
 * Running a script: the version is fixed at start, the path of answers is kept on the server,
 * one step back is allowed until the outcome is applied. Only the one who started a run drives it.
 */
import type { Outcome, RunStep, ScriptGraph, ScriptNode, ScriptRun, StartRunBody } from "../../../../shared/api/kb-scripts.js";
import type { Db } from "../../../db/database.js";
import type { KbScriptRunRow } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { AppError, forbidden, notFound } from "../../../http/errors.js";
import { entityScope } from "../../identity/access.js";
import { loadWritableTicket } from "../../tickets/ticket-access.js";
import { loadVisibleScript, scriptServes } from "./script-access.js";
import { articleTitle } from "./script-refs.js";
import { parseGraph } from "./script.service.js";

export type StoredStep = { nodeId: string; answerIndex: number };
export type LoadedRun = { row: KbScriptRunRow; graph: ScriptGraph; version: number; scriptName: string; language: string };

/** What an outcome counts as: solved at level 1 (article, prepared solution), escalated, or neither. */
export function resultOf(outcome: Outcome): "solved" | "escalated" | "other" {
  if (outcome.kind === "solve" || outcome.kind === "article") return "solved";
  return outcome.kind === "escalate" ? "escalated" : "other";
}

export function nodeOf(graph: ScriptGraph, id: string): ScriptNode {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node) throw new AppError("INTERNAL", `Node ${id} is missing from a saved version`);
  return node;
}

export function stepsOf(run: LoadedRun): RunStep[] {
  return (JSON.parse(run.row.path) as StoredStep[]).map((s) => {
    const node = nodeOf(run.graph, s.nodeId);
    const question = node.type === "question" ? node : undefined;
    return { nodeId: s.nodeId, question: question?.text ?? "", answer: question?.answers[s.answerIndex]?.label ?? "", answerIndex: s.answerIndex };
  });
}

export async function presentRun(db: Db, run: LoadedRun): Promise<ScriptRun> {
  const current = nodeOf(run.graph, run.row.current_node);
  const articleId = current.type === "outcome" && current.outcome.kind === "article" ? current.outcome.articleId : null;
  return {
    id: run.row.id, scriptId: run.row.script_id, scriptName: run.scriptName, version: run.version, ticketId: run.row.ticket_id,
    state: run.row.state as ScriptRun["state"], path: stepsOf(run), current,
    articleTitle: articleId ? await articleTitle(db, articleId) : null,
    result: run.row.result as ScriptRun["result"], startedAt: run.row.started_at, endedAt: run.row.ended_at,
  };
}

/** A run of the caller's, with the version it is fixed on. */
export async function loadRun(db: Db, ctx: Ctx, id: number): Promise<LoadedRun> {
  const row = await db.selectFrom("kb_script_run").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row || row.user_id !== ctx.actor.userId) throw notFound("SCRIPT_RUN_NOT_FOUND", `Run ${id}`);
  const version = await db.selectFrom("kb_script_version as v").innerJoin("kb_script as s", "s.id", "v.script_id")
    .select(["v.graph", "v.version", "s.name", "s.language"]).where("v.id", "=", row.version_id).executeTakeFirstOrThrow();
  return { row, graph: parseGraph(version.graph), version: version.version, scriptName: version.name, language: version.language };
}

async function runEntity(ctx: Ctx, trx: Db, body: StartRunBody, staff: boolean, script: Parameters<typeof scriptServes>[1]) {
  if (body.ticketId) {
    if (!staff) throw forbidden();
    const ticket = await loadWritableTicket(trx, ctx.actor, body.ticketId);
    if (!(await scriptServes(trx, script, ticket.entity_id))) throw notFound("SCRIPT_NOT_FOUND", `Script ${script.id}`);
    return ticket.entity_id;
  }
  if (staff) {
    // A call whose ticket is not written yet: the technician must work tickets somewhere.
    entityScope(ctx.actor, "ticket.write");
    return script.entity_id;
  }
  const user = await trx.selectFrom("app_user").select("entity_id").where("id", "=", ctx.actor.userId).executeTakeFirstOrThrow();
  return user.entity_id;
}

/** Starts on the current version: later edits of the script do not change this run. */
export async function startRun(ctx: Ctx, body: StartRunBody): Promise<ScriptRun> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { row: script, audience } = await loadVisibleScript(trx, ctx.actor, body.scriptId);
    if (script.is_active !== 1) throw notFound("SCRIPT_NOT_FOUND", `Script ${script.id}`);
    const entityId = await runEntity(ctx, trx, body, audience === "staff", script);
    const version = await trx.selectFrom("kb_script_version").select(["id", "graph"])
      .where("id", "=", script.current_version_id as number).executeTakeFirstOrThrow();
    const run = await trx.insertInto("kb_script_run").values({
      script_id: script.id, version_id: version.id, ticket_id: body.ticketId ?? null, entity_id: entityId,
      user_id: ctx.actor.userId, channel: audience, path: "[]", current_node: parseGraph(version.graph).start,
      state: "running", result: null, started_at: now(), ended_at: null,
    }).returning("id").executeTakeFirstOrThrow();
    return run.id;
  });
  return getRun(ctx, id);
}

export async function getRun(ctx: Ctx, id: number): Promise<ScriptRun> {
  return presentRun(ctx.db, await loadRun(ctx.db, ctx, id));
}

/** Takes answer `index` of the current question; an outcome ends the run (to be applied). */
export async function answerRun(ctx: Ctx, id: number, index: number): Promise<ScriptRun> {
  await ctx.db.transaction().execute(async (trx) => {
    const run = await loadRun(trx, ctx, id);
    if (run.row.state !== "running") throw new AppError("SCRIPT_RUN_ENDED", `Run ${id} is ${run.row.state}`);
    const node = nodeOf(run.graph, run.row.current_node);
    const answer = node.type === "question" ? node.answers[index] : undefined;
    if (!answer) throw new AppError("VALIDATION_FAILED", "No such answer", [{ path: "body.answer", message: "no such answer" }]);
    const next = nodeOf(run.graph, answer.next);
    const path = [...(JSON.parse(run.row.path) as StoredStep[]), { nodeId: node.id, answerIndex: index }];
    const ended = next.type === "outcome";
    await trx.updateTable("kb_script_run").set({
      path: JSON.stringify(path), current_node: next.id, state: ended ? "finished" : "running",
      result: ended ? resultOf(next.outcome) : null, ended_at: ended ? now() : null,
    }).where("id", "=", id).execute();
  });
  return getRun(ctx, id);
}

/** One step back: the last answer is taken back, until the outcome is applied. */
export async function backRun(ctx: Ctx, id: number): Promise<ScriptRun> {
  await ctx.db.transaction().execute(async (trx) => {
    const run = await loadRun(trx, ctx, id);
    const path = JSON.parse(run.row.path) as StoredStep[];
    if (run.row.state === "applied" || run.row.state === "abandoned") throw new AppError("SCRIPT_RUN_ENDED", `Run ${id} is ${run.row.state}`);
    const last = path.pop();
    if (!last) throw new AppError("SCRIPT_RUN_ENDED", "The run is at its first question");
    await trx.updateTable("kb_script_run").set({ path: JSON.stringify(path), current_node: last.nodeId, state: "running",
      result: null, ended_at: null }).where("id", "=", id).execute();
  });
  return getRun(ctx, id);
}

/**
 * Portal: the requester says whether the outcome ended the problem. Solved counts as solved at
 * level 1 without a ticket; otherwise they go on to open a request, pre-filled with the path.
 */
export async function finishPortalRun(ctx: Ctx, id: number, solved: boolean): Promise<ScriptRun> {
  await ctx.db.transaction().execute(async (trx) => {
    const run = await loadRun(trx, ctx, id);
    if (run.row.state !== "finished") throw new AppError("SCRIPT_RUN_ENDED", `Run ${id} is ${run.row.state}`);
    await trx.updateTable("kb_script_run").set({ state: "applied", result: solved ? "solved" : "other", ended_at: now() })
      .where("id", "=", id).execute();
  });
  return getRun(ctx, id);
}

/** A run left half-way (the call ended, the technician closed the panel). */
export async function abandonRun(ctx: Ctx, id: number): Promise<ScriptRun> {
  await ctx.db.transaction().execute(async (trx) => {
    const run = await loadRun(trx, ctx, id);
    if (run.row.state === "applied") throw new AppError("SCRIPT_RUN_ENDED", `Run ${id} is applied`);
    await trx.updateTable("kb_script_run").set({ state: "abandoned", ended_at: now() }).where("id", "=", id).execute();
  });
  return getRun(ctx, id);
}
