import type { KbDraft } from "../../../shared/api/kb.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import type { Ctx } from "../../http/context.js";
import { AppError } from "../../http/errors.js";
import { assertCan } from "../identity/access.js";
import { listFollowups } from "../tickets/followup.service.js";
import { getTicket } from "../tickets/ticket.service.js";
import { htmlToText } from "./kb-markdown.js";

/** The ticket's latest solution, read through the tickets module (a long ticket is paged through). */
async function latestSolution(ctx: Ctx, ticketId: number): Promise<string | null> {
  let solution: string | null = null;
  let cursor: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await listFollowups(ctx, ticketId, { limit: 100, cursor });
    for (const f of page.data) if (f.kind === "solution") solution = f.content;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return solution;
}

/** The KB category named like the ticket's category (its last part), if the ticket's entity sees one. */
async function matchingCategory(ctx: Ctx, ticket: Ticket): Promise<number | null> {
  const name = ticket.categoryName?.split(" > ").pop()?.trim().toLowerCase();
  if (!name) return null;
  const rows = await ctx.db.selectFrom("kb_category").select(["id", "name"])
    .where("entity_id", "in", ctx.db.selectFrom("entity_closure").select("ancestor_id").where("descendant_id", "=", ticket.entityId))
    .limit(2000).execute();
  return rows.find((r) => r.name.trim().toLowerCase() === name)?.id ?? null;
}

/**
 * "Turn this solution into an article": a known-error draft from a solved ticket the caller
 * reads — title from the ticket, symptom from its description, fix from its solution (the body
 * is left for the technician's steps) — linked to it. Nothing is saved: the editor opens with it and the technician completes it.
 */
export async function draftFromTicket(ctx: Ctx, ticketId: number): Promise<KbDraft> {
  const ticket = await getTicket(ctx, ticketId);
  await assertCan(ctx.db, ctx.actor, "kb.write", ticket.entityId);
  if (ticket.status !== "solved" && ticket.status !== "closed") throw new AppError("KB_TICKET_NOT_SOLVED", `Ticket ${ticketId} is not solved`);
  const solution = await latestSolution(ctx, ticketId);
  const symptom = htmlToText(ticket.description) || null;
  const fix = solution ? htmlToText(solution) : null;
  return {
    kind: "known_error", title: ticket.title, body: "", symptom, fix,
    entityId: ticket.entityId, categoryId: await matchingCategory(ctx, ticket),
    targets: ticket.categoryId && ticket.categoryName ? [{ type: "ticket_category", id: ticket.categoryId, name: ticket.categoryName }] : [],
    ticketIds: [ticketId],
  };
}
