/**
 * The ticket the daily job opens for a machine's health signal. There is no signed-in user:
 * the ticket is the system's (no requester, created by nobody, "monitoring" channel), filed in
 * the asset's entity and linked to the asset, like a technician would have done by hand.
 */
import type { HealthSettingsBody, HealthSignal } from "../../../shared/api/inventory-health.js";
import type { Db } from "../../db/database.js";
import { now } from "../../db/values.js";
import { AppError } from "../../http/errors.js";
import { findCategoryForTicket } from "../categories/category-use.js";
import { recordHistory } from "../history/history.service.js";
import { notifyAssignment } from "../notifications/notify.js";
import { afterTicketCreated } from "../tickets/ticket-hooks.js";
import { insertTicketRow } from "../tickets/ticket-write.js";
import { type HealthRow, antivirusOf } from "./health-query.js";

const DAY_MS = 24 * 60 * 60 * 1000;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function daysSince(at: string | null): number {
  return at ? Math.max(0, Math.floor((Date.now() - Date.parse(at)) / DAY_MS)) : 0;
}

/** The products reported and what is wrong with each: "Windows Defender (désactivé)". */
function antivirusText(row: HealthRow): string {
  const list = antivirusOf(row.details).map((av) => {
    const problems = [av.enabled === false ? "désactivé" : null, av.upToDate === false ? "pas à jour" : null].filter(Boolean);
    return `${av.name ?? "antivirus"}${problems.length > 0 ? ` (${problems.join(", ")})` : ""}`;
  });
  return list.join(", ") || "antivirus";
}

/**
 * Title and description, in French: the service desk reads tickets in the organisation's
 * language, and a ticket's text is data, not a screen label.
 */
export function healthTicketText(signal: HealthSignal, row: HealthRow, settings: HealthSettingsBody): { title: string; description: string } {
  const machine = `${row.asset_tag} « ${row.name} »`;
  const footer = "Ticket ouvert automatiquement par Vigie d’après l’inventaire. Un seul ticket est ouvert tant que le problème dure.";
  if (signal === "disk") {
    return { title: `Disque presque plein : ${row.asset_tag} (${row.fullest_volume_pct ?? "?"} %)`,
      description: `<p>Le volume le plus plein de ${escapeHtml(machine)} est utilisé à ${row.fullest_volume_pct ?? "?"} % (seuil : ${settings.diskFullPct} %).</p><p>${footer}</p>` };
  }
  if (signal === "antivirus") {
    const products = antivirusText(row);
    return { title: `Antivirus désactivé ou pas à jour : ${row.asset_tag} (${products})`.slice(0, 200),
      description: `<p>L’antivirus de ${escapeHtml(machine)} est désactivé ou pas à jour : ${escapeHtml(products)}.</p><p>${footer}</p>` };
  }
  const days = daysSince(row.last_contact_at);
  return { title: `Agent d’inventaire silencieux : ${row.asset_tag} (depuis ${days} jours)`,
    description: `<p>L’agent d’inventaire de ${escapeHtml(machine)} ne s’est pas manifesté depuis ${days} jours (seuil : ${settings.silentDays} jours).</p><p>${footer}</p>` };
}

/** The configured category when it may be used in the asset's entity; a category since deactivated or moved is left out. */
async function categoryFor(db: Db, settings: HealthSettingsBody, entityId: number) {
  if (settings.ticket.categoryId === null) return undefined;
  try {
    return await findCategoryForTicket(db, settings.ticket.categoryId, entityId, { portal: false });
  } catch (err) {
    if (err instanceof AppError) return undefined;
    throw err;
  }
}

/** Opens the ticket in the caller's transaction and answers its id. */
export async function openHealthTicket(db: Db, signal: HealthSignal, row: HealthRow, settings: HealthSettingsBody): Promise<number> {
  const { title, description } = healthTicketText(signal, row, settings);
  const category = await categoryFor(db, settings, row.entity_id);
  const groupId = category?.defaultGroupId ?? null;
  // Urgency and impact at the chosen level give that priority on the default matrix (its diagonal).
  const level = settings.ticket.priority;
  const at = now();
  const ticketId = await insertTicketRow(db, {
    entityId: row.entity_id, type: category?.defaultType ?? "incident", title, description, channel: "monitoring",
    groupId, categoryId: category?.id ?? null, urgency: level, impact: level, createdBy: null,
  });
  await db.insertInto("ticket_asset").values({ ticket_id: ticketId, asset_id: row.asset_id, created_by: null, created_at: at }).execute();
  await recordHistory(db, undefined, { recordType: "ticket", recordId: ticketId, entityId: row.entity_id, action: "create", label: title });
  await recordHistory(db, undefined, { recordType: "ticket", recordId: ticketId, entityId: row.entity_id, action: "link", field: "asset", label: row.asset_tag });
  await notifyAssignment(db, undefined, { id: ticketId, title, assignee_id: null, group_id: groupId });
  // The service desk's rules and SLA apply to a monitoring ticket as to any other.
  await afterTicketCreated(db, undefined, ticketId);
  return ticketId;
}
