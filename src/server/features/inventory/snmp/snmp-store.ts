/**
 * Files what a scan identified the way the agents' network tasks are filed: through the inventory
 * store (import rules, locks, asset kinds), with a line in the import log under Vigie's own
 * scanner (one "agent" per entity, device id vigie-snmp-<entity>), then the printer's supplies.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import { VIGIE_VERSION } from "../../../../shared/domain/version.js";
import { storeInventory } from "../store/store-inventory.js";
import { saveSupplies, updateSupplyAlerts } from "./printer-alerts.js";
import { kindOf, toInventory } from "./snmp-device.js";
import type { SnmpDeviceRead } from "./snmp-read.js";
import { readSnmpSettings } from "./snmp-settings.service.js";

export type StoredDevice = { assetId: number | null; decision: string };

/** The scanner's agent row in the entity: the import log and the asset's inventory name it. */
async function scannerAgent(db: Kysely<DB>, entityId: number): Promise<number> {
  const at = now();
  const seen = { last_contact_at: at, last_inventory_at: at, name: "Vigie SNMP", version: VIGIE_VERSION };
  const row = await db.insertInto("inventory_agent").values({ device_id: `vigie-snmp-${entityId}`, entity_id: entityId, last_ip: null,
    asset_id: null, tag: null, created_at: at, ...seen }).onConflict((oc) => oc.column("device_id").doUpdateSet(seen))
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Stores one device; answers null when it is neither a printer nor a network device (a server
 * answering SNMP is the agents' to inventory, not the scan's).
 */
export async function storeSnmpDevice(db: Kysely<DB>, entityId: number, device: SnmpDeviceRead): Promise<StoredDevice | null> {
  const itemtype = kindOf(device);
  if (itemtype === null) return null;
  const inventory = toInventory(device, itemtype);
  const agentId = await scannerAgent(db, entityId);
  const stored = await storeInventory(db, { agentId, entityId, inventory });
  const { decision } = stored;
  const what = [inventory.hardware.name, inventory.bios.manufacturer, inventory.bios.model, device.ip].filter(Boolean).join(" · ");
  await db.insertInto("inventory_import").values({
    agent_id: agentId, entity_id: entityId, device_id: `vigie-snmp-${entityId}`, ip: device.ip, query: "SNMP", outcome: "received", reason: null,
    detail: [decision.decision === "refuse" ? decision.text : null, what].filter(Boolean).join(" · ").slice(0, 1000),
    asset_id: stored.assetId, decision: decision.decision, rule: decision.rule, trace: [decision.text, ...decision.trace].join("\n"), received_at: now(),
    ...(decision.decision === "refuse" ? { outcome: "refused" as const, reason: `MATCH_${decision.reason.toUpperCase().replace(/-/g, "_")}` } : {}),
  }).execute();
  if (stored.assetId !== null && itemtype === "Printer") await savePrinter(db, stored.assetId, device);
  return { assetId: stored.assetId, decision: decision.decision };
}

async function savePrinter(db: Kysely<DB>, assetId: number, device: SnmpDeviceRead): Promise<void> {
  const settings = await readSnmpSettings(db);
  await db.transaction().execute(async (trx) => {
    const printer = await trx.selectFrom("asset").select(["id", "entity_id", "asset_tag", "name", "kind_id"]).where("id", "=", assetId).executeTakeFirstOrThrow();
    await saveSupplies(trx, assetId, device);
    await updateSupplyAlerts(trx, printer, device, settings);
  });
}
