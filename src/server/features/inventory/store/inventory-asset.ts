/**
 * The asset an inventory describes: its kind (for a new one), name, serial, manufacturer, model and
 * the technician's fields (processor, memory, disk, system, host name, IP and MAC address).
 * Fields a person edited are locked (asset.inventory_locks, assets/asset-locks.ts) and left as they are.
 */
import type { Kysely } from "kysely";
import type { Db } from "../../../db/database.js";
import type { DB } from "../../../db/schema.js";
import type { AssetRow } from "../../../db/schema-assets.js";
import { foldText, now } from "../../../db/values.js";
import { rootOf } from "../../../db/write-batch.js";
import { normalizePublisher } from "../identity/software-publisher.js";
import { normalizeSerial } from "../identity/identity-values.js";
import type { AgentInventory } from "../protocol/inventory-model.js";
import type { InventoryFigures } from "./inventory-details.js";

const LAPTOP_CHASSIS = /laptop|notebook|portable|hand ?held|convertible|detachable|tablet|sub ?notebook/i;
const SERVER_CHASSIS = /server|rack|blade|multi-system/i;

/** The built-in kind code of a new asset. */
export function kindCodeOf(inventory: AgentInventory): string {
  switch (inventory.itemtype) {
    case "Printer": return "printer";
    case "Phone": return "mobile_phone";
    case "NetworkEquipment": return /router/i.test(inventory.device?.type ?? "") ? "router" : "switch";
    case "Unmanaged": return "peripheral";
    default: break;
  }
  const vm = inventory.hardware.vmSystem;
  if (vm && !/^physical$/i.test(vm)) return "virtual_machine";
  const chassis = inventory.hardware.chassis ?? "";
  if (LAPTOP_CHASSIS.test(chassis)) return "laptop";
  if (SERVER_CHASSIS.test(chassis) || /server/i.test(inventory.os?.fullName ?? "")) return "server";
  return "desktop";
}

export type AssetRefs = { kindId: number; tagPattern: string | null; manufacturerId: number | null; modelId: number | null };

type RefCache = { kinds: Map<string, { id: number; tagPattern: string | null }>; manufacturers: Map<string, number>; models: Map<string, number> };
const refCaches = new WeakMap<object, RefCache>();

function refCacheOf(db: Kysely<DB>): RefCache {
  let cache = refCaches.get(rootOf(db));
  if (!cache) refCaches.set(rootOf(db), (cache = { kinds: new Map(), manufacturers: new Map(), models: new Map() }));
  return cache;
}

async function manufacturerId(db: Kysely<DB>, cache: RefCache, reported: string | null): Promise<number | null> {
  const name = normalizePublisher(reported).slice(0, 255);
  if (name === "") return null;
  const key = foldText(name);
  const known = cache.manufacturers.get(key);
  if (known !== undefined) return known;
  await db.insertInto("manufacturer").values({ name, created_at: now() }).onConflict((oc) => oc.column("name").doNothing()).execute();
  // Found case and accents aside: "LENOVO" is the "Lenovo" a person typed.
  const rows = await db.selectFrom("manufacturer").select(["id", "name"]).execute();
  const row = rows.find((r) => foldText(r.name) === key);
  if (row) cache.manufacturers.set(key, row.id);
  return row?.id ?? null;
}

async function modelId(db: Kysely<DB>, cache: RefCache, kindId: number, maker: number | null, reported: string | null): Promise<number | null> {
  const name = (reported ?? "").trim().slice(0, 255);
  if (name === "" || maker === null) return null;
  const key = `${kindId}\u0000${maker}\u0000${name}`;
  const known = cache.models.get(key);
  if (known !== undefined) return known;
  await db.insertInto("asset_model").values({ kind_id: kindId, manufacturer_id: maker, name, part_number: null, created_at: now() })
    .onConflict((oc) => oc.columns(["kind_id", "manufacturer_id", "name"]).doNothing()).execute();
  const row = await db.selectFrom("asset_model").select("id").where("kind_id", "=", kindId).where("manufacturer_id", "=", maker)
    .where("name", "=", name).executeTakeFirst();
  if (row) cache.models.set(key, row.id);
  return row?.id ?? null;
}

