/**
 * Guided diagnostic scripts ("questions filtres"): a decision tree of questions whose answers
 * lead to the next question or to an outcome. Each save is a new immutable version; a run keeps
 * the version it started on, so editing a script never changes the runs already recorded.
 */
import { z } from "zod";
import { IdSchema, PageQuerySchema, pageOf } from "./common.js";

export const SCRIPT_LANGUAGES = ["fr", "en"] as const;
export const OUTCOME_KINDS = ["article", "fields", "solve", "escalate"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** A node id: short, stable across versions, chosen by the editor ("q1", "printer-off"…). */
const NodeIdSchema = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_-]+$/);
const Text = (max: number) => z.string().trim().max(max);

export const AnswerSchema = z.object({
  label: Text(200).min(1),
  /** The node this answer leads to. */
  next: z.string().trim().max(60),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const QuestionNodeSchema = z.object({
  id: NodeIdSchema,
  type: z.literal("question"),
  text: Text(500).min(1),
  /** What the technician may say or check to get the answer. */
  help: Text(2000).optional(),
  answers: z.array(AnswerSchema).max(9),
});

/**
 * What ends a run. "article": show a KB article; "fields": set the ticket's category, priority
 * and/or group; "solve": the prepared solution solves the ticket at level 1; "escalate": hand it
 * to a (N2) group with a note.
 */
export const OutcomeSchema = z.object({
  kind: z.enum(OUTCOME_KINDS),
  articleId: IdSchema.nullable().optional(),
  categoryId: IdSchema.nullable().optional(),
  priority: z.number().int().min(1).max(5).nullable().optional(),
  groupId: IdSchema.nullable().optional(),
  /** The prepared solution (solve) or the note for the group (escalate). */
  text: Text(5000).optional(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const OutcomeNodeSchema = z.object({
  id: NodeIdSchema,
  type: z.literal("outcome"),
  /** A short name for statistics and the editor ("Toner empty"). */
  title: Text(200).min(1),
  outcome: OutcomeSchema,
});

export const ScriptNodeSchema = z.discriminatedUnion("type", [QuestionNodeSchema, OutcomeNodeSchema]);
export type ScriptNode = z.infer<typeof ScriptNodeSchema>;
export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type OutcomeNode = z.infer<typeof OutcomeNodeSchema>;

export const ScriptGraphSchema = z.object({
  start: z.string().trim().max(60),
  nodes: z.array(ScriptNodeSchema).max(300),
});
export type ScriptGraph = z.infer<typeof ScriptGraphSchema>;

/** A problem in a graph, named by the node the editor highlights. */
export const GRAPH_ISSUE_CODES = [
  "NO_START", "DUPLICATE_ID", "NO_ANSWERS", "DANGLING_ANSWER", "CYCLE", "UNREACHABLE",
  "OUTCOME_INCOMPLETE", "ARTICLE_UNKNOWN", "CATEGORY_UNKNOWN", "GROUP_UNKNOWN",
] as const;
export type GraphIssueCode = (typeof GRAPH_ISSUE_CODES)[number];
export type GraphIssue = { nodeId: string | null; code: GraphIssueCode; answer?: number };

export const ScriptStatsSchema = z.object({
  runs: z.number(),
  finished: z.number(),
  /** Ended on a solve or article outcome (solved at level 1), or at the portal without a ticket. */
  solved: z.number(),
  escalated: z.number(),
  /** solved / finished, 0–1; null before any finished run. */
  solvedShare: z.number().nullable(),
  /** Where finished runs ended: one line per outcome node. */
  endings: z.array(z.object({ nodeId: z.string(), title: z.string(), runs: z.number() })),
});
export type ScriptStats = z.infer<typeof ScriptStatsSchema>;

export const ScriptSummarySchema = z.object({
  id: z.number(),
  entityId: z.number(),
  name: z.string(),
  description: z.string(),
  forPortal: z.boolean(),
  language: z.enum(SCRIPT_LANGUAGES),
  isActive: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  /** Runs started in the last 30 days, and their share solved at level 1 (staff lists only). */
  runs: z.number(),
  solvedShare: z.number().nullable(),
});
export type ScriptSummary = z.infer<typeof ScriptSummarySchema>;
export const ScriptPageSchema = pageOf(ScriptSummarySchema);

export const ScriptSchema = ScriptSummarySchema.extend({
  versionId: z.number(),
  graph: ScriptGraphSchema,
});
export type Script = z.infer<typeof ScriptSchema>;

export const ListScriptsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional().transform((v) => (v === "" ? undefined : v)),
  language: z.enum(SCRIPT_LANGUAGES).optional(),
  /** The portal's list: active scripts marked for the portal of the requester's entities. */
  portal: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
});
export type ListScriptsQuery = z.infer<typeof ListScriptsQuerySchema>;

export const SaveScriptBodySchema = z.object({
  entityId: IdSchema,
  name: Text(200).min(2),
  description: Text(2000).default(""),
  forPortal: z.boolean().default(false),
  language: z.enum(SCRIPT_LANGUAGES).default("fr"),
  isActive: z.boolean().default(true),
  graph: ScriptGraphSchema,
});
export type SaveScriptBody = z.input<typeof SaveScriptBodySchema>;

export const ScriptParamsSchema = z.object({ scriptId: IdSchema });
export const ScriptVersionParamsSchema = z.object({ scriptId: IdSchema, version: IdSchema });
export const ScriptRunParamsSchema = z.object({ runId: IdSchema });

export const ScriptVersionSummarySchema = z.object({
  id: z.number(),
  version: z.number(),
  authorName: z.string(),
  createdAt: z.string(),
  nodes: z.number(),
});
export const ScriptVersionListSchema = z.object({ data: z.array(ScriptVersionSummarySchema) });
export const ScriptVersionSchema = ScriptVersionSummarySchema.extend({ graph: ScriptGraphSchema });
export type ScriptVersion = z.infer<typeof ScriptVersionSchema>;

export const RUN_STATES = ["running", "finished", "applied", "abandoned"] as const;
export const RUN_RESULTS = ["solved", "escalated", "other"] as const;

export const RunStepSchema = z.object({
  nodeId: z.string(),
  question: z.string(),
  answer: z.string(),
  answerIndex: z.number(),
});
export type RunStep = z.infer<typeof RunStepSchema>;

export const ScriptRunSchema = z.object({
  id: z.number(),
  scriptId: z.number(),
  scriptName: z.string(),
  version: z.number(),
  ticketId: z.number().nullable(),
  state: z.enum(RUN_STATES),
  /** The questions answered so far, in order. */
  path: z.array(RunStepSchema),
  /** The node the run is at: the next question, or the outcome it reached. */
  current: ScriptNodeSchema,
  /** For an article outcome: the article's title when the caller may read it. */
  articleTitle: z.string().nullable(),
  result: z.enum(RUN_RESULTS).nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type ScriptRun = z.infer<typeof ScriptRunSchema>;

export const StartRunBodySchema = z.object({
  scriptId: IdSchema,
  /** The ticket the run is about; none on the portal (or before the call's ticket exists). */
  ticketId: IdSchema.optional(),
});
export type StartRunBody = z.infer<typeof StartRunBodySchema>;

export const AnswerRunBodySchema = z.object({ answer: z.number().int().min(0).max(8) });
export const ApplyRunBodySchema = z.object({
  /** Attach a run started before its ticket existed (phone intake), then apply. */
  ticketId: IdSchema.optional(),
});
export const FinishRunBodySchema = z.object({
  /** Portal: the requester's problem is gone (solved without a ticket) or not (they open a request). */
  solved: z.boolean(),
});

export const ScriptStatsQuerySchema = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});
export type ScriptStatsQuery = z.infer<typeof ScriptStatsQuerySchema>;

export const StarterResultSchema = z.object({ created: z.number(), skipped: z.number() });
