/**
 * Applying a run's outcome to its ticket in one transaction, through the tickets module's
 * functions: the fields, the solution or the escalation, and the path of questions and answers
 * written to the timeline as one private note.
 */
import type { OutcomeNode, RunStep, ScriptRun } from "../../../../shared/api/kb-scripts.js";
import { OPEN_STATUSES, type TicketStatus } from "../../../../shared/domain/tickets.js";
import type { Db } from "../../../db/database.js";
import type { TicketRow } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { AppError, forbidden, notFound } from "../../../http/errors.js";
import { findCategoryForTicket } from "../../categories/category-use.js";
import type { Actor } from "../../identity/access.js";
import { addSystemFollowup } from "../../tickets/followup.service.js";
import { loadWritableTicket } from "../../tickets/ticket-access.js";
import { checkAssignment } from "../../tickets/ticket-assignment.js";
import { applyTicketChange, statusAfterAssignment } from "../../tickets/ticket-write.js";
import { scriptServes } from "./script-access.js";
import { articleTitle } from "./script-refs.js";
import { type LoadedRun, getRun, loadRun, nodeOf, stepsOf } from "./script-run.service.js";

const WORDS = {
  fr: { title: "Diagnostic guidé", outcome: "Issue", article: "Article" },
  en: { title: "Guided diagnostic", outcome: "Outcome", article: "Article" },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The timeline's note: every question with its answer, then the outcome. */
export function pathHtml(run: LoadedRun, steps: RunStep[], outcome: OutcomeNode, article: string | null): string {
  const w = run.language === "en" ? WORDS.en : WORDS.fr;
  const lines = steps.map((s) => `<li>${escapeHtml(s.question)} — <strong>${escapeHtml(s.answer)}</strong></li>`).join("");
  const articleId = outcome.outcome.kind === "article" ? outcome.outcome.articleId : null;
  const link = articleId ? `<p>${w.article} : <a href="/kb/articles/${articleId}">${escapeHtml(article ?? `#${articleId}`)}</a></p>` : "";
  return `<p><strong>${w.title} : ${escapeHtml(run.scriptName)}</strong> (v${run.version})</p><ol>${lines}</ol>`
    + `<p>${w.outcome} : <strong>${escapeHtml(outcome.title)}</strong></p>${link}`;
}

const invalid = (message: string) => new AppError("TICKET_TRANSITION_INVALID", message);

/** The outcome's change to the ticket, checked as the tickets module checks a technician's own change. */
async function applyOutcome(trx: Db, actor: Actor, ticket: TicketRow, node: OutcomeNode): Promise<void> {
  const o = node.outcome;
  const open = OPEN_STATUSES.includes(ticket.status as TicketStatus);
  if (o.kind === "fields") {
    if (o.categoryId) await findCategoryForTicket(trx, o.categoryId, ticket.entity_id, { portal: false });
    await checkAssignment(trx, actor, ticket.entity_id, null, o.groupId ?? null);
    const groupId = o.groupId ?? ticket.group_id;
    await applyTicketChange(trx, actor, ticket, ticket.version, {
      ...(o.categoryId ? { category_id: o.categoryId } : {}), ...(o.priority ? { priority: o.priority } : {}),
      group_id: groupId, status: statusAfterAssignment(ticket.status, ticket.assignee_id, groupId),
    });
  } else if (o.kind === "solve") {
    if (!open) throw invalid("Only an open ticket can be solved");
    await applyTicketChange(trx, actor, ticket, ticket.version, { status: "solved", solved_at: now(), pending_reason: null, pending_until: null });
    await addSystemFollowup(trx, actor, ticket.id, "solution", escapeHtml(o.text ?? "").replace(/\n/g, "<br>"), false);
  } else if (o.kind === "escalate") {
    if (!open) throw invalid("Reopen the ticket before escalating it");
    await checkAssignment(trx, actor, ticket.entity_id, null, o.groupId ?? null);
    await applyTicketChange(trx, actor, ticket, ticket.version, {
      level: Math.max(ticket.level, 2), group_id: o.groupId ?? ticket.group_id, assignee_id: null,
      status: statusAfterAssignment(ticket.status === "in_progress" ? "assigned" : ticket.status, null, o.groupId ?? ticket.group_id),
    });
    await addSystemFollowup(trx, actor, ticket.id, "escalation", escapeHtml(o.text ?? node.title).replace(/\n/g, "<br>"), true);
  }
}

/**
 * Applies the outcome the run reached to its ticket (or to `ticketId`, for a run started during
 * a call before its ticket was written). All or nothing: a refused change leaves no note behind.
 */
export async function applyRun(ctx: Ctx, id: number, ticketId?: number): Promise<ScriptRun> {
  await ctx.db.transaction().execute(async (trx) => {
    const run = await loadRun(trx, ctx, id);
    if (run.row.channel !== "staff") throw forbidden();
    if (run.row.state !== "finished") throw new AppError("SCRIPT_RUN_ENDED", `Run ${id} is ${run.row.state}`);
    const target = run.row.ticket_id ?? ticketId;
    if (!target) throw new AppError("VALIDATION_FAILED", "Which ticket?", [{ path: "body.ticketId", message: "required" }]);
    if (run.row.ticket_id && ticketId && ticketId !== run.row.ticket_id) throw new AppError("VALIDATION_FAILED", "The run is on another ticket", [{ path: "body.ticketId", message: "another ticket" }]);
    const ticket = await loadWritableTicket(trx, ctx.actor, target);
    const script = await trx.selectFrom("kb_script").selectAll().where("id", "=", run.row.script_id).executeTakeFirstOrThrow();
    if (!(await scriptServes(trx, script, ticket.entity_id))) throw notFound("SCRIPT_NOT_FOUND", `Script ${script.id}`);
    const node = nodeOf(run.graph, run.row.current_node);
    if (node.type !== "outcome") throw new AppError("SCRIPT_RUN_ENDED", "The run has not reached an outcome");
    // The path first, so the timeline reads: the questions asked, then what was done.
    const article = node.outcome.kind === "article" && node.outcome.articleId ? await articleTitle(trx, node.outcome.articleId) : null;
    await addSystemFollowup(trx, ctx.actor, ticket.id, "followup", pathHtml(run, stepsOf(run), node, article), true);
    await applyOutcome(trx, ctx.actor, ticket, node);
    await trx.updateTable("kb_script_run").set({ state: "applied", ticket_id: ticket.id, entity_id: ticket.entity_id, ended_at: now() })
      .where("id", "=", id).execute();
  });
  return getRun(ctx, id);
}
