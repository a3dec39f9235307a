import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import type { Actor } from "../identity/access.js";

/** Sets a new ticket's SLA deadlines (after the automation rules had their say on its priority). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function slaOnTicketCreated(db: Db, actor: Actor | undefined, ticketId: number): Promise<void> {}

/** Pauses, resumes or recomputes a ticket's deadlines after a change (status pending, priority, entity…). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function slaOnTicketChanged(db: Db, actor: Actor | undefined, before: TicketRow, change: Partial<TicketRow>): Promise<void> {}
