import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { forbidden, notFound } from "../../http/errors.js";
import { type Actor, allows, roleOn } from "../identity/access.js";
import { findTicketRow } from "./ticket.repo.js";

/**
 * Who may see a ticket: technicians and above of its entity, and its requester. The
 * requester sees their own ticket whatever their role, as the portal needs.
 */
export async function loadReadableTicket(db: Db, actor: Actor, id: number): Promise<{ row: TicketRow; isStaff: boolean }> {
  const row = await findTicketRow(db, id);
  if (!row) throw notFound("TICKET_NOT_FOUND", `Ticket ${id}`);
  const isStaff = allows(await roleOn(db, actor, row.entity_id), "ticket.read");
  if (!isStaff && row.requester_id !== actor.userId) throw forbidden();
  return { row, isStaff };
}

/** Changing a ticket's fields, status or assignment is the staff's work. */
export async function loadWritableTicket(db: Db, actor: Actor, id: number): Promise<TicketRow> {
  const row = await findTicketRow(db, id);
  if (!row) throw notFound("TICKET_NOT_FOUND", `Ticket ${id}`);
  if (!allows(await roleOn(db, actor, row.entity_id), "ticket.write")) throw forbidden();
  return row;
}
