import {
  AnswerRunBodySchema, ApplyRunBodySchema, FinishRunBodySchema, ListScriptsQuerySchema, SaveScriptBodySchema, ScriptPageSchema,
  ScriptParamsSchema, ScriptRunParamsSchema, ScriptRunSchema, ScriptSchema, ScriptStatsQuerySchema, ScriptStatsSchema,
  ScriptVersionListSchema, ScriptVersionParamsSchema, ScriptVersionSchema, StartRunBodySchema, StarterResultSchema,
  GRAPH_ISSUE_CODES,
} from "../../../shared/api/kb-scripts.js";
import { z } from "zod";
import { type RouteSpec, route } from "../../http/route.js";
import { applyRun } from "./scripts/script-apply.service.js";
import { abandonRun, answerRun, backRun, finishPortalRun, getRun, startRun } from "./scripts/script-run.service.js";
import { scriptStats } from "./scripts/script-stats.service.js";
import { createScript, getScript, getVersion, listScripts, listVersions, updateScript, validateScript } from "./scripts/script.service.js";
import { loadStarterScripts } from "./scripts/starter/starter.service.js";

const IssuesSchema = z.object({ issues: z.array(z.object({
  nodeId: z.string().nullable(), code: z.enum(GRAPH_ISSUE_CODES), answer: z.number().optional(),
})) });

/** Guided diagnostic scripts: the editor, versions, runs and their statistics. */
export const scriptRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/kb/scripts", tag: "kb", auth: "user",
    summary: "The diagnostic scripts serving the caller's entities, by name, with last month's runs (requesters: the portal's)",
    query: ListScriptsQuerySchema, response: ScriptPageSchema, handler: (ctx, { query }) => listScripts(ctx, query) }),
  route({ method: "POST", url: "/api/kb/scripts", tag: "kb", auth: "user", status: 201,
    summary: "Create a script (kb.manage in its entity); a graph with problems gets 422 naming each node",
    body: SaveScriptBodySchema, response: ScriptSchema, handler: (ctx, { body }) => createScript(ctx, body) }),
  route({ method: "POST", url: "/api/kb/scripts/validate", tag: "kb", auth: "user",
    summary: "Check a script's graph without saving it: the problems, each on its node",
    body: SaveScriptBodySchema, response: IssuesSchema, handler: (ctx, { body }) => validateScript(ctx, body) }),
  route({ method: "POST", url: "/api/kb/scripts/starter", tag: "kb", auth: "user",
    summary: "Load the starter library (French and English) on the root entity; loading it again adds nothing",
    response: StarterResultSchema, handler: (ctx) => loadStarterScripts(ctx) }),
  route({ method: "GET", url: "/api/kb/scripts/:scriptId", tag: "kb", auth: "user",
    summary: "A script with its current version's graph",
    params: ScriptParamsSchema, response: ScriptSchema, handler: (ctx, { params }) => getScript(ctx, params.scriptId) }),
  route({ method: "PUT", url: "/api/kb/scripts/:scriptId", tag: "kb", auth: "user",
    summary: "Save a script: a new version; runs already recorded keep theirs",
    params: ScriptParamsSchema, body: SaveScriptBodySchema, response: ScriptSchema,
    handler: (ctx, { params, body }) => updateScript(ctx, params.scriptId, body) }),
  route({ method: "GET", url: "/api/kb/scripts/:scriptId/versions", tag: "kb", auth: "user",
    summary: "A script's versions, newest first",
    params: ScriptParamsSchema, response: ScriptVersionListSchema, handler: (ctx, { params }) => listVersions(ctx, params.scriptId) }),
  route({ method: "GET", url: "/api/kb/scripts/:scriptId/versions/:version", tag: "kb", auth: "user",
    summary: "One version of a script, with its graph",
    params: ScriptVersionParamsSchema, response: ScriptVersionSchema,
    handler: (ctx, { params }) => getVersion(ctx, params.scriptId, params.version) }),
  route({ method: "GET", url: "/api/kb/scripts/:scriptId/stats", tag: "kb", auth: "user",
    summary: "How often the script runs, where runs end, and the share solved at level 1 (default: the last 30 days)",
    params: ScriptParamsSchema, query: ScriptStatsQuerySchema, response: ScriptStatsSchema,
    handler: (ctx, { params, query }) => scriptStats(ctx, params.scriptId, query) }),
  route({ method: "POST", url: "/api/kb/script-runs", tag: "kb", auth: "user", status: 201,
    summary: "Start a run on the script's current version: on a ticket (ticket.write), during a call, or at the portal",
    body: StartRunBodySchema, response: ScriptRunSchema, handler: (ctx, { body }) => startRun(ctx, body) }),
  route({ method: "GET", url: "/api/kb/script-runs/:runId", tag: "kb", auth: "user",
    summary: "One of the caller's runs: its path and where it is",
    params: ScriptRunParamsSchema, response: ScriptRunSchema, handler: (ctx, { params }) => getRun(ctx, params.runId) }),
  route({ method: "POST", url: "/api/kb/script-runs/:runId/answer", tag: "kb", auth: "user",
    summary: "Answer the current question (answers numbered from 0)",
    params: ScriptRunParamsSchema, body: AnswerRunBodySchema, response: ScriptRunSchema,
    handler: (ctx, { params, body }) => answerRun(ctx, params.runId, body.answer) }),
  route({ method: "POST", url: "/api/kb/script-runs/:runId/back", tag: "kb", auth: "user",
    summary: "Take back the last answer",
    params: ScriptRunParamsSchema, response: ScriptRunSchema, handler: (ctx, { params }) => backRun(ctx, params.runId) }),
  route({ method: "POST", url: "/api/kb/script-runs/:runId/apply", tag: "kb", auth: "user",
    summary: "Apply the outcome to the ticket in one go, and write the questions and answers to its timeline",
    params: ScriptRunParamsSchema, body: ApplyRunBodySchema, response: ScriptRunSchema,
    handler: (ctx, { params, body }) => applyRun(ctx, params.runId, body.ticketId),
    live: ({ result }) => (result.ticketId === null ? [] : [result.ticketId]) }),
  route({ method: "POST", url: "/api/kb/script-runs/:runId/finish", tag: "kb", auth: "user",
    summary: "Portal: the outcome solved the problem (no ticket needed) or not (a request follows)",
    params: ScriptRunParamsSchema, body: FinishRunBodySchema, response: ScriptRunSchema,
    handler: (ctx, { params, body }) => finishPortalRun(ctx, params.runId, body.solved) }),
  route({ method: "POST", url: "/api/kb/script-runs/:runId/abandon", tag: "kb", auth: "user",
    summary: "Leave a run half-way",
    params: ScriptRunParamsSchema, response: ScriptRunSchema, handler: (ctx, { params }) => abandonRun(ctx, params.runId) }),
];
