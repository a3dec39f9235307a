import type { Db } from "../../db/database.js";
import { visibleIn } from "../../db/tree.js";
import { AppError } from "../../http/errors.js";

/**
 * The checks on a contract named in a body (the assets module's contracts): one lookup by primary
 * key each. A contract out of reach answers like a missing one, so its existence does not leak.
 */

function notUsable(contractId: number, why: string): AppError {
  return new AppError("CONTRACT_NOT_USABLE", `Contract ${contractId}: ${why}`, [{ path: "body.contractId", message: why }]);
}

/** A calendar or an SLA of `entityId` may be bound to a contract of that same entity only (400 CONTRACT_NOT_USABLE). */
export async function checkSlaContract(db: Db, contractId: number, entityId: number): Promise<void> {
  const row = await db.selectFrom("contract").select("entity_id").where("id", "=", contractId).executeTakeFirst();
  if (!row || row.entity_id !== entityId) throw notUsable(contractId, "not a contract of this entity");
}

/**
 * A ticket of `entityId` may be worked under a contract of its entity or a parent, in force on
 * `day` (YYYY-MM-DD: the day the ticket was opened). Throws 400 CONTRACT_NOT_USABLE otherwise.
 */
export async function checkTicketContract(db: Db, contractId: number, entityId: number, day: string): Promise<void> {
  const row = await db.selectFrom("contract").select(["start_date", "end_date"]).where("id", "=", contractId)
    .where(visibleIn("entity_id", entityId)).executeTakeFirst();
  if (!row) throw notUsable(contractId, "not a contract of the ticket's entity or its parents");
  if (row.start_date > day || row.end_date < day) throw notUsable(contractId, "not in force the day the ticket was opened");
}
