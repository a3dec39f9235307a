/**
 * The original mails behind a ticket and its followups, for the staff who can see the ticket:
 * what the sender really wrote (headers, quoted history, files refused) when the trimmed
 * followup is not enough. Never for requesters: the raw mail may name people in copy.
 */
import fs from "node:fs/promises";
import type { Page } from "../../../../shared/api/common.js";
import type { TicketMail } from "../../../../shared/api/mail-in.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { forbidden, notFound } from "../../../http/errors.js";
import { filesDirOf } from "../../attachments/file-store.js";
import { loadReadableTicket } from "../../tickets/ticket-access.js";
import { rawFilePath } from "./mail-store.js";

/** FORBIDDEN for a requester of the ticket; TICKET_NOT_FOUND (from the tickets module) for one who cannot see it. */
async function assertStaffOfTicket(ctx: Ctx, ticketId: number): Promise<void> {
  const { isStaff } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  if (!isStaff) throw forbidden();
}

function ticketMails(ctx: Ctx, ticketId: number) {
  return ctx.db.selectFrom("mail_received")
    .select(["id", "followup_id", "from_address", "from_name", "subject", "size", "sha256", "received_at"])
    .where("ticket_id", "=", ticketId).where("status", "in", ["ticket", "followup"]);
}

/** Oldest first, as the timeline reads. */
export async function listTicketMails(ctx: Ctx, ticketId: number, page: { limit: number; cursor?: string }): Promise<Page<TicketMail>> {
  await assertStaffOfTicket(ctx, ticketId);
  let q = ticketMails(ctx, ticketId);
  if (page.cursor) q = q.where("id", ">", decodeCursor(page.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("id").limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (row) => ({
    id: row.id, followupId: row.followup_id, fromAddress: row.from_address, fromName: row.from_name, subject: row.subject,
    size: row.size, receivedAt: row.received_at,
  }), (row) => [row.id]);
}

export async function openTicketMailRaw(ctx: Ctx, ticketId: number, mailId: number): Promise<{ filePath: string; fileName: string }> {
  await assertStaffOfTicket(ctx, ticketId);
  const row = await ticketMails(ctx, ticketId).where("id", "=", mailId).executeTakeFirst();
  if (!row) throw notFound("RECEIVED_MAIL_NOT_FOUND", `Mail ${mailId} of ticket ${ticketId}`);
  const filePath = rawFilePath(filesDirOf(ctx.config), row.sha256);
  // A file store restored without its mail-in folder: a clear 404 rather than a stream error.
  await fs.access(filePath).catch(() => { throw notFound("RECEIVED_MAIL_NOT_FOUND", `The original of mail ${mailId} is missing`); });
  return { filePath, fileName: `ticket-${ticketId}-mail-${mailId}.eml` };
}
