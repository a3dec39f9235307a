/**
 * What people read of the inventories: one asset's last inventory, its installed software and
 * the changes between its inventories, and the fleet's changes. The tables are filled by the
 * inventory store (store/*); this side only reads them, and lifts the locks people put on fields.
 */
import type { Page } from "../../../shared/api/common.js";
import { CHANGE_SECTIONS } from "../../../shared/api/asset-inventory.js";
import type {
  AssetChange, AssetInventory, AssetSoftware, FleetChange, InventoryDetailsView, InventoryLocks, InventorySnapshot,
  ListAssetChangesQuery, ListAssetSoftwareQuery, ListFleetChangesQuery,
} from "../../../shared/api/asset-inventory.js";
import { chunks } from "../../db/chunks.js";
import type { Db } from "../../db/database.js";
import type { AssetInventoryRow, AssetRow } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { AppError, notFound } from "../../http/errors.js";
import { readInstallations } from "./store/installations.js";
import { loadReadableAsset, loadWritableAsset } from "../assets/asset-access.js";
import { checkUserInReach } from "../assets/asset-refs.js";
import { recordHistory } from "../history/history.service.js";
import { type Actor, entityScope, inScope } from "../identity/access.js";
import type { InventoryDetails } from "./store/inventory-details.js";

function locksOf(row: Pick<AssetRow, "inventory_locks">): string[] {
  return row.inventory_locks ? (JSON.parse(row.inventory_locks) as string[]) : [];
}

/** Only what the page shows: an older stored inventory may lack a list, which reads as empty. */
function toDetails(json: string): InventoryDetailsView {
  const d = JSON.parse(json) as Partial<InventoryDetails>;
  const hardware = d.hardware ?? ({} as Partial<InventoryDetails["hardware"]>);
  const bios = d.bios ?? ({} as Partial<InventoryDetails["bios"]>);
  return {
    hardware: {
      name: hardware.name ?? null, uuid: hardware.uuid ?? null, chassis: hardware.chassis ?? null, workgroup: hardware.workgroup ?? null,
      dnsDomain: hardware.dnsDomain ?? null, fqdn: hardware.fqdn ?? null, memoryMb: hardware.memoryMb ?? null, swapMb: hardware.swapMb ?? null,
      vmSystem: hardware.vmSystem ?? null, lastLoggedUser: hardware.lastLoggedUser ?? null, defaultGateway: hardware.defaultGateway ?? null,
      dns: hardware.dns ?? null,
    },
    bios: {
      manufacturer: bios.manufacturer ?? null, model: bios.model ?? null, serial: bios.serial ?? null, assetTag: bios.assetTag ?? null,
      sku: bios.sku ?? null, biosManufacturer: bios.biosManufacturer ?? null, version: bios.version ?? null, date: bios.date ?? null,
      boardManufacturer: bios.boardManufacturer ?? null, boardModel: bios.boardModel ?? null, boardSerial: bios.boardSerial ?? null,
    },
    os: d.os ?? null, cpus: d.cpus ?? [], memories: d.memories ?? [], disks: d.disks ?? [], volumes: d.volumes ?? [],
    networks: d.networks ?? [], monitors: d.monitors ?? [], printers: d.printers ?? [], antivirus: d.antivirus ?? [], users: d.users ?? [],
  };
}

function toSnapshot(row: AssetInventoryRow & { device_id: string | null }): InventorySnapshot {
  return {
    agent: { id: row.agent_id, deviceId: row.device_id, name: row.agent_name, version: row.agent_version },
    inventoriedAt: row.inventoried_at, receivedAt: row.received_at, firstReceivedAt: row.first_received_at,
    hostname: row.hostname, uuid: row.uuid,
    os: { name: row.os_name, version: row.os_version, build: row.os_build, arch: row.os_arch, installDate: row.os_install_date },
    memoryMb: row.memory_mb, diskMb: row.disk_mb, fullestVolumePct: row.fullest_volume_pct, lastUser: row.last_user,
    softwareCount: row.software_count, details: toDetails(row.details),
  };
}

