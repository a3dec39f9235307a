import type { z } from "zod";
import type { BulkAction, BulkResult, BulkTicketsBodySchema, BulkTicketsResponse } from "../../../shared/api/tickets.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { changeStatus, takeTicket } from "./ticket-status.service.js";
import { findTicketRow } from "./ticket.repo.js";
import { updateTicket } from "./ticket.service.js";

type BulkInput = z.output<typeof BulkTicketsBodySchema>;

/** The single-ticket action, with its own rules, permissions and transaction. */
async function runAction(ctx: Ctx, id: number, version: number, action: BulkAction): Promise<void> {
  switch (action.type) {
    case "assign":
      await updateTicket(ctx, id, { version, assigneeId: action.assigneeId, groupId: action.groupId });
      return;
    case "take":
      await takeTicket(ctx, id, version);
      return;
    case "status":
      await changeStatus(ctx, id, { version, status: action.status, reason: action.reason, pendingUntil: action.pendingUntil });
  }
}

async function applyToOne(ctx: Ctx, id: number, action: BulkAction): Promise<BulkResult> {
  try {
    // The technician acts on the queue as it is now: the ticket's current version, not a remembered one.
    const row = await findTicketRow(ctx.db, id);
    if (!row) return { id, ok: false, code: "TICKET_NOT_FOUND" };
    await runAction(ctx, id, row.version, action);
    return { id, ok: true };
  } catch (error) {
    if (error instanceof AppError) return { id, ok: false, code: error.code };
    ctx.log.error({ err: error, ticketId: id }, "bulk action failed on a ticket");
    return { id, ok: false, code: "INTERNAL" };
  }
}

/**
 * Applies one action to many tickets, each in its own transaction through the same service
 * as the single-ticket action: a ticket is changed whole or not at all, and the answer says
 * which were refused and why, so "12 changed, 2 refused" can be shown as it is.
 */
export async function bulkChangeTickets(ctx: Ctx, body: BulkInput): Promise<BulkTicketsResponse> {
  const results: BulkResult[] = [];
  for (const id of new Set(body.ids)) results.push(await applyToOne(ctx, id, body.action));
  return { results };
}
