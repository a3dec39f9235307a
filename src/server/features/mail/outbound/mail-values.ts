/** The placeholders' values for one ticket and one recipient. */
import type { MailLanguage } from "../../../../shared/api/mail-out.js";
import type { Db } from "../../../db/database.js";
import type { TicketRow } from "../../../db/schema.js";
import { type MailValues, link, plain, rich } from "./render.js";

const STATUS: Record<MailLanguage, Record<string, string>> = {
  fr: { new: "Nouveau", assigned: "Attribué", in_progress: "En cours", pending: "En attente", solved: "Résolu", closed: "Clos" },
  en: { new: "New", assigned: "Assigned", in_progress: "In progress", pending: "Pending", solved: "Solved", closed: "Closed" },
};
const PRIORITY: Record<MailLanguage, string[]> = {
  fr: ["", "Très basse", "Basse", "Moyenne", "Haute", "Très haute", "Majeure"],
  en: ["", "Very low", "Low", "Medium", "High", "Very high", "Major"],
};

/** What every recipient of a ticket's mail shares: names and texts read once per job. */
export type TicketFacts = {
  ticket: TicketRow; requesterName: string; assigneeName: string; groupName: string; entityName: string; actorName: string;
  followup: string | null; solution: string | null;
};

const fullName = (u: { first_name: string; last_name: string } | undefined) => (u ? `${u.first_name} ${u.last_name}`.trim() : "");

export async function ticketFacts(db: Db, ticket: TicketRow, actorId: number | null, followupId?: number): Promise<TicketFacts> {
  const userIds = [ticket.requester_id, ticket.assignee_id, actorId].filter((id): id is number => id !== null);
  const users = userIds.length ? await db.selectFrom("app_user").select(["id", "first_name", "last_name"]).where("id", "in", userIds).execute() : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const group = ticket.group_id === null ? undefined
    : await db.selectFrom("user_group").select("name").where("id", "=", ticket.group_id).executeTakeFirst();
  const entity = await db.selectFrom("entity").select("name").where("id", "=", ticket.entity_id).executeTakeFirst();
  const followup = followupId === undefined ? undefined
    : await db.selectFrom("ticket_followup").select("content").where("id", "=", followupId).where("ticket_id", "=", ticket.id).executeTakeFirst();
  const solution = await db.selectFrom("ticket_followup").select("content").where("ticket_id", "=", ticket.id).where("kind", "=", "solution")
    .orderBy("id", "desc").limit(1).executeTakeFirst();
  return {
    ticket, requesterName: fullName(byId.get(ticket.requester_id ?? -1)) || (ticket.contact_name ?? ""),
    assigneeName: fullName(byId.get(ticket.assignee_id ?? -1)) || "—", groupName: group?.name ?? "—", entityName: entity?.name ?? "",
    actorName: actorId === null ? "Vigie" : fullName(byId.get(actorId)), followup: followup?.content ?? null, solution: solution?.content ?? null,
  };
}

function formatDate(iso: string | null, language: MailLanguage, timeZone: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "full", timeStyle: "short", timeZone }).format(new Date(iso));
}

export type ForWhom = { name: string; language: MailLanguage; isStaff: boolean };

export function valuesFor(facts: TicketFacts, to: ForWhom, appUrl: string, timeZone = "Europe/Paris"): MailValues {
  const { ticket } = facts;
  const base = appUrl.replace(/\/+$/, "");
  // Staff open the ticket; requesters their request in the portal (where they accept or refuse a solution).
  const url = `${base}/${to.isStaff ? "tickets" : "requests"}/${ticket.id}`;
  return {
    "ticket.number": plain(String(ticket.id)), "ticket.title": plain(ticket.title),
    "ticket.status": plain(STATUS[to.language][ticket.status] ?? ticket.status),
    "ticket.priority": plain(PRIORITY[to.language][ticket.priority] ?? String(ticket.priority)),
    "ticket.url": link(url), "ticket.description": rich(ticket.description),
    "requester.name": plain(facts.requesterName), "recipient.name": plain(to.name), "actor.name": plain(facts.actorName),
    "assignee.name": plain(facts.assigneeName), "group.name": plain(facts.groupName), "entity.name": plain(facts.entityName),
    "followup.text": rich(facts.followup), "solution.text": rich(facts.solution),
    "sla.deadline": plain(formatDate(ticket.sla_next_due_at ?? ticket.due_at, to.language, timeZone)), "app.name": plain("Vigie"),
  };
}