/** "DOMAIN\jdupont" and "jdupont" both name the login jdupont (logins are stored lower-case). */
function loginsOf(lastUser: string): string[] {
  const whole = lastUser.trim().toLowerCase();
  const bare = whole.slice(whole.lastIndexOf("\\") + 1);
  return [...new Set([whole, bare])].filter(Boolean);
}

/**
 * The person the last logged-in user is, when the asset could be assigned to them: an active
 * user within the asset entity's reach whom the caller may see (the rule assigning follows),
 * and not already the asset's user.
 */
async function suggestUser(db: Db, actor: Actor, asset: AssetRow, lastUser: string | null): Promise<AssetInventory["suggestedUser"]> {
  if (!lastUser) return null;
  const user = await db.selectFrom("app_user").select(["id", "login", "first_name", "last_name"])
    .where("login", "in", loginsOf(lastUser)).where("is_active", "=", 1).orderBy("login", "desc").executeTakeFirst();
  if (!user || user.id === asset.user_id) return null;
  try {
    await checkUserInReach(db, actor, user.id, asset.entity_id);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  return { id: user.id, name: `${user.first_name} ${user.last_name}`.trim(), login: user.login };
}

/** The asset's last inventory, its locked fields and whom to assign it to; ASSET_NOT_FOUND when it cannot be read. */
export async function getAssetInventory(ctx: Ctx, assetId: number): Promise<AssetInventory> {
  const asset = await loadReadableAsset(ctx.db, ctx.actor, assetId);
  const row = await ctx.db.selectFrom("asset_inventory as i").leftJoin("inventory_agent as g", "g.id", "i.agent_id")
    .selectAll("i").select("g.device_id").where("i.asset_id", "=", assetId).executeTakeFirst();
  return {
    assetId, inventory: row ? toSnapshot(row) : null, locks: locksOf(asset),
    suggestedUser: row ? await suggestUser(ctx.db, ctx.actor, asset, row.last_user) : null,
  };
}

/**
 * Lifts one lock, so the next inventory fills the field again. Compared and set in one statement:
 * two people lifting two locks at once must not put one back. INVENTORY_LOCK_NOT_FOUND when it is not locked.
 */
export async function deleteInventoryLock(ctx: Ctx, assetId: number, field: string): Promise<InventoryLocks> {
  return ctx.db.transaction().execute(async (trx) => {
    const asset = await loadWritableAsset(trx, ctx.actor, assetId);
    const locks = locksOf(asset);
    if (!locks.includes(field)) throw notFound("INVENTORY_LOCK_NOT_FOUND", `Lock ${field} on asset ${assetId}`);
    const left = locks.filter((lock) => lock !== field);
    const result = await trx.updateTable("asset").set({ inventory_locks: left.length > 0 ? JSON.stringify(left) : null, updated_at: now() })
      .where("id", "=", assetId).where("inventory_locks", "=", asset.inventory_locks as string).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError("CONFLICT", `The locks of asset ${assetId} changed meanwhile`);
    await recordHistory(trx, ctx.actor, { recordType: "asset", recordId: assetId, entityId: asset.entity_id, action: "update",
      changes: [{ field: "inventoryLocks", oldValue: locks.join(", "), newValue: left.join(", ") || null }] });
    return { locks: left };
  });
}

/** Catalogue ids per statement: under SQLite's bound-parameter limit. */
const IDS_PER_READ = 500;

/**
 * The asset's software by name (code-point order, the same in both databases). Its list is one row
 * (store/installations.ts) of a few thousand at most: named, searched and sorted here.
 */
export async function listAssetSoftware(ctx: Ctx, assetId: number, query: ListAssetSoftwareQuery): Promise<Page<AssetSoftware>> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  const installations = await readInstallations(ctx.db, assetId);
  const names = new Map<number, { name: string; publisher: string | null; version: string }>();
  for (const part of chunks(installations, IDS_PER_READ)) {
    const rows = await ctx.db.selectFrom("software_version as v").innerJoin("software as s", "s.id", "v.software_id")
      .select(["v.id", "s.name", "s.publisher", "v.version"]).where("v.id", "in", part.map((x) => x.versionId)).execute();
    for (const row of rows) names.set(row.id, row);
  }
  const needle = query.q?.toLowerCase();
  const [afterName, afterVersion] = query.cursor ? (decodeCursor(query.cursor, ["string", "number"]) as [string, number]) : [undefined, 0];
  const rows = installations.flatMap((installation) => {
    const named = names.get(installation.versionId);
    if (!named || (needle && !named.name.toLowerCase().includes(needle))) return [];
    const { name } = named;
    if (afterName !== undefined && (name < afterName || (name === afterName && installation.versionId <= afterVersion))) return [];
    return [{ softwareId: installation.softwareId, versionId: installation.versionId, name, publisher: named.publisher, version: named.version,
      installDate: installation.installDate, arch: installation.arch }];
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.versionId - b.versionId));
  return toPage(rows.slice(0, query.limit + 1), query.limit, (r) => r, (r) => [r.name, r.versionId]);
}

