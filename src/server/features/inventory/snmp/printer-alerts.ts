/**
 * A printer's supplies after a scan, and the low-supply alerts: one open alert per printer and
 * supply while it is under the threshold, with the ticket it opened (when the settings say so);
 * closed when the supply is refilled, so the next time it runs low opens a new one.
 */
import type { SnmpSettingsBody } from "../../../../shared/api/snmp.js";
import type { Db } from "../../../db/database.js";
import type { AssetRow } from "../../../db/schema-assets.js";
import { now } from "../../../db/values.js";
import { recordHistory } from "../../history/history.service.js";
import { notifyAssignment } from "../../notifications/notify.js";
import { sanitizeRichText } from "../../tickets/html.js";
import { afterTicketCreated } from "../../tickets/ticket-hooks.js";
import { applyTicketChange, insertTicketRow } from "../../tickets/ticket-write.js";
import { percentOf, supplyKind } from "./snmp-device.js";
import type { SnmpDeviceRead } from "./snmp-read.js";

/** The priority of a low-toner ticket: medium (3), like the fleet health's default. */
const TICKET_PRIORITY = 3;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Printer = Pick<AssetRow, "id" | "entity_id" | "asset_tag" | "name">;
type LowSupply = { index: string; description: string; percent: number };

/** Replaces the printer's supplies and page counter by what it just said. */
export async function saveSupplies(trx: Db, assetId: number, device: SnmpDeviceRead): Promise<void> {
  const at = now();
  await trx.deleteFrom("printer_supply").where("asset_id", "=", assetId).execute();
  if (device.supplies.length > 0) {
    await trx.insertInto("printer_supply").values(device.supplies.map((s) => {
      const { kind, consumed } = supplyKind(s);
      return { asset_id: assetId, supply_index: s.index.slice(0, 50), description: s.description.slice(0, 255), kind, consumed: consumed ? 1 as const : 0 as const,
        colour: s.colour?.slice(0, 50) ?? null, level: s.level, max_capacity: s.max, percent: percentOf(s), read_at: at };
    })).execute();
  }
  if (device.pageCount !== null) {
    await trx.insertInto("printer_counter").values({ asset_id: assetId, name: "total", value: device.pageCount, read_at: at })
      .onConflict((oc) => oc.columns(["asset_id", "name"]).doUpdateSet({ value: device.pageCount as number, read_at: at })).execute();
  }
}

/** Title and description in French: a ticket's text is data the service desk reads, not a screen label. */
function ticketText(printer: Printer, supply: LowSupply, settings: SnmpSettingsBody) {
  const machine = `${printer.asset_tag} « ${printer.name} »`;
  return {
    title: `Consommable bas : ${printer.asset_tag} (${supply.description}, ${supply.percent} %)`.slice(0, 200),
    description: `<p>Le consommable « ${escapeHtml(supply.description)} » de l’imprimante ${escapeHtml(machine)} est à ${supply.percent} % `
      + `(seuil : ${settings.lowSupplyPct} %).</p><p>Ticket ouvert automatiquement par la découverte SNMP de Vigie. `
      + "Un seul ticket est ouvert tant que le consommable reste bas.</p>",
  };
}

async function openTicket(trx: Db, printer: Printer, supply: LowSupply, settings: SnmpSettingsBody): Promise<number> {
  const { title, description } = ticketText(printer, supply, settings);
  const at = now();
  const ticketId = await insertTicketRow(trx, {
    entityId: printer.entity_id, type: "request", title, description, channel: "monitoring",
    groupId: null, categoryId: null, urgency: TICKET_PRIORITY, impact: TICKET_PRIORITY, createdBy: null,
  });
  await trx.insertInto("ticket_asset").values({ ticket_id: ticketId, asset_id: printer.id, created_by: null, created_at: at }).execute();
  await recordHistory(trx, undefined, { recordType: "ticket", recordId: ticketId, entityId: printer.entity_id, action: "create", label: title });
  await recordHistory(trx, undefined, { recordType: "ticket", recordId: ticketId, entityId: printer.entity_id, action: "link", field: "asset", label: printer.asset_tag });
  await notifyAssignment(trx, undefined, { id: ticketId, title, assignee_id: null, group_id: null });
  // The service desk's rules and SLA apply to a monitoring ticket as to any other.
  await afterTicketCreated(trx, undefined, ticketId);
  return ticketId;
}

/** The supplies that run out and are under the threshold now. */
function lowSupplies(device: SnmpDeviceRead, settings: SnmpSettingsBody): LowSupply[] {
  return device.supplies.flatMap((s) => {
    const percent = percentOf(s);
    if (percent === null || percent >= settings.lowSupplyPct || !supplyKind(s).consumed) return [];
    return [{ index: s.index.slice(0, 50), description: s.description.slice(0, 255), percent }];
  });
}

/**
 * The supply was replaced: its ticket, if still open, is solved by Vigie with a word saying so
 * (the usual automatic closing of solved tickets then closes it); one already solved or closed by
 * a technician is left as it is.
 */
async function solveRefilled(trx: Db, ticketId: number, description: string, device: SnmpDeviceRead): Promise<void> {
  const row = await trx.selectFrom("ticket").selectAll().where("id", "=", ticketId).executeTakeFirst();
  if (!row || row.is_open !== 1) return;
  const supply = device.supplies.find((s) => s.description.slice(0, 255) === description);
  const level = supply && percentOf(supply) !== null ? ` (niveau ${percentOf(supply)} %)` : "";
  await applyTicketChange(trx, undefined, row, row.version, { status: "solved", solved_at: now(), pending_reason: null, pending_until: null });
  await trx.insertInto("ticket_followup").values({ ticket_id: ticketId, kind: "solution", is_private: 0, author_id: null, author_name: "Vigie",
    content: sanitizeRichText(`<p>Consommable « ${escapeHtml(description)} » remplacé d’après la découverte SNMP${level}.</p>`), created_at: now() }).execute();
}

/** Closes the alerts of supplies no longer low, and raises one for each newly low supply. Answers how many were raised. */
export async function updateSupplyAlerts(trx: Db, printer: Printer, device: SnmpDeviceRead, settings: SnmpSettingsBody): Promise<number> {
  const low = lowSupplies(device, settings);
  const open = await trx.selectFrom("printer_supply_alert").select(["id", "supply_index", "description", "ticket_id"]).where("asset_id", "=", printer.id)
    .where("cleared_at", "is", null).execute();
  const lowIndexes = new Set(low.map((s) => s.index));
  const refilled = open.filter((alert) => !lowIndexes.has(alert.supply_index));
  if (refilled.length > 0) await trx.updateTable("printer_supply_alert").set({ cleared_at: now() }).where("id", "in", refilled.map((a) => a.id)).execute();
  for (const alert of refilled) if (alert.ticket_id !== null) await solveRefilled(trx, alert.ticket_id, alert.description, device);
  const known = new Set(open.map((alert) => alert.supply_index));
  let raised = 0;
  for (const supply of low.filter((s) => !known.has(s.index))) {
    const ticketId = settings.openTickets ? await openTicket(trx, printer, supply, settings) : null;
    await trx.insertInto("printer_supply_alert").values({ asset_id: printer.id, supply_index: supply.index, description: supply.description,
      percent: supply.percent, raised_at: now(), ticket_id: ticketId, cleared_at: null }).execute();
    raised++;
  }
  return raised;
}
