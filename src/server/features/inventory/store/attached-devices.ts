/**
 * Monitors and local printers an inventory reports become assets of their own, connected to the
 * computer ("Connexions directes" in GLPI). A device is found by its serial (case aside, same maker
 * when both are known) in the computer's entity and its sub-entities, or created in the computer's
 * entity; one reported by another computer now is moved here; one no longer reported is unplugged
 * (the connection is closed, the asset stays). Connections a technician made by hand stay.
 *
 * Called in the inventory's transaction. An unchanged re-inventory reads one query and writes nothing.
 */
import type { Db } from "../../../db/database.js";
import { lockNames } from "../../../db/dialect.js";
import type { AssetRow } from "../../../db/schema-assets.js";
import { foldText } from "../../../db/values.js";
import { generateTag } from "../../assets/asset-tag.js";
import { recordHistory, type Change } from "../../history/history.service.js";
import { inEntity } from "../../identity/access.js";
import { sameSerial } from "../identity/identity-values.js";
import { normalizePublisher } from "../identity/software-publisher.js";
import type { AgentInventory } from "../protocol/inventory-model.js";
import { closeConnection, findOpenConnectionOfDevice, openConnection } from "../asset-connection.repo.js";
import { catalogueManufacturers, catalogueModels, modelKey } from "./attached-device-catalogue.js";
import { type AttachedDevice, attachedDevicesOf, deviceKey, deviceLockName } from "./attached-device-values.js";
import { locksOf } from "./inventory-asset.js";

type Computer = Pick<AssetRow, "id" | "entity_id" | "asset_tag" | "name" | "location_id" | "user_id" | "group_id">;
type Found = AssetRow & { family: string; maker: string | null };
type Plan = { device: AttachedDevice; existing: Found | undefined; kindId: number };

function openConnectionsOf(trx: Db, computerId: number) {
  return trx.selectFrom("asset_connection as c").innerJoin("asset as d", "d.id", "c.device_id").innerJoin("asset_kind as k", "k.id", "d.kind_id")
    .select(["c.id", "c.source", "d.id as device_id", "d.entity_id", "d.asset_tag", "d.name", "d.serial", "k.family"])
    .where("c.asset_id", "=", computerId).where("c.disconnected_at", "is", null).execute();
}

/** The asset of this serial and family in the computer's reach: in its own entity first. */
async function findDevice(trx: Db, computer: Computer, device: AttachedDevice): Promise<Found | undefined> {
  const spellings = [...new Set([device.serial, device.serial.toUpperCase(), device.serial.toLowerCase()])];
  const rows = await trx.selectFrom("asset as a").innerJoin("asset_kind as k", "k.id", "a.kind_id").leftJoin("manufacturer as m", "m.id", "a.manufacturer_id")
    .selectAll("a").select(["k.family", "m.name as maker"])
    .where(inEntity("a.entity_id", computer.entity_id, true)).where("a.serial", "in", spellings).where("k.family", "=", device.family)
    .where("a.status", "!=", "disposed").orderBy("a.id").execute();
  const maker = device.manufacturer ? foldText(device.manufacturer) : null;
  const candidates = rows.filter((row) => sameSerial(row.serial as string, device.serial)
    && (maker === null || row.maker === null || foldText(normalizePublisher(row.maker)) === maker));
  return candidates.find((row) => row.entity_id === computer.entity_id) ?? candidates[0];
}

async function builtInKind(trx: Db, code: string) {
  return trx.selectFrom("asset_kind").select(["id", "tag_pattern"]).where("code", "=", code).executeTakeFirstOrThrow();
}

