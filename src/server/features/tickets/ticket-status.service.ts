import type { ChangeStatusBody, EscalateBody, Ticket } from "../../../shared/api/tickets.js";
import { OPEN_STATUSES, type TicketStatus, canTransition } from "../../../shared/domain/tickets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { addSystemFollowup } from "./followup.service.js";
import { loadWritableTicket } from "./ticket-access.js";
import { checkAssignment } from "./ticket-assignment.js";
import { applyTicketChange } from "./ticket-write.js";
import { presentTicket } from "./ticket.service.js";

function invalid(message: string, path?: string): AppError {
  return path
    ? new AppError("VALIDATION_FAILED", message, [{ path, message }])
    : new AppError("TICKET_TRANSITION_INVALID", message);
}

/**
 * Moves a ticket along its life cycle. Putting it on hold and reopening it need a reason,
 * which is written in the timeline for the requester to read.
 */
export async function changeStatus(ctx: Ctx, id: number, body: ChangeStatusBody): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, id);
    const from = row.status as TicketStatus;
    const to = body.status;
    if (from === to) return;
    if (!canTransition(from, to)) throw invalid(`A ticket cannot go from ${from} to ${to}`);
    const reopening = !OPEN_STATUSES.includes(from);
    if ((to === "pending" || reopening) && !body.reason) throw invalid("Say why", "body.reason");
    if (to === "assigned" && row.assignee_id === null && row.group_id === null) throw invalid("Assign a technician or a group first");
    const at = now();
    await applyTicketChange(trx, ctx.actor, row, body.version, {
      status: to,
      pending_reason: to === "pending" ? (body.reason ?? null) : null,
      pending_until: to === "pending" ? (body.pendingUntil ?? null) : null,
      solved_at: to === "solved" ? at : to === "closed" ? (row.solved_at ?? at) : null,
      closed_at: to === "closed" ? at : null,
      // A reopened ticket has no solution any more; closing keeps the one it had.
      solution_type: to === "solved" || to === "closed" ? row.solution_type : null,
    });
    if (body.reason) await addSystemFollowup(trx, ctx.actor, id, "status", body.reason, false);
  });
  return presentTicket(ctx.db, id);
}

/** "Take it": the technician becomes the assignee, in one click. */
export async function takeTicket(ctx: Ctx, id: number, version: number): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, id);
    if (!OPEN_STATUSES.includes(row.status as TicketStatus)) throw invalid("A solved or closed ticket cannot be taken");
    await applyTicketChange(trx, ctx.actor, row, version, {
      assignee_id: ctx.actor.userId,
      status: row.status === "new" ? "assigned" : row.status,
    });
  });
  return presentTicket(ctx.db, id);
}

/**
 * Hands a ticket to another level's team (escalation up, or back down): the level and group
 * change, the previous technician lets go, and the note goes to the timeline for the team.
 */
export async function escalateTicket(ctx: Ctx, id: number, body: EscalateBody): Promise<Ticket> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, id);
    if (!OPEN_STATUSES.includes(row.status as TicketStatus)) throw invalid("Reopen the ticket before escalating it");
    if (body.level === row.level && body.groupId === row.group_id) throw invalid("The ticket is already there", "body.groupId");
    await checkAssignment(trx, ctx.actor, row.entity_id, null, body.groupId);
    await applyTicketChange(trx, ctx.actor, row, body.version, {
      level: body.level, group_id: body.groupId, assignee_id: null, status: "assigned",
    });
    await addSystemFollowup(trx, ctx.actor, id, "escalation", body.note, true);
  });
  return presentTicket(ctx.db, id);
}
