import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import type { Actor } from "../identity/access.js";

/** Runs the "ticket created" rules on a new ticket. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function rulesOnTicketCreated(db: Db, actor: Actor | undefined, ticketId: number): Promise<void> {}

/** Runs the "ticket updated" rules after a change (never re-entered by the rules' own changes). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function rulesOnTicketChanged(db: Db, actor: Actor | undefined, before: TicketRow, change: Partial<TicketRow>): Promise<void> {}
