import type { CreateLinkBody, LinkKind, TicketLink } from "../../../shared/api/ticket-links.js";
import type { TicketStatus } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { entityScope, inScope } from "../identity/access.js";
import { loadReadableTicket, loadWritableTicket } from "./ticket-access.js";

type Stored = { ticket_id: number; other_id: number; kind: "related" | "duplicate" | "child" };

/** A link as the API names it, from `ticketId`'s side, to the row stored once for both tickets. */
function toStored(ticketId: number, otherId: number, kind: LinkKind): Stored {
  switch (kind) {
    case "related": return { ticket_id: ticketId, other_id: otherId, kind: "related" };
    case "duplicates": return { ticket_id: ticketId, other_id: otherId, kind: "duplicate" };
    case "duplicated_by": return { ticket_id: otherId, other_id: ticketId, kind: "duplicate" };
    case "child_of": return { ticket_id: ticketId, other_id: otherId, kind: "child" };
    case "parent_of": return { ticket_id: otherId, other_id: ticketId, kind: "child" };
  }
}

function kindFrom(ticketId: number, row: { ticket_id: number; kind: string }): LinkKind {
  const mine = row.ticket_id === ticketId;
  if (row.kind === "duplicate") return mine ? "duplicates" : "duplicated_by";
  if (row.kind === "child") return mine ? "child_of" : "parent_of";
  return "related";
}

const linkInvalid = (message: string) => new AppError("TICKET_LINK_INVALID", message);

/** Whether `ancestorId` is `ticketId` or one of its parents, grand-parents… (a short walk up). */
async function isAncestorOrSelf(db: Db, ticketId: number, ancestorId: number): Promise<boolean> {
  let frontier = [ticketId];
  const seen = new Set<number>();
  while (frontier.length > 0 && seen.size < 1000) {
    if (frontier.includes(ancestorId)) return true;
    frontier.forEach((id) => seen.add(id));
    const parents = await db.selectFrom("ticket_link").select("other_id").where("kind", "=", "child").where("ticket_id", "in", frontier).execute();
    frontier = parents.map((p) => p.other_id).filter((id) => !seen.has(id));
  }
  return false;
}

/** Links are staff work: both tickets must be theirs to read, and the ticket theirs to change. */
export async function createLink(ctx: Ctx, ticketId: number, body: CreateLinkBody): Promise<TicketLink> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, ticketId);
    if (body.otherId === ticketId) throw linkInvalid("A ticket cannot be linked to itself");
    const other = await loadReadableTicket(trx, ctx.actor, body.otherId);
    if (!other.isStaff) throw forbidden();
    const existing = await trx.selectFrom("ticket_link").select("id")
      .where((eb) => eb.or([
        eb.and([eb("ticket_id", "=", ticketId), eb("other_id", "=", body.otherId)]),
        eb.and([eb("ticket_id", "=", body.otherId), eb("other_id", "=", ticketId)]),
      ])).executeTakeFirst();
    if (existing) throw linkInvalid(`Tickets ${ticketId} and ${body.otherId} are already linked`);
    const stored = toStored(ticketId, body.otherId, body.kind);
    // A parent cannot also be a child of its own descendant.
    if (stored.kind === "child" && await isAncestorOrSelf(trx, stored.other_id, stored.ticket_id)) {
      throw linkInvalid("This would make a ticket its own parent");
    }
    const inserted = await trx.insertInto("ticket_link")
      .values({ ...stored, created_by: ctx.actor.userId, created_at: now() }).returning("id").executeTakeFirstOrThrow();
    for (const [a, b] of [[ticketId, body.otherId], [body.otherId, ticketId]] as const) {
      const entityId = a === ticketId ? row.entity_id : other.row.entity_id;
      await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: a, entityId, action: "link", field: "link", label: `#${b}` });
    }
    return inserted.id;
  });
  const links = await listLinks(ctx, ticketId);
  return links.find((l) => l.id === id)!;
}

export async function deleteLink(ctx: Ctx, ticketId: number, linkId: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadWritableTicket(trx, ctx.actor, ticketId);
    const link = await trx.selectFrom("ticket_link").selectAll().where("id", "=", linkId)
      .where((eb) => eb.or([eb("ticket_id", "=", ticketId), eb("other_id", "=", ticketId)])).executeTakeFirst();
    if (!link) throw notFound("NOT_FOUND", `Link ${linkId} of ticket ${ticketId}`);
    await trx.deleteFrom("ticket_link").where("id", "=", linkId).execute();
    const otherId = link.ticket_id === ticketId ? link.other_id : link.ticket_id;
    await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: row.entity_id, action: "unlink", field: "link", label: `#${otherId}` });
  });
}

/** The tickets linked to this one, both directions; a requester sees none (they are the staff's notes). */
export async function listLinks(ctx: Ctx, ticketId: number): Promise<TicketLink[]> {
  const { isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  if (!isStaff) return [];
  // Someone with wider rights may have linked a ticket this technician must not even see the title of.
  const scope = entityScope(ctx.actor, "ticket.read");
  const side = (mine: "ticket_id" | "other_id", theirs: "ticket_id" | "other_id") => ctx.db
    .selectFrom("ticket_link as l").innerJoin("ticket as t", "t.id", `l.${theirs}`)
    .select(["l.id", "l.ticket_id", "l.kind", "l.created_at", "t.id as other", "t.title", "t.status", "t.priority"])
    .where(`l.${mine}`, "=", ticketId)
    .where(inScope("t.entity_id", scope));
  // Sorted here: SQLite refuses ORDER BY on this compound select's unaliased column.
  const rows = (await side("ticket_id", "other_id").unionAll(side("other_id", "ticket_id")).execute()).sort((a, b) => a.id - b.id);
  return rows.map((r) => ({
    id: r.id, kind: kindFrom(ticketId, r), ticketId: r.other, title: r.title, status: r.status as TicketStatus,
    priority: r.priority, createdAt: r.created_at,
  }));
}
