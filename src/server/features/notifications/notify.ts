/**
 * Creating notifications, inside the business transaction that causes them. Each call costs
 * a fixed number of statements whatever the number of recipients (a group's members come from
 * one INSERT … SELECT), and nobody is notified of what they did themself.
 */
import { type Kysely, sql } from "kysely";
import type { NotificationKind } from "../../../shared/api/notifications.js";
import { OPEN_STATUSES } from "../../../shared/domain/tickets.js";
import type { Db } from "../../db/database.js";
import type { DB, TicketRow } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Actor } from "../identity/access.js";
import type { LiveEvent } from "../live/live-bus.js";
import { publishOnCommit } from "../live/live.js";
import { mailFollowup, mailSlaWarning, mailTicketChanged, mailTicketCreated } from "../mail/outbound/mail-queue.js";

type About = { ticketId: number; title: string; actor: Actor | undefined };
type Inserted = { id: number; user_id: number | null; group_id: number | null };

/** Bound values typed for the database: PostgreSQL cannot guess the type of a bare parameter in a SELECT list. */
const int = (value: number | null) => sql<number>`cast(${value} as integer)`;
const text = (value: string | null) => sql<string>`cast(${value} as text)`;

function eventsFor(rows: Pick<Inserted, "user_id" | "group_id">[]): LiveEvent[] {
  const users = new Set(rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id])));
  const groups = new Set(rows.flatMap((r) => (r.group_id === null ? [] : [r.group_id])));
  return [...[...users].map((userId) => ({ type: "notification", userId }) as const),
    ...[...groups].map((groupId) => ({ type: "notification", groupId }) as const)];
}

