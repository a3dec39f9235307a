/**
 * Who hears of a ticket event by mail. The rules, as service desks expect them:
 * - created: the requester (their acknowledgement, with the number to reply to) and the group;
 * - assigned: the technician who gained the ticket, and the group's members when the group changed;
 * - followup: the requester (public ones only), the technician (or the group when nobody has it), the observers;
 * - solved / closed: the requester and the observers;
 * - sla_warning: the technician, or the group's members when nobody has the ticket.
 * Nobody hears of what they did themself (the acknowledgement excepted: it is the requester's receipt),
 * a private followup reaches staff only, and each user's preferences decide last.
 */
import { sql } from "kysely";
import type { MailEvent, MailLanguage } from "../../../../shared/api/mail-out.js";
import type { Db } from "../../../db/database.js";
import type { TicketRow } from "../../../db/schema.js";
import type { TicketMailPayload } from "./mail-queue.js";

export type Recipient = { userId: number | null; email: string; name: string; language: MailLanguage; isStaff: boolean };

type Person = { id: number; email: string | null; first_name: string; last_name: string; language: string; is_active: number };

const STAFF_ROLES = ["technician", "supervisor", "admin"];

async function people(db: Db, ids: number[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("app_user").select(["id", "email", "first_name", "last_name", "language", "is_active"]).where("id", "in", ids).execute();
}

async function groupMembers(db: Db, groupId: number | null): Promise<number[]> {
  if (groupId === null) return [];
  const rows = await db.selectFrom("group_member").select("user_id").where("group_id", "=", groupId).execute();
  return rows.map((r) => r.user_id);
}

/** Those of `ids` who have a staff role on the ticket's entity (directly, or recursively from above). */
async function staffAmong(db: Db, ids: number[], entityId: number): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("role_grant as g").innerJoin("entity_closure as c", "c.ancestor_id", "g.entity_id")
    .select("g.user_id").distinct()
    .where("c.descendant_id", "=", entityId).where("g.user_id", "in", ids).where("g.role", "in", STAFF_ROLES)
    .where((eb) => eb.or([eb("c.depth", "=", 0), eb("g.recursive", "=", 1)])).execute();
  return new Set(rows.map((r) => r.user_id));
}

/** Users who turned this event off. */
async function optedOut(db: Db, ids: number[], event: MailEvent): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom("mail_preference").select("user_id")
    .where("user_id", "in", ids).where("event", "=", event).where("enabled", "=", sql.lit(0)).execute();
  return new Set(rows.map((r) => r.user_id));
}

export const languageOf = (language: string | null | undefined): MailLanguage => (language === "en" ? "en" : "fr");

type Audience = { requester: boolean; users: (number | null)[] };

async function audienceOf(db: Db, event: MailEvent, ticket: TicketRow, payload: TicketMailPayload): Promise<Audience> {
  const observers = async () => (await db.selectFrom("ticket_observer").select("user_id").where("ticket_id", "=", ticket.id).execute()).map((o) => o.user_id);
  const techOrGroup = async () => (ticket.assignee_id !== null ? [ticket.assignee_id] : groupMembers(db, ticket.group_id));
  switch (event) {
    case "created":
      return { requester: true, users: await groupMembers(db, ticket.group_id) };
    case "assigned": {
      const members = payload.groupId ? await groupMembers(db, payload.groupId) : [];
      return { requester: false, users: [payload.assigneeId ?? null, ...members] };
    }
    case "followup":
      return { requester: !payload.isPrivate, users: [...(await techOrGroup()), ...(await observers())] };
    case "solved":
    case "closed":
      return { requester: true, users: await observers() };
    case "sla_warning":
      return { requester: false, users: await techOrGroup() };
  }
}

/** The people to mail for one event, each once, with their language and whether they are staff. */
export async function recipientsOf(db: Db, event: MailEvent, ticket: TicketRow, payload: TicketMailPayload): Promise<Recipient[]> {
  const audience = await audienceOf(db, event, ticket, payload);
  const requesterId = audience.requester ? ticket.requester_id : null;
  const ids = [...new Set([requesterId, ...audience.users])].filter((id): id is number => id !== null);
  const [found, staff, off] = await Promise.all([people(db, ids), staffAmong(db, ids, ticket.entity_id), optedOut(db, ids, event)]);
  const byId = new Map(found.map((p) => [p.id, p]));
  const out: Recipient[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const person = byId.get(id);
    const isActor = id === payload.actorId && !(event === "created" && id === requesterId);
    // The requester's own ticket, as staff: a private followup is still not for them.
    const privateToRequester = payload.isPrivate && (id === ticket.requester_id || !staff.has(id));
    if (!person?.email || !person.is_active || isActor || privateToRequester || off.has(id)) continue;
    const email = person.email.toLowerCase();
    if (seen.has(email)) continue;
    seen.add(email);
    out.push({ userId: id, email: person.email, name: `${person.first_name} ${person.last_name}`.trim(), language: languageOf(person.language), isStaff: staff.has(id) });
  }
  // A caller without an account (a contact) still gets the public mails about their request.
  if (audience.requester && ticket.requester_id === null && ticket.contact_email && !seen.has(ticket.contact_email.toLowerCase())) {
    out.push({ userId: null, email: ticket.contact_email, name: ticket.contact_name ?? "", language: "fr", isStaff: false });
  }
  return out;
}
