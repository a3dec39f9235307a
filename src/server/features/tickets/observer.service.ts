import type { Observer } from "../../../shared/api/ticket-links.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { forbidden, notFound } from "../../http/errors.js";
import { recordHistory } from "../history/history.service.js";
import { assertCan } from "../identity/access.js";
import { loadReadableTicket, loadWritableTicket } from "./ticket-access.js";

/**
 * Observers follow a ticket without owning it (a manager, a colleague with the same problem):
 * they read it from the portal and are told of its followups.
 */
export async function listObservers(ctx: Ctx, ticketId: number): Promise<Observer[]> {
  await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  const rows = await ctx.db.selectFrom("ticket_observer as o").innerJoin("app_user as u", "u.id", "o.user_id")
    .select(["u.id", "u.first_name", "u.last_name", "u.email"]).where("o.ticket_id", "=", ticketId)
    .orderBy("u.sort_name").limit(200).execute();
  return rows.map((r) => ({ userId: r.id, name: `${r.first_name} ${r.last_name}`.trim(), email: r.email }));
}

/** Staff add anyone they may see; nobody else adds observers. */
export async function addObserver(ctx: Ctx, ticketId: number, userId: number): Promise<Observer[]> {
  await ctx.db.transaction().execute(async (trx) => {
    const ticket = await loadWritableTicket(trx, ctx.actor, ticketId);
    const user = await trx.selectFrom("app_user").select(["id", "entity_id", "login"]).where("id", "=", userId).executeTakeFirst();
    if (!user) throw notFound("USER_NOT_FOUND", `User ${userId}`);
    await assertCan(trx, ctx.actor, "user.read", user.entity_id);
    const added = await trx.insertInto("ticket_observer").values({ ticket_id: ticketId, user_id: userId, created_at: now() })
      .onConflict((oc) => oc.columns(["ticket_id", "user_id"]).doNothing()).executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
      await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: ticket.entity_id, action: "link", field: "observer", label: user.login });
    }
  });
  return listObservers(ctx, ticketId);
}

/** Staff remove any observer; an observer may stop following by themself. */
export async function removeObserver(ctx: Ctx, ticketId: number, userId: number): Promise<Observer[]> {
  const isStaff = await ctx.db.transaction().execute(async (trx) => {
    const { row, isStaff } = await loadReadableTicket(trx, ctx.actor, ticketId);
    if (userId !== ctx.actor.userId) {
      if (!isStaff) throw forbidden();
      await loadWritableTicket(trx, ctx.actor, ticketId);
    }
    const user = await trx.selectFrom("app_user").select("login").where("id", "=", userId).executeTakeFirst();
    const removed = await trx.deleteFrom("ticket_observer").where("ticket_id", "=", ticketId).where("user_id", "=", userId).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await recordHistory(trx, ctx.actor, { recordType: "ticket", recordId: ticketId, entityId: row.entity_id, action: "unlink", field: "observer", label: user?.login ?? String(userId) });
    }
    return isStaff;
  });
  // An observer who stopped following may no longer read the ticket, nor its list of observers.
  return isStaff ? listObservers(ctx, ticketId) : [];
}