type ChangeRow = { id: number; section: string; change: AssetChange["change"]; item: string; old_value: string | null; new_value: string | null;
  changed_at: string };

function toChange(row: ChangeRow): AssetChange {
  return { id: row.id, section: row.section as AssetChange["section"], change: row.change, item: row.item, oldValue: row.old_value,
    newValue: row.new_value, changedAt: row.changed_at };
}

/** The asset's changes between inventories, newest first (asset_change_asset_idx). */
export async function listAssetChanges(ctx: Ctx, assetId: number, query: ListAssetChangesQuery): Promise<Page<AssetChange>> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  let q = ctx.db.selectFrom("asset_change").select(["id", "section", "change", "item", "old_value", "new_value", "changed_at"])
    .where("asset_id", "=", assetId);
  if (query.cursor) q = q.where("id", "<", decodeCursor(query.cursor, ["number"])[0] as number);
  const rows = await q.orderBy("id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, toChange, (r) => [r.id]);
}

/**
 * The fleet's changes in the caller's entities, newest first, with their asset. Without an item
 * they walk asset_change_date_idx; an item ("Mozilla Firefox") reads its own rows on
 * asset_change_item_idx, newest (highest id) first. A section alone walks the date index and
 * skips the other sections, as the import log does with its filters.
 */
export async function listFleetChanges(ctx: Ctx, query: ListFleetChangesQuery): Promise<Page<FleetChange>> {
  const scope = entityScope(ctx.actor, "asset.read");
  let q = ctx.db.selectFrom("asset_change as c").innerJoin("asset as a", "a.id", "c.asset_id")
    .select(["c.id", "c.section", "c.change", "c.item", "c.old_value", "c.new_value", "c.changed_at", "c.asset_id", "a.asset_tag", "a.name"])
    .where(inScope("c.entity_id", scope));
  const present = (r: ChangeRow & { asset_id: number; asset_tag: string; name: string }): FleetChange =>
    ({ ...toChange(r), assetId: r.asset_id, assetTag: r.asset_tag, assetName: r.name });
  if (query.item) {
    // Every section when none is given: the item index starts with the section, so each is a seek, not a scan.
    q = q.where("c.section", "in", query.section ? [query.section] : CHANGE_SECTIONS).where("c.item", "=", query.item);
    if (query.cursor) q = q.where("c.id", "<", decodeCursor(query.cursor, ["number"])[0] as number);
    const rows = await q.orderBy("c.id", "desc").limit(query.limit + 1).execute();
    return toPage(rows, query.limit, present, (r) => [r.id]);
  }
  if (query.section) q = q.where("c.section", "=", query.section);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, ["string", "number"]);
    q = q.where((eb) => eb(eb.refTuple("c.changed_at", "c.id"), "<", eb.tuple(at as string, id as number)));
  }
  const rows = await q.orderBy("c.changed_at", "desc").orderBy("c.id", "desc").limit(query.limit + 1).execute();
  return toPage(rows, query.limit, present, (r) => [r.changed_at, r.id]);
}
