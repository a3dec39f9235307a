import { PRESENCE_STALE_MS, type PresenceList, type PresentUser } from "../../../shared/api/live.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { forbidden } from "../../http/errors.js";
import { loadReadableTicket } from "../tickets/ticket-access.js";
import { liveOf } from "./live.js";

const staleBefore = () => new Date(Date.now() - PRESENCE_STALE_MS).toISOString();

/** Presence is the staff's: a requester's portal neither shows it nor reports it. */
async function loadStaffTicket(ctx: Ctx, ticketId: number): Promise<TicketRow> {
  const { row, isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  if (!isStaff) throw forbidden();
  return row;
}

/** Who has the ticket open, as of now; `at` is read first, so a list is never older than its stamp. */
async function present(db: Db, ticketId: number): Promise<{ users: PresentUser[]; at: string }> {
  const at = now();
  const rows = await db.selectFrom("ticket_presence as p").innerJoin("app_user as u", "u.id", "p.user_id")
    .select(["u.id", "u.first_name", "u.last_name"])
    .where("p.ticket_id", "=", ticketId).where("p.seen_at", ">", staleBefore())
    .orderBy("p.seen_at").limit(50).execute();
  return { users: rows.map((r) => ({ userId: r.id, name: `${r.first_name} ${r.last_name}`.trim() })), at };
}

async function others(db: Db, ticketId: number, me: number): Promise<PresenceList> {
  const { users, at } = await present(db, ticketId);
  return { data: users.filter((u) => u.userId !== me), at };
}

/** Tells the ticket's staff who is there now: the event carries the list, so no screen has to refetch. */
async function announce(ctx: Ctx, ticket: TicketRow): Promise<void> {
  const bus = liveOf(ctx.db)?.bus;
  if (!bus) return;
  const { users, at } = await present(ctx.db, ticket.id);
  await bus.publish([{ type: "presence", ticketId: ticket.id, entityId: ticket.entity_id, present: users, at }]);
}

/** Who else has the ticket open now. */
export async function listPresence(ctx: Ctx, ticketId: number): Promise<PresenceList> {
  await loadStaffTicket(ctx, ticketId);
  return others(ctx.db, ticketId, ctx.actor.userId);
}

/**
 * An open ticket page says "still here" every 20 s. Arriving (no fresh report before) tells
 * the others at once; the refreshes in between are silent. Answers who else is there.
 */
export async function reportPresence(ctx: Ctx, ticketId: number): Promise<PresenceList> {
  const ticket = await loadStaffTicket(ctx, ticketId);
  const cutoff = staleBefore();
  const arrived = await ctx.db.transaction().execute(async (trx) => {
    const mine = await trx.selectFrom("ticket_presence").select("seen_at")
      .where("ticket_id", "=", ticketId).where("user_id", "=", ctx.actor.userId).executeTakeFirst();
    // Leaving without saying so (a closed laptop) leaves a stale row: tidy this ticket's.
    await trx.deleteFrom("ticket_presence").where("ticket_id", "=", ticketId).where("seen_at", "<=", cutoff).execute();
    await trx.insertInto("ticket_presence").values({ ticket_id: ticketId, user_id: ctx.actor.userId, seen_at: now() })
      .onConflict((oc) => oc.columns(["ticket_id", "user_id"]).doUpdateSet({ seen_at: now() })).execute();
    return !mine || mine.seen_at <= cutoff;
  });
  if (arrived) await announce(ctx, ticket);
  return others(ctx.db, ticketId, ctx.actor.userId);
}

/** The page closed: the others see it at once. */
export async function leavePresence(ctx: Ctx, ticketId: number): Promise<void> {
  const ticket = await loadStaffTicket(ctx, ticketId);
  const result = await ctx.db.deleteFrom("ticket_presence")
    .where("ticket_id", "=", ticketId).where("user_id", "=", ctx.actor.userId).executeTakeFirst();
  if (Number(result.numDeletedRows) > 0) await announce(ctx, ticket);
}

/** Rows of pages closed without a word, on tickets nobody opened since. */
export async function purgeStalePresence(db: Db): Promise<number> {
  const result = await db.deleteFrom("ticket_presence").where("seen_at", "<=", staleBefore()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
