/**
 * The one thing the ticket path does for mail: when mail is on, one job row per ticket event,
 * in the ticket's transaction. Who gets what, in which language, is worked out by that job.
 */
import { z } from "zod";
import { MAIL_EVENTS, type MailEvent } from "../../../../shared/api/mail-out.js";
import type { Db } from "../../../db/database.js";
import type { TicketRow } from "../../../db/schema.js";
import { defineJob, enqueue } from "../../../jobs/queue.js";
import type { Actor } from "../../identity/access.js";
import { renderTicketMails } from "./mail-render.job.js";
import { mailIsOn } from "./smtp-settings.js";

export const TicketMailPayloadSchema = z.object({
  ticketId: z.number().int(),
  actorId: z.number().int().nullable(),
  events: z.array(z.enum(MAIL_EVENTS)).min(1),
  /** assigned: who gained the ticket (the technician, and/or the group). */
  assigneeId: z.number().int().nullable().optional(),
  groupId: z.number().int().nullable().optional(),
  /** followup: the followup, and whether only staff may read it. */
  followupId: z.number().int().optional(),
  isPrivate: z.boolean().optional(),
});
export type TicketMailPayload = z.infer<typeof TicketMailPayloadSchema>;

export const renderTicketMailJob = defineJob({
  name: "mail.render",
  payload: TicketMailPayloadSchema,
  maxAttempts: 5,
  handler: (payload, ctx) => renderTicketMails(ctx.db, payload, ctx.jobId),
});

/** Queues the mails of ticket events; nothing when mail is off. */
export async function queueTicketMail(db: Db, payload: TicketMailPayload, dedupeKey?: string): Promise<void> {
  if (!(await mailIsOn(db))) return;
  await enqueue(db, renderTicketMailJob, payload, dedupeKey ? { dedupeKey } : {});
}

type Assignment = { assignee_id: number | null; group_id: number | null };

/** A new ticket: the acknowledgement, and "assigned" when it has someone already. */
export async function mailTicketCreated(db: Db, actor: Actor | undefined, ticketId: number, now: Assignment): Promise<void> {
  const assigned = now.assignee_id !== null || now.group_id !== null;
  await queueTicketMail(db, { ticketId, actorId: actor?.userId ?? null, events: assigned ? ["created", "assigned"] : ["created"],
    assigneeId: now.assignee_id, groupId: now.group_id });
}

/** A change to a ticket: assigned, solved and closed are the ones that mail. */
export async function mailTicketChanged(db: Db, actor: Actor | undefined, row: TicketRow, change: Partial<TicketRow>): Promise<void> {
  const assigneeId = change.assignee_id !== undefined && change.assignee_id !== row.assignee_id ? change.assignee_id : null;
  const groupId = change.group_id !== undefined && change.group_id !== row.group_id ? change.group_id : null;
  const events: MailEvent[] = [];
  if (assigneeId !== null || groupId !== null) events.push("assigned");
  for (const status of ["solved", "closed"] as const) {
    if (change.status === status && row.status !== status) events.push(status);
  }
  if (events.length === 0) return;
  await queueTicketMail(db, { ticketId: row.id, actorId: actor?.userId ?? null, events, assigneeId, groupId });
}

export async function mailFollowup(db: Db, actor: Actor | undefined, ticketId: number, followupId: number | undefined, isPrivate: boolean): Promise<void> {
  await queueTicketMail(db, { ticketId, actorId: actor?.userId ?? null, events: ["followup"], followupId, isPrivate });
}

/** An SLA warning may be told to a technician and to a group at once: one mail job per ticket and minute. */
export async function mailSlaWarning(db: Db, ticketId: number): Promise<void> {
  const minute = Math.floor(Date.now() / 60_000);
  await queueTicketMail(db, { ticketId, actorId: null, events: ["sla_warning"] }, `mail.sla:${ticketId}:${minute}`);
}
