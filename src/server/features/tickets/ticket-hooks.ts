import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { rulesOnTicketChanged, rulesOnTicketCreated } from "../automation/automation-hooks.js";
import type { Actor } from "../identity/access.js";
import { slaOnPublicAnswer, slaOnTicketChanged, slaOnTicketCreated } from "../sla/sla-hooks.js";

/**
 * What other modules do when a ticket is created or changed, in the ticket's own transaction.
 * The rules go first: they may set the group or the priority, which the SLA deadlines then use.
 * Ticket creation must stay fast (≥ 500/s): each step reads its settings from a cache.
 */
export async function afterTicketCreated(db: Db, actor: Actor | undefined, ticketId: number): Promise<void> {
  await rulesOnTicketCreated(db, actor, ticketId);
  await slaOnTicketCreated(db, actor, ticketId);
}

export async function afterTicketChanged(db: Db, actor: Actor | undefined, before: TicketRow, change: Partial<TicketRow>): Promise<void> {
  await rulesOnTicketChanged(db, actor, before, change);
  await slaOnTicketChanged(db, actor, before, change);
}

/** A technician answered the requester publicly (not a private note, not the requester writing): the ticket is taken in charge. */
export async function afterPublicAnswer(db: Db, ticket: TicketRow): Promise<void> {
  await slaOnPublicAnswer(db, ticket);
}
