import { sql } from "kysely";
import type { Page } from "../../../shared/api/common.js";
import { type CreateFollowupBody, CreateFollowupBodySchema, type Followup } from "../../../shared/api/tickets.js";
import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { flag, now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { recordHistory } from "../history/history.service.js";
import type { Actor } from "../identity/access.js";
import { notifyFollowup } from "../notifications/notify.js";
import { sanitizeRichText } from "./html.js";
import { afterPublicAnswer } from "./ticket-hooks.js";
import { loadReadableTicket } from "./ticket-access.js";

type Kind = Followup["kind"];

/** Writes to the timeline in the caller's transaction and marks the ticket as updated. */
export async function addSystemFollowup(db: Db, actor: Actor, ticketId: number, kind: Kind, content: string, isPrivate: boolean) {
  const at = now();
  const row = await db.insertInto("ticket_followup").values({
    ticket_id: ticketId, kind, is_private: flag(isPrivate), content: sanitizeRichText(content),
    author_id: actor.userId, author_name: actor.name, created_at: at,
  }).returningAll().executeTakeFirstOrThrow();
  await db.updateTable("ticket").set({ updated_at: at }).where("id", "=", ticketId).execute();
  return row;
}

/** A new call about an existing ticket: the ticket's call time is the sum of its calls. */
async function addCallTime(db: Db, actor: Actor, ticket: TicketRow, seconds: number): Promise<void> {
  const total = (ticket.call_seconds ?? 0) + seconds;
  // Added in SQL, so two calls logged at once both count.
  await db.updateTable("ticket").set({ call_seconds: sql<number>`coalesce(call_seconds, 0) + ${seconds}` }).where("id", "=", ticket.id).execute();
  await recordHistory(db, actor, { recordType: "ticket", recordId: ticket.id, entityId: ticket.entity_id, action: "update",
    changes: [{ field: "callSeconds", oldValue: ticket.call_seconds, newValue: total }] });
}

function toFollowup(row: { id: number; ticket_id: number; kind: string; is_private: number; content: string;
  author_id: number | null; author_name: string; created_at: string }): Followup {
  return { id: row.id, ticketId: row.ticket_id, kind: row.kind as Kind, isPrivate: Boolean(row.is_private),
    content: row.content, authorId: row.author_id, authorName: row.author_name, createdAt: row.created_at };
}

/** A requester may add public followups to their own ticket; private notes are for staff. */
export async function addFollowup(ctx: Ctx, ticketId: number, input: CreateFollowupBody): Promise<Followup> {
  const body = CreateFollowupBodySchema.parse(input);
  return ctx.db.transaction().execute(async (trx) => {
    const { row: ticket, isStaff } = await loadReadableTicket(trx, ctx.actor, ticketId);
    const row = await addSystemFollowup(trx, ctx.actor, ticketId, "followup", body.content, isStaff && body.isPrivate);
    await notifyFollowup(trx, ctx.actor, ticket, isStaff && body.isPrivate, row.id);
    if (body.callSeconds && isStaff) await addCallTime(trx, ctx.actor, ticket, body.callSeconds);
    const isAnswer = isStaff && !body.isPrivate && ticket.requester_id !== ctx.actor.userId;
    if (isAnswer) await afterPublicAnswer(trx, ticket);
    return toFollowup(row);
  });
}

/** The timeline's followups, oldest first; a requester never sees private ones. */
export async function listFollowups(ctx: Ctx, ticketId: number, page: { limit: number; cursor?: string }): Promise<Page<Followup>> {
  const { isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  let q = ctx.db.selectFrom("ticket_followup").selectAll().where("ticket_id", "=", ticketId);
  if (!isStaff) q = q.where("is_private", "=", 0);
  if (page.cursor) q = q.where("id", ">", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("id").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, toFollowup, (r) => [r.id]);
}