async function createDevice(trx: Db, computer: Computer, plan: Plan, makerId: number | null, modelId: number | null, at: string): Promise<AssetRow | null> {
  const { device } = plan;
  // A disposed asset of the entity keeps the serial: the unique index would refuse a second one.
  let taken = trx.selectFrom("asset").select("id").where("entity_id", "=", computer.entity_id).where("serial", "=", device.serial);
  taken = makerId === null ? taken.where("manufacturer_id", "is", null) : taken.where("manufacturer_id", "=", makerId);
  if (await taken.executeTakeFirst()) return null;
  const kind = await builtInKind(trx, device.family);
  const tag = await generateTag(trx, kind.tag_pattern ?? "PER-{YYYY}-{#####}", computer.entity_id);
  const row = await trx.insertInto("asset").values({
    entity_id: computer.entity_id, kind_id: kind.id, name: device.name, asset_tag: tag, serial: device.serial, manufacturer_id: makerId,
    model_id: modelId, status: "in_use", location_id: computer.location_id, user_id: computer.user_id, group_id: computer.group_id,
    tech_contact_id: null, notes: null, fields: null, supplier_id: null, order_number: null, invoice_number: null, purchase_date: null,
    price_cents: null, warranty_start: null, warranty_months: null, warranty_end: null, depreciation_years: null, disposed_at: null,
    recycler: null, disposal_certificate: null, loan_due_at: null, inventory_locks: null, version: 1, created_by: null, created_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
  await trx.insertInto("asset_event").values({
    asset_id: row.id, entity_id: row.entity_id, event_type: "create", from_status: null, to_status: "in_use", from_user_id: null,
    to_user_id: null, from_location_id: null, to_location_id: null, reason: `inventory of ${computer.asset_tag}`, actor_id: null, created_at: at,
  }).execute();
  await recordHistory(trx, undefined, { recordType: "asset", recordId: row.id, entityId: row.entity_id, action: "create", label: `${tag} ${row.name}` });
  return row;
}

/** Name, maker and model as reported, where no person locked them. */
async function refreshDevice(trx: Db, row: Found, device: AttachedDevice, makerId: number | null, modelId: number | null, at: string): Promise<void> {
  const locks = locksOf(row);
  const next: Partial<Pick<AssetRow, "name" | "manufacturer_id" | "model_id">> = {};
  const changes: Change[] = [];
  const set = <K extends keyof typeof next>(lock: string, column: K, value: AssetRow[K]) => {
    if (locks.has(lock) || value === null || value === row[column]) return;
    next[column] = value;
    changes.push({ field: lock, oldValue: row[column], newValue: value });
  };
  set("name", "name", device.name);
  set("manufacturerId", "manufacturer_id", makerId);
  set("modelId", "model_id", modelId);
  if (changes.length === 0) return;
  await trx.updateTable("asset").set({ ...next, version: row.version + 1, updated_at: at }).where("id", "=", row.id).execute();
  await recordHistory(trx, undefined, { recordType: "asset", recordId: row.id, entityId: row.entity_id, action: "update", changes });
}

/** Plugs the device into the computer, unplugging it from the computer it was on. */
async function connect(trx: Db, computer: Computer, device: AssetRow, at: string): Promise<void> {
  const current = await findOpenConnectionOfDevice(trx, device.id);
  if (current?.asset_id === computer.id) return;
  if (current) {
    await closeConnection(trx, undefined, current.id, { id: current.asset_id, entity_id: current.entity_id, asset_tag: current.asset_tag, name: current.name }, device, at);
  }
  await openConnection(trx, undefined, computer, device, "inventory", at);
}

/** What each new device is: an asset to find again, or one to create of the built-in kind. */
async function planOf(trx: Db, computer: Computer, devices: AttachedDevice[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const device of devices) {
    const existing = await findDevice(trx, computer, device);
    plans.push({ device, existing, kindId: existing?.kind_id ?? (await builtInKind(trx, device.family)).id });
  }
  return plans;
}

async function attachAll(trx: Db, computer: Computer, devices: AttachedDevice[], at: string): Promise<void> {
  // Locked in one sorted batch, so two inventories reporting one device cannot both create it.
  await lockNames(trx, devices.map((device) => deviceLockName(device.serial)));
  const plans = await planOf(trx, computer, devices);
  const makers = await catalogueManufacturers(trx, devices.map((device) => device.manufacturer));
  const makerOf = (plan: Plan) => (plan.device.manufacturer ? (makers.get(plan.device.manufacturer) ?? null) : null);
  const models = await catalogueModels(trx, plans.map((plan) => ({ kindId: plan.kindId, manufacturerId: makerOf(plan), name: plan.device.model })));
  for (const plan of plans) {
    const makerId = makerOf(plan);
    const modelId = plan.device.model && makerId !== null ? (models.get(modelKey(plan.kindId, makerId, plan.device.model)) ?? null) : null;
    if (plan.existing) await refreshDevice(trx, plan.existing, plan.device, makerId, modelId, at);
    const asset = plan.existing ?? (await createDevice(trx, computer, plan, makerId, modelId, at));
    if (asset) await connect(trx, computer, asset, at);
  }
}

/**
 * Links the computer to the monitors and printers its inventory reports, and unplugs the ones it
 * no longer reports. First compares the reported serials with the open connections: usually equal.
 */
export async function linkAttachedDevices(trx: Db, computer: Computer, inventory: AgentInventory, at: string): Promise<void> {
  const reported = attachedDevicesOf(inventory);
  const open = await openConnectionsOf(trx, computer.id);
  const reportedKeys = new Set(reported.map((device) => deviceKey(device.family, device.serial)));
  const openKeys = new Set(open.flatMap((row) => (row.serial ? [deviceKey(row.family, row.serial)] : [])));
  const gone = open.filter((row) => row.source === "inventory" && !(row.serial && reportedKeys.has(deviceKey(row.family, row.serial))));
  const missing = reported.filter((device) => !openKeys.has(deviceKey(device.family, device.serial)));
  for (const row of gone) {
    await closeConnection(trx, undefined, row.id, computer, { id: row.device_id, entity_id: row.entity_id, asset_tag: row.asset_tag, name: row.name }, at);
  }
  if (missing.length > 0) await attachAll(trx, computer, missing, at);
}
