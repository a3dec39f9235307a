import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";

export type PlaceholderValues = Record<string, string>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The values of the placeholders for one ticket. `technicianId`: who writes (a technician
 * inserting a canned response); by default the ticket's assignee (a rule's reply).
 */
export async function placeholderValues(db: Db, ticket: TicketRow, technicianId?: number | null): Promise<PlaceholderValues> {
  const techId = technicianId ?? ticket.assignee_id;
  const userIds = [ticket.requester_id, techId].filter((id): id is number => id !== null && id !== undefined);
  const users = userIds.length === 0 ? [] : await db.selectFrom("app_user").select(["id", "first_name", "last_name"]).where("id", "in", userIds).execute();
  const nameOf = (id: number | null | undefined) => {
    const u = users.find((x) => x.id === id);
    return u ? `${u.first_name} ${u.last_name}`.trim() : "";
  };
  const requester = users.find((u) => u.id === ticket.requester_id);
  const names = await db.selectFrom("entity as e").select("e.complete_name as entity").where("e.id", "=", ticket.entity_id)
    .select((eb) => [
      eb.selectFrom("ticket_category as c").select("c.complete_name").where("c.id", "=", ticket.category_id ?? 0).as("category"),
      eb.selectFrom("user_group as g").select("g.name").where("g.id", "=", ticket.group_id ?? 0).as("group"),
    ]).executeTakeFirst();
  return {
    "requester.name": requester ? nameOf(requester.id) : (ticket.contact_name ?? ""),
    "requester.firstName": requester?.first_name ?? ticket.contact_name ?? "",
    "ticket.id": String(ticket.id),
    "ticket.title": ticket.title,
    "ticket.category": names?.category ?? "",
    "ticket.entity": names?.entity ?? "",
    "technician.name": nameOf(techId),
    "group.name": names?.group ?? "",
  };
}

/** Replaces `{{ name }}` in plain text (what technicians type in a followup); unknown names stay as typed. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in values ? (values[name] ?? "") : whole));
}

/** Plain text as followup HTML: escaped, blank lines between paragraphs, single line breaks kept (as the web editor does). */
export function textToHtml(text: string): string {
  return escapeHtml(text.trim()).split(/\n{2,}/).map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`).join("");
}
