/**
 * How a script serves: how often it runs, where runs end, and the share solved at level 1
 * (solve and article outcomes, and portal runs that ended the problem) against the rest.
 */
import { sql } from "kysely";
import { type ScriptStats, type ScriptStatsQuery, ScriptGraphSchema } from "../../../../shared/api/kb-scripts.js";
import type { Db } from "../../../db/database.js";
import type { Ctx } from "../../../http/context.js";
import { forbidden } from "../../../http/errors.js";
import { loadVisibleScript } from "./script-access.js";

const DAY = 86_400_000;
const ENDED = ["finished", "applied"];

const share = (solved: number, finished: number) => (finished === 0 ? null : Math.round((solved / finished) * 1000) / 1000);

/** The last 30 days of each script, for the list: one grouped query on (script_id, started_at). */
export async function recentStats(db: Db, ids: number[]): Promise<Map<number, { runs: number; solvedShare: number | null }>> {
  if (ids.length === 0) return new Map();
  const since = new Date(Date.now() - 30 * DAY).toISOString();
  const rows = await db.selectFrom("kb_script_run").where("script_id", "in", ids).where("started_at", ">=", since)
    .select((eb) => [
      "script_id",
      eb.fn.countAll<number>().as("runs"),
      sql<number>`sum(case when state in ('finished', 'applied') then 1 else 0 end)`.as("finished"),
      sql<number>`sum(case when state in ('finished', 'applied') and result = 'solved' then 1 else 0 end)`.as("solved"),
    ])
    .groupBy("script_id").execute();
  return new Map(rows.map((r) => [r.script_id, { runs: Number(r.runs), solvedShare: share(Number(r.solved), Number(r.finished)) }]));
}

/** One script's figures over a period (default: the last 30 days). */
export async function scriptStats(ctx: Ctx, id: number, query: ScriptStatsQuery): Promise<ScriptStats> {
  const { audience } = await loadVisibleScript(ctx.db, ctx.actor, id);
  if (audience !== "staff") throw forbidden();
  const from = query.from ?? new Date(Date.now() - 30 * DAY).toISOString();
  const to = query.to ?? "9999";
  const base = ctx.db.selectFrom("kb_script_run").where("script_id", "=", id).where("started_at", ">=", from).where("started_at", "<", to);
  const totals = await base.select((eb) => [
    eb.fn.countAll<number>().as("runs"),
    sql<number>`sum(case when state in ('finished', 'applied') then 1 else 0 end)`.as("finished"),
    sql<number>`sum(case when state in ('finished', 'applied') and result = 'solved' then 1 else 0 end)`.as("solved"),
    sql<number>`sum(case when state in ('finished', 'applied') and result = 'escalated' then 1 else 0 end)`.as("escalated"),
  ]).executeTakeFirstOrThrow();
  const ends = await base.where("state", "in", ENDED).select((eb) => ["current_node", eb.fn.countAll<number>().as("runs")])
    .groupBy("current_node").execute();
  const titles = await outcomeTitles(ctx.db, id);
  const finished = Number(totals.finished ?? 0);
  const solved = Number(totals.solved ?? 0);
  return {
    runs: Number(totals.runs), finished, solved, escalated: Number(totals.escalated ?? 0), solvedShare: share(solved, finished),
    endings: ends.map((e) => ({ nodeId: e.current_node, title: titles.get(e.current_node) ?? e.current_node, runs: Number(e.runs) }))
      .sort((a, b) => b.runs - a.runs),
  };
}

/** Outcome titles across the script's versions, the newest winning: a node removed since keeps its name. */
async function outcomeTitles(db: Db, scriptId: number): Promise<Map<string, string>> {
  const versions = await db.selectFrom("kb_script_version").select("graph").where("script_id", "=", scriptId)
    .orderBy("version").limit(500).execute();
  const titles = new Map<string, string>();
  for (const v of versions) {
    for (const n of ScriptGraphSchema.parse(JSON.parse(v.graph)).nodes) if (n.type === "outcome") titles.set(n.id, n.title);
  }
  return titles;
}