/**
 * The kind, manufacturer and model ids, adding a missing manufacturer or model to the catalogue
 * (outside the inventory's transaction, like the software catalogue). The model is the one of the
 * kind a new asset would have; a matched asset keeps its kind, and its model when the kinds differ.
 */
export async function resolveAssetRefs(db: Kysely<DB>, inventory: AgentInventory): Promise<AssetRefs> {
  const cache = refCacheOf(db);
  const code = kindCodeOf(inventory);
  let kind = cache.kinds.get(code);
  if (!kind) {
    const row = await db.selectFrom("asset_kind").select(["id", "tag_pattern"]).where("code", "=", code).executeTakeFirstOrThrow();
    cache.kinds.set(code, (kind = { id: row.id, tagPattern: row.tag_pattern }));
  }
  const maker = await manufacturerId(db, cache, inventory.bios.manufacturer);
  return { kindId: kind.id, tagPattern: kind.tagPattern, manufacturerId: maker, modelId: await modelId(db, cache, kind.id, maker, inventory.bios.model) };
}

export function forgetAssetRefs(db: Kysely<DB>): void {
  refCaches.delete(rootOf(db));
}

/** The first IPv4 address of a real interface, and its MAC. */
function mainInterface(inventory: AgentInventory): { ip: string | null; mac: string | null } {
  const network = inventory.networks.find((n) => !n.isVirtual && n.mac && n.ipv4.some((ip) => !ip.startsWith("127.")));
  return { ip: network?.ipv4.find((ip) => !ip.startsWith("127.")) ?? null, mac: network?.mac ?? null };
}

/** The technician's fields of the kind an inventory knows, e.g. { cpu: "Intel Core i5-1345U", ram_gb: 16 }. */
export function fieldValuesOf(inventory: AgentInventory, figures: InventoryFigures, fieldKeys: ReadonlySet<string>): Record<string, string | number> {
  const { ip, mac } = mainInterface(inventory);
  const os = [inventory.os?.fullName ?? inventory.os?.name, inventory.os?.fullName ? null : inventory.os?.version].filter(Boolean).join(" ");
  const values: Record<string, string | number | null> = {
    cpu: inventory.cpus[0]?.name ?? null,
    ram_gb: figures.memoryMb ? Math.round(figures.memoryMb / 1024) : null,
    disk_gb: figures.diskMb ? Math.round(figures.diskMb / 1024) : null,
    os: os || null,
    hostname: inventory.hardware.name,
    ip, mac,
  };
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== null && fieldKeys.has(key))) as Record<string, string | number>;
}

export function locksOf(row: Pick<AssetRow, "inventory_locks">): Set<string> {
  return new Set(row.inventory_locks ? (JSON.parse(row.inventory_locks) as string[]) : []);
}

/** The serial to store: a real one, as reported. */
export function serialOf(inventory: AgentInventory): string | null {
  return normalizeSerial(inventory.bios.serial)?.slice(0, 255) ?? null;
}

/** The asset's name: the host name as the machine spells it, else its model. */
export function nameOf(inventory: AgentInventory): string {
  return (inventory.hardware.name ?? inventory.device?.description ?? inventory.bios.model ?? "?").trim().slice(0, 255) || "?";
}

/** Another asset of the entity holding this manufacturer and serial (the unique index would refuse it). */
export async function serialTaken(trx: Db, entityId: number, manufacturerId: number | null, serial: string, exceptId?: number): Promise<boolean> {
  let query = trx.selectFrom("asset").select("id").where("entity_id", "=", entityId).where("serial", "=", serial);
  query = manufacturerId === null ? query.where("manufacturer_id", "is", null) : query.where("manufacturer_id", "=", manufacturerId);
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