/** Tells each recipient's open screens, once the notifications are committed. */
export async function announce(db: Db, rows: Inserted[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await publishOnCommit(db, eventsFor(rows), async (root: Kysely<DB>) =>
    eventsFor(await root.selectFrom("notification").select(["user_id", "group_id"]).where("id", "in", ids).execute()));
}

const NO_GROUP = { group_id: null, skip_user_id: null };

/** Notifies these users (nulls and duplicates skipped) in one statement. */
export async function notifyUsers(db: Db, kind: NotificationKind, about: About, userIds: (number | null | undefined)[]): Promise<void> {
  const recipients = [...new Set(userIds)].filter((id): id is number => typeof id === "number" && id !== about.actor?.userId);
  if (recipients.length === 0) return;
  if (kind === "sla_warning") await mailSlaWarning(db, about.ticketId);
  const at = now();
  const rows = await db.insertInto("notification").values(recipients.map((userId) => ({
    user_id: userId, ...NO_GROUP, kind, ticket_id: about.ticketId, actor_id: about.actor?.userId ?? null, title: about.title,
    due_at: null, read_at: null, created_at: at,
  }))).returning(["id", "user_id", "group_id"]).execute();
  await announce(db, rows);
}

/**
 * Notifies a group's members with one row for all of them: each member reads it (and marks it
 * read) for themself. The actor is never told of what they did, nor `skip` (the technician,
 * told on their own).
 */
export async function notifyGroup(db: Db, kind: NotificationKind, about: About, groupId: number, skip: number | null = null): Promise<void> {
  if (kind === "sla_warning") await mailSlaWarning(db, about.ticketId);
  const rows = await db.insertInto("notification").values({
    user_id: null, group_id: groupId, skip_user_id: skip, kind, ticket_id: about.ticketId, actor_id: about.actor?.userId ?? null,
    title: about.title, due_at: null, read_at: null, created_at: now(),
  }).returning(["id", "user_id", "group_id"]).execute();
  await announce(db, rows);
}

type Assignment = { id: number; title: string; assignee_id: number | null; group_id: number | null };

/**
 * A ticket got a new technician or a new group: the technician hears "assigned to you", the
 * group's other members "assigned to your group". `before` is undefined for a new ticket.
 */
export async function notifyAssignment(db: Db, actor: Actor | undefined, ticket: Assignment, before?: Omit<Assignment, "id" | "title">): Promise<void> {
  const about = { ticketId: ticket.id, title: ticket.title, actor };
  // A new ticket's mails (acknowledgement, assignment); a change's are queued by notifyTicketChange.
  if (!before) await mailTicketCreated(db, actor, ticket.id, ticket);
  if (ticket.assignee_id !== null && ticket.assignee_id !== before?.assignee_id) {
    await notifyUsers(db, "assigned_to_me", about, [ticket.assignee_id]);
  }
  if (ticket.group_id !== null && ticket.group_id !== before?.group_id) {
    await notifyGroup(db, "assigned_to_group", about, ticket.group_id, ticket.assignee_id);
  }
}

type AssignmentChange = { title?: string; assignee_id?: number | null; group_id?: number | null };

/** After a change to a ticket's fields (undefined: left as it was), who gained it hears of it; solved and closed mail the requester. */
export async function notifyTicketChange(db: Db, actor: Actor | undefined, row: TicketRow, change: AssignmentChange & { status?: string }): Promise<void> {
  await mailTicketChanged(db, actor, row, change);
  await notifyAssignment(db, actor, {
    id: row.id, title: change.title ?? row.title,
    assignee_id: change.assignee_id === undefined ? row.assignee_id : change.assignee_id,
    group_id: change.group_id === undefined ? row.group_id : change.group_id,
  }, row);
}

/** A new followup: its requester (unless private), its technician and its observers hear of it (and get it by mail). */
export async function notifyFollowup(db: Db, actor: Actor, ticket: TicketRow, isPrivate: boolean, followupId?: number): Promise<void> {
  await mailFollowup(db, actor, ticket.id, followupId, isPrivate);
  const observers = await db.selectFrom("ticket_observer").select("user_id").where("ticket_id", "=", ticket.id).execute();
  const recipients = [ticket.assignee_id, ...observers.map((o) => o.user_id)];
  const audience = isPrivate ? recipients.filter((id) => id !== ticket.requester_id) : [ticket.requester_id, ...recipients];
  await notifyUsers(db, "followup", { ticketId: ticket.id, title: ticket.title, actor }, audience);
}

/** The requester refused the solution: back to the technician, or to the whole group when nobody has it. */
export async function notifySolutionRefused(db: Db, actor: Actor, ticket: TicketRow): Promise<void> {
  const about = { ticketId: ticket.id, title: ticket.title, actor };
  if (ticket.assignee_id !== null) return notifyUsers(db, "solution_refused", about, [ticket.assignee_id]);
  if (ticket.group_id !== null) return notifyGroup(db, "solution_refused", about, ticket.group_id);
}

export const DUE_SOON_MS = 2 * 3600_000;

/**
 * Warns of open tickets due within two hours: their technician, or their group's members when
 * nobody has them. Each due date warns once: moving it later warns again when it comes near.
 */
export async function notifyDueSoon(db: Kysely<DB>, at = new Date()): Promise<number> {
  const from = at.toISOString();
  const until = new Date(at.getTime() + DUE_SOON_MS).toISOString();
  const columns: ["user_id", "group_id", "skip_user_id", "kind", "ticket_id", "actor_id", "title", "due_at", "read_at", "created_at"] =
    ["user_id", "group_id", "skip_user_id", "kind", "ticket_id", "actor_id", "title", "due_at", "read_at", "created_at"];
  return db.transaction().execute(async (trx) => {
    // The ticket_due_idx index serves this: open statuses, due_at in the window.
    const dueTickets = trx.selectFrom("ticket as t")
      .where("t.status", "in", [...OPEN_STATUSES]).where("t.due_at", ">", from).where("t.due_at", "<=", until)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("notification as n").select("n.id")
        .whereRef("n.ticket_id", "=", "t.id").where("n.kind", "=", sql.lit("due_soon")).whereRef("n.due_at", "=", "t.due_at"))));
    const rest = [int(null).as("skip_user_id"), text("due_soon").as("kind"), "t.id as ticket_id", int(null).as("actor_id"), "t.title", "t.due_at",
      text(null).as("read_at"), text(from).as("created_at")] as const;
    const mine = await trx.insertInto("notification").columns(columns)
      .expression(dueTickets.innerJoin("app_user as u", "u.id", "t.assignee_id").where("u.is_active", "=", 1)
        .select(["u.id as user_id", int(null).as("group_id"), ...rest]))
      .returning(["id", "user_id", "group_id"]).execute();
    // Nobody has the ticket: one warning for its whole group.
    const groups = await trx.insertInto("notification").columns(columns)
      .expression(dueTickets.where("t.assignee_id", "is", null).where("t.group_id", "is not", null)
        .select([int(null).as("user_id"), "t.group_id", ...rest]))
      .returning(["id", "user_id", "group_id"]).execute();
    await announce(trx, [...mine, ...groups]);
    return mine.length + groups.length;
  });
}
