import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import type { Role } from "../../../shared/domain/roles.js";
import { type Actor, allows, roleOn } from "../identity/access.js";
import { findTicketRow } from "./ticket.repo.js";

/**
 * Who may see a ticket: technicians and above of its entity; its requester and observers,
 * whatever their role, as the portal needs; and every member of an entity that shares its tickets.
 * Only staff see private notes (`isStaff`).
 */
export async function loadReadableTicket(db: Db, actor: Actor, id: number): Promise<{ row: TicketRow; isStaff: boolean }> {
  const row = await findTicketRow(db, id);
  if (!row) throw notFound("TICKET_NOT_FOUND", `Ticket ${id}`);
  const role = await roleOn(db, actor, row.entity_id);
  const isStaff = allows(role, "ticket.read");
  if (!isStaff && row.requester_id !== actor.userId && !(await followsAsRequester(db, actor, row, role))) throw forbidden();
  return { row, isStaff };
}

async function followsAsRequester(db: Db, actor: Actor, row: TicketRow, role: Role | undefined): Promise<boolean> {
  const observer = await db.selectFrom("ticket_observer").select("user_id")
    .where("ticket_id", "=", row.id).where("user_id", "=", actor.userId).executeTakeFirst();
  if (observer) return true;
  if (!allows(role, "portal.use")) return false;
  const entity = await db.selectFrom("entity").select("shares_tickets").where("id", "=", row.entity_id).executeTakeFirst();
  return entity?.shares_tickets === 1;
}

/** Changing a ticket's fields, status or assignment is the staff's work. */
export async function loadWritableTicket(db: Db, actor: Actor, id: number): Promise<TicketRow> {
  const row = await findTicketRow(db, id);
  if (!row) throw notFound("TICKET_NOT_FOUND", `Ticket ${id}`);
  if (!allows(await roleOn(db, actor, row.entity_id), "ticket.write")) throw forbidden();
  if (row.merged_into_id !== null) throw new AppError("TICKET_MERGED", `Ticket ${id} was merged into ${row.merged_into_id}`);
  return row;
}
