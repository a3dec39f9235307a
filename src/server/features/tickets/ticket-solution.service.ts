import type { ApprovalBody, SatisfactionBody, SolveBody, Ticket } from "../../../shared/api/tickets.js";
import { OPEN_STATUSES, type TicketStatus } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import type { Actor } from "../identity/access.js";
import { notifySolutionRefused } from "../notifications/notify.js";
import { addSystemFollowup } from "./followup.service.js";
import { loadReadableTicket, loadWritableTicket } from "./ticket-access.js";
import { applyTicketChange } from "./ticket-write.js";
import { findTicketRow } from "./ticket.repo.js";
import { presentTicket } from "./ticket.service.js";

const notNow = (message: string) => new AppError("TICKET_TRANSITION_INVALID", message);

/** The technician gives the solution: the ticket is solved and waits for the requester's answer. */
export async function solveTicket(ctx: Ctx, id: number, body: SolveBody): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, id);
    if (!OPEN_STATUSES.includes(row.status as TicketStatus)) throw notNow("Only an open ticket can be solved");
    await applyTicketChange(trx, ctx.actor, row, body.version, {
      status: "solved", solved_at: now(), pending_reason: null, pending_until: null, solution_type: body.solutionType ?? null,
    });
    await addSystemFollowup(trx, ctx.actor, id, "solution", body.content, false);
  });
  return presentTicket(ctx.db, id);
}

/** A workaround shows in the timeline for the requester; the ticket stays open for the real fix. */
export async function addWorkaround(ctx: Ctx, id: number, content: string): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, id);
    if (!OPEN_STATUSES.includes(row.status as TicketStatus)) throw notNow("The ticket is no longer open");
    await addSystemFollowup(trx, ctx.actor, id, "workaround", content, false);
  });
  return presentTicket(ctx.db, id);
}

/**
 * The requester accepts the solution (the ticket closes) or refuses it with a reason (the
 * ticket goes back to its technician or team, and the reason is in the timeline).
 */
export async function answerSolution(ctx: Ctx, id: number, body: ApprovalBody): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, isStaff } = await loadReadableTicket(trx, ctx.actor, id);
    if (row.requester_id !== ctx.actor.userId && !isStaff) throw forbidden();
    if (row.status !== "solved") throw notNow("There is no solution waiting for an answer");
    if (body.accept) {
      await applyTicketChange(trx, ctx.actor, row, row.version, { status: "closed", closed_at: now() });
      return;
    }
    await applyTicketChange(trx, ctx.actor, row, row.version, { status: statusWhenReopened(row), solved_at: null, solution_type: null });
    await addSystemFollowup(trx, ctx.actor, id, "refusal", body.reason, false);
    await notifySolutionRefused(trx, ctx.actor, row);
  });
  return presentTicket(ctx.db, id);
}

/** Where a ticket goes back to when its requester answers: its technician, else its team, else the queue. */
export function statusWhenReopened(row: Pick<TicketRow, "assignee_id" | "group_id">): TicketStatus {
  return row.assignee_id !== null ? "in_progress" : row.group_id !== null ? "assigned" : "new";
}

/**
 * The requester answered (by mail, in the caller's transaction): a solved ticket is reopened and a
 * pending one resumes, as when a solution is refused; the SLA clock restarts through the ticket
 * hooks. Answers whether the status changed.
 */
export async function resumeOnRequesterReply(db: Db, actor: Actor | undefined, ticketId: number): Promise<boolean> {
  const row = await findTicketRow(db, ticketId);
  if (!row || (row.status !== "solved" && row.status !== "pending")) return false;
  return applyTicketChange(db, actor, row, row.version, {
    status: statusWhenReopened(row), solved_at: null, solution_type: null, pending_reason: null, pending_until: null,
  });
}

/** After closing, the requester rates the service once, 1 to 5, with an optional comment. */
export async function rateTicket(ctx: Ctx, id: number, body: SatisfactionBody): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadReadableTicket(trx, ctx.actor, id);
    if (row.requester_id !== ctx.actor.userId) throw forbidden();
    if (row.status !== "closed") throw notNow("Only a closed ticket can be rated");
    if (row.rated_at) throw new AppError("CONFLICT", "This ticket is already rated");
    await trx.updateTable("ticket").set({ satisfaction: body.rating, satisfaction_comment: body.comment ?? null, rated_at: now() })
      .where("id", "=", id).execute();
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: id, entityId: row.entity_id, action: "update",
      changes: [{ field: "satisfaction", oldValue: null, newValue: body.rating }] });
  });
  return presentTicket(ctx.db, id);
}

const BATCH = 200;

/**
 * Closes tickets solved more than `days` ago that the requester never answered. Runs in
 * batches so a large backlog never holds a long transaction; safe to run twice.
 */
export async function autoCloseSolved(db: Db, days: number): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000).toISOString();
  let closed = 0;
  for (;;) {
    const rows = await db.selectFrom("ticket").selectAll().where("status", "=", "solved").where("solved_at", "<", before)
      .orderBy("solved_at").limit(BATCH).execute();
    if (rows.length === 0) return closed;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await applyTicketChange(trx, undefined, row, row.version, { status: "closed", closed_at: now() }).catch((err: unknown) => {
          // Someone touched it meanwhile: it is no longer unanswered, leave it.
          if (!(err instanceof AppError && err.code === "TICKET_VERSION_CONFLICT")) throw err;
        });
      }
    });
    closed += rows.length;
  }
}
