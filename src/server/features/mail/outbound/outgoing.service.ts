/**
 * The outgoing mails, for the admin: what was sent, what waits, what failed and why; a failed
 * mail can be sent again. Each user's mail preferences live here too.
 */
import {
  MAIL_EVENTS, type MailPreferences, type MailPreferencesBody, type OutgoingMail, type OutgoingMailQuery,
} from "../../../../shared/api/mail-out.js";
import type { Page } from "../../../../shared/api/common.js";
import { now } from "../../../db/values.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, encodeCursor } from "../../../http/cursor.js";
import { AppError, notFound } from "../../../http/errors.js";
import { enqueue } from "../../../jobs/queue.js";
import { assertRootAdmin } from "../../identity/root-admin.js";
import type { OutgoingMailRow } from "./mail-out.table.js";
import { sendMailJob } from "./mail-send.job.js";
import { readSmtp } from "./smtp-settings.js";

function toOutgoingMail(row: Pick<OutgoingMailRow, "id" | "event" | "ticket_id" | "to_address" | "language" | "subject" | "status"
  | "attempts" | "last_error" | "created_at" | "sent_at">): OutgoingMail {
  return { id: row.id, event: row.event, ticketId: row.ticket_id, toAddress: row.to_address, language: row.language, subject: row.subject,
    status: row.status, attempts: row.attempts, lastError: row.last_error, createdAt: row.created_at, sentAt: row.sent_at };
}

const LIST_COLUMNS = ["id", "event", "ticket_id", "to_address", "language", "subject", "status", "attempts", "last_error", "created_at", "sent_at"] as const;

/** Newest first, on the primary key (or the (status, id) index with a status filter). */
export async function listOutgoingMails(ctx: Ctx, query: OutgoingMailQuery): Promise<Page<OutgoingMail>> {
  await assertRootAdmin(ctx.db, ctx);
  let q = ctx.db.selectFrom("outgoing_mail").select(LIST_COLUMNS).orderBy("id", "desc").limit(query.limit + 1);
  if (query.status) q = q.where("status", "=", query.status);
  if (query.cursor) q = q.where("id", "<", decodeCursor(query.cursor, ["number"])[0] as number);
  const rows = await q.execute();
  const page = rows.slice(0, query.limit);
  return { data: page.map(toOutgoingMail), nextCursor: rows.length > query.limit ? encodeCursor([page.at(-1)!.id]) : null };
}

/** Puts a failed (or stuck) mail back in the queue, with a fresh set of attempts. */
export async function resendOutgoingMail(ctx: Ctx, id: number): Promise<OutgoingMail> {
  await ctx.db.transaction().execute(async (trx) => {
    await assertRootAdmin(trx, ctx);
    const row = await trx.selectFrom("outgoing_mail").select(["id", "status"]).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("OUTGOING_MAIL_NOT_FOUND", `Outgoing mail ${id}`);
    if (!(await readSmtp(trx))?.enabled) throw new AppError("SMTP_NOT_CONFIGURED", "Mail is not configured");
    if (row.status === "sent") return;
    await trx.updateTable("outgoing_mail").set({ status: "queued", attempts: 0, last_error: null, created_at: now() }).where("id", "=", id).execute();
    await enqueue(trx, sendMailJob, { mailId: id });
  });
  const row = await ctx.db.selectFrom("outgoing_mail").select(LIST_COLUMNS).where("id", "=", id).executeTakeFirstOrThrow();
  return toOutgoingMail(row);
}

export async function getMailPreferences(ctx: Ctx): Promise<MailPreferences> {
  const rows = await ctx.db.selectFrom("mail_preference").select(["event", "enabled"]).where("user_id", "=", ctx.actor.userId).execute();
  const me = await ctx.db.selectFrom("app_user").select("email").where("id", "=", ctx.actor.userId).executeTakeFirst();
  const off = new Set(rows.filter((r) => r.enabled === 0).map((r) => r.event));
  return { events: Object.fromEntries(MAIL_EVENTS.map((e) => [e, !off.has(e)])) as MailPreferences["events"], email: me?.email ?? null };
}

export async function updateMailPreferences(ctx: Ctx, body: MailPreferencesBody): Promise<MailPreferences> {
  await ctx.db.transaction().execute(async (trx) => {
    for (const [event, on] of Object.entries(body.events)) {
      const enabled = on ? 1 : 0;
      await trx.insertInto("mail_preference").values({ user_id: ctx.actor.userId, event, enabled })
        .onConflict((oc) => oc.columns(["user_id", "event"]).doUpdateSet({ enabled })).execute();
    }
  });
  return getMailPreferences(ctx);
}
