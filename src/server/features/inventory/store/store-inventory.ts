/**
 * Stores one inventory: which asset it is (the admin's import rules), the asset's fields a person
 * did not lock, what the inventory says of the machine, its software, and what changed since the
 * last one. One transaction: an inventory is stored whole or not at all.
 *
 * Catalogue rows (manufacturer, model, software, version) are added before, on their own
 * (software-catalogue.ts). Inside, the machine's keys are locked first (PostgreSQL), so two
 * inventories of one new machine arriving at once make one asset, not two.
 *
 * An unchanged re-inventory compares hashes and writes three rows (the inventory's date, the
 * agent, the log), instead of diffing and rewriting 800 installations.
 */
import type { Kysely, Selectable } from "kysely";
import type { Db } from "../../../db/database.js";
import { lockNames } from "../../../db/dialect.js";
import type { DB } from "../../../db/schema.js";
import type { AssetInventoryTable, AssetRow } from "../../../db/schema-assets.js";
import { now } from "../../../db/values.js";
import { inSavepoint } from "../../../db/write-batch.js";
import { type Change, recordHistory } from "../../history/history.service.js";
import { generateTag } from "../../assets/asset-tag.js";
import { type IdentityKeys, identityKeys } from "../identity/identity-keys.js";
import { type MatchDecision, decide } from "../identity/match-rules.js";
import type { AgentInventory } from "../protocol/inventory-model.js";
import { assetLookup } from "./asset-lookup.js";
import { linkAttachedDevices } from "./attached-devices.js";
import {
  type AssetRefs, fieldValuesOf, forgetAssetRefs, locksOf, nameOf, resolveAssetRefs, serialOf, serialTaken,
} from "./inventory-asset.js";
import { type InventoryChange, diffDetails, diffSoftware } from "./inventory-changes.js";
import { type InventoryDetails, detailsOf, figuresOf, hashOf, stableHashOf } from "./inventory-details.js";
import { inventorySettings } from "./inventory-settings.js";
import { type ResolvedEntry, forgetCatalogue, resolveCatalogue } from "./software-catalogue.js";
import { softwareEntries } from "./software-entries.js";
import { queueSoftwareChange, scheduleSoftwareRollup } from "./software-rollup.js";
import { readInstallations, writeInstallations } from "./installations.js";
import { SoftwareListNeeded } from "../software-list.js";

export type StoreRequest = {
  agentId: number;
  entityId: number;
  inventory: AgentInventory;
  /** A person's choice for an inventory the rules refused: this asset, or a new one (null). */
  chosen?: { assetId: number | null; by: string };
  /** The key of the software list as the agent wrote it; `kept`: the inventory holds none, the machine's last list stands. */
  softwareList?: { key: string; kept: boolean };
};
export type StoreResult = { decision: MatchDecision; assetId: number | null; created: boolean; changes: number; unchanged: boolean };


type Prepared = {
  keys: IdentityKeys;
  details: InventoryDetails;
  stableHash: string;
  softwareHash: string;
  software: ResolvedEntry[];
  refs: AssetRefs;
};

async function prepare(db: Kysely<DB>, inventory: AgentInventory, softwareRules: Parameters<typeof softwareEntries>[1]): Promise<Prepared> {
  const keys = identityKeys({
    serial: inventory.bios.serial, uuid: inventory.hardware.uuid, name: inventory.hardware.name,
    networks: inventory.networks.map((n) => ({ description: n.name, mac: n.mac, type: n.type, virtual: n.isVirtual })),
  });
  const entries = softwareEntries(inventory.software, softwareRules);
  const details = detailsOf(inventory);
  return {
    keys, details, stableHash: stableHashOf(details),
    softwareHash: hashOf(entries.map((entry) => [entry.nameKey, entry.version])),
    software: await resolveCatalogue(db, entries),
    refs: await resolveAssetRefs(db, inventory),
  };
}

/** The names locked while the inventory is stored: every key it can be found by. */
function lockNamesOf(keys: IdentityKeys): string[] {
  return [keys.serial && `serial:${keys.serial.toLowerCase()}`, keys.uuid && `uuid:${keys.uuid}`, ...keys.macs.map((mac) => `mac:${mac}`),
    keys.name && `name:${keys.name}`].filter((name): name is string => Boolean(name));
}

async function createAsset(trx: Db, request: StoreRequest, prepared: Prepared, at: string): Promise<AssetRow> {
  const { inventory, entityId } = request;
  const { refs } = prepared;
  const fieldKeys = await kindFieldKeys(trx, refs.kindId);
  const fields = fieldValuesOf(inventory, figuresOf(inventory), fieldKeys);
  let serial = serialOf(inventory);
  // Only reachable when the admin disabled the serial rules: the unique index would refuse the row.
  if (serial && (await serialTaken(trx, entityId, refs.manufacturerId, serial))) serial = null;
  const tag = await generateTag(trx, refs.tagPattern ?? "INV-{YYYY}-{#####}", entityId);
  const row = await trx.insertInto("asset").values({
    entity_id: entityId, kind_id: refs.kindId, name: nameOf(inventory), asset_tag: tag, serial, manufacturer_id: refs.manufacturerId,
    model_id: refs.modelId, status: "in_use", location_id: null, user_id: null, group_id: null, tech_contact_id: null, notes: null,
    fields: Object.keys(fields).length > 0 ? JSON.stringify(fields) : null, supplier_id: null, order_number: null, invoice_number: null,
    purchase_date: null, price_cents: null, warranty_start: null, warranty_months: null, warranty_end: null, depreciation_years: null,
    disposed_at: null, recycler: null, disposal_certificate: null, loan_due_at: null, inventory_locks: null, version: 1, created_by: null,
    created_at: at, updated_at: at,
  }).returningAll().executeTakeFirstOrThrow();
  await trx.insertInto("asset_event").values({
    asset_id: row.id, entity_id: entityId, event_type: "create", from_status: null, to_status: "in_use", from_user_id: null, to_user_id: null,
    from_location_id: null, to_location_id: null, reason: `inventory: ${[inventory.agent.name, inventory.agent.version].filter(Boolean).join(" ")}`,
    actor_id: null, created_at: at,
  }).execute();
  await recordHistory(trx, undefined, { recordType: "asset", recordId: row.id, entityId, action: "create", label: `${tag} ${row.name}` });
  return row;
}

async function kindFieldKeys(trx: Db, kindId: number): Promise<ReadonlySet<string>> {
  const rows = await trx.selectFrom("asset_field").select("key").where("kind_id", "=", kindId).execute();
  return new Set(rows.map((row) => row.key));
}

/** Name, serial, manufacturer, model and the technician's fields, where no person locked them. */
async function updateAsset(trx: Db, row: AssetRow, request: StoreRequest, prepared: Prepared, at: string): Promise<void> {
  const { inventory } = request;
  const locks = locksOf(row);
  const next: Partial<Pick<AssetRow, "name" | "serial" | "manufacturer_id" | "model_id" | "fields">> = {};
  const changes: Change[] = [];
  const set = <K extends keyof typeof next>(lock: string, column: K, value: AssetRow[K]) => {
    if (locks.has(lock) || value === null || value === row[column]) return;
    next[column] = value;
    changes.push({ field: lock, oldValue: row[column], newValue: value });
  };
  set("name", "name", nameOf(inventory));
  const serial = serialOf(inventory);
  if (serial && !row.serial && !(await serialTaken(trx, row.entity_id, row.manufacturer_id, serial, row.id))) set("serial", "serial", serial);
  // The model belongs to a kind: a person may have filed the machine under another kind than the inventory's guess.
  if (row.kind_id === prepared.refs.kindId) {
    set("manufacturerId", "manufacturer_id", prepared.refs.manufacturerId);
    set("modelId", "model_id", prepared.refs.modelId);
  }
  const current = row.fields ? (JSON.parse(row.fields) as Record<string, unknown>) : {};
  const reported = fieldValuesOf(inventory, figuresOf(inventory), await kindFieldKeys(trx, row.kind_id));
  const fields = { ...current };
  for (const [key, value] of Object.entries(reported)) if (!locks.has(`fields.${key}`)) fields[key] = value;
  if (JSON.stringify(fields) !== JSON.stringify(current)) {
    next.fields = JSON.stringify(fields);
    changes.push({ field: "fields", oldValue: row.fields, newValue: next.fields });
  }
  if (changes.length === 0) return;
  await trx.updateTable("asset").set({ ...next, version: row.version + 1, updated_at: at }).where("id", "=", row.id).execute();
  await recordHistory(trx, undefined, { recordType: "asset", recordId: row.id, entityId: row.entity_id, action: "update", changes });
}

/** The keys the machine will be found by next time, besides its serial (read on the asset). */
async function saveIdentity(trx: Db, assetId: number, keys: IdentityKeys): Promise<void> {
  await trx.deleteFrom("asset_identity").where("asset_id", "=", assetId).execute();
  const rows = [
    ...(keys.uuid ? [{ key: "uuid" as const, value: keys.uuid }] : []),
    ...keys.macs.map((mac) => ({ key: "mac" as const, value: mac })),
    ...(keys.name ? [{ key: "name" as const, value: keys.name }] : []),
  ];
  if (rows.length > 0) await trx.insertInto("asset_identity").values(rows.map((row) => ({ ...row, asset_id: assetId }))).execute();
}

/**
 * Replaces the machine's installations by the reported ones, queues the versions added and removed
 * for the catalogue (software-rollup.ts), and says what changed.
 */
async function replaceSoftware(trx: Db, asset: Pick<AssetRow, "id" | "entity_id">, entries: readonly ResolvedEntry[], first: boolean): Promise<InventoryChange[]> {
  const before = first ? [] : await readInstallations(trx, asset.id);
  const reported = new Set(entries.map((entry) => entry.versionId));
  const had = new Set(before.map((installation) => installation.versionId));
  const gone = before.filter((installation) => !reported.has(installation.versionId));
  const added = entries.filter((entry) => !had.has(entry.versionId));
  await writeInstallations(trx, asset.id, entries.map((entry) => ({ versionId: entry.versionId, softwareId: entry.softwareId,
    installDate: entry.installDate, arch: entry.arch })));
  await queueSoftwareChange(trx, asset, added.map((entry) => entry.versionId), gone.map((installation) => installation.versionId));
  if (first) return [];
  // Only the software that gained or lost a version can have changed: their names are read for those alone.
  const touched = new Set([...gone.map((installation) => installation.softwareId), ...added.map((entry) => entry.softwareId)]);
  const beforeTouched = before.filter((installation) => touched.has(installation.softwareId)).map((installation) => installation.versionId);
  const named = beforeTouched.length === 0 ? [] : await trx.selectFrom("software_version as v").innerJoin("software as s", "s.id", "v.software_id")
    .select(["v.software_id", "s.name", "v.version"]).where("v.id", "in", beforeTouched).execute();
  return diffSoftware(
    named.map((row) => ({ softwareId: row.software_id, name: row.name, version: row.version })),
    entries.filter((entry) => touched.has(entry.softwareId)).map((entry) => ({ softwareId: entry.softwareId, name: entry.name, version: entry.version })),
  );
}

type PreviousInventory = Selectable<AssetInventoryTable>;

async function saveInventory(trx: Db, assetId: number, request: StoreRequest, prepared: Prepared, previous: PreviousInventory | undefined, at: string) {
  const { inventory } = request;
  const figures = figuresOf(inventory);
  const values = {
    agent_id: request.agentId, agent_name: inventory.agent.name, agent_version: inventory.agent.version,
    hostname: inventory.hardware.name, uuid: prepared.keys.uuid ?? null,
    os_name: inventory.os?.fullName ?? inventory.os?.name ?? null, os_version: inventory.os?.version ?? null,
    os_build: inventory.os?.kernelVersion ?? null, os_arch: inventory.os?.arch ?? null, os_install_date: inventory.os?.installDate ?? null,
    memory_mb: figures.memoryMb, disk_mb: figures.diskMb, fullest_volume_pct: figures.fullestVolumePct, last_user: figures.lastUser,
    antivirus_ok: figures.antivirusOk, details: JSON.stringify(prepared.details), details_hash: prepared.stableHash,
    software_list_key: request.softwareList?.key ?? null, inventoried_at: inventory.inventoriedAt, received_at: at,
    // A kept list was not read: the count and hash of the stored one stand.
    ...(request.softwareList?.kept ? {} : { software_count: prepared.software.length, software_hash: prepared.softwareHash }),
  };
  if (!previous) {
    await trx.insertInto("asset_inventory").values({ software_count: 0, software_hash: "", ...values, asset_id: assetId, first_received_at: at }).execute();
    return;
  }
  // Only what moved: the details (kilobytes of JSON) are not written again when they are the same.
  const changed = Object.fromEntries(Object.entries(values).filter(([column, value]) => previous[column as keyof PreviousInventory] !== value));
  await trx.updateTable("asset_inventory").set(changed).where("asset_id", "=", assetId).execute();
}

function chosenDecision(chosen: NonNullable<StoreRequest["chosen"]>): MatchDecision {
  return chosen.assetId === null
    ? { decision: "create", rule: "manual", reason: "no-match", text: `new asset: chosen by ${chosen.by}`, trace: [] }
    : { decision: "match", assetId: chosen.assetId, rule: "manual", reason: "matched", text: `matched asset ${chosen.assetId}: chosen by ${chosen.by}`, trace: [] };
}

async function storeInTransaction(trx: Db, request: StoreRequest, prepared: Prepared, rules: Awaited<ReturnType<typeof inventorySettings>>["matchRules"]): Promise<StoreResult> {
  await lockNames(trx, lockNamesOf(prepared.keys));
  const decision = request.chosen ? chosenDecision(request.chosen) : await decide(prepared.keys, rules, assetLookup(trx, request.entityId));
  if (decision.decision === "refuse") return { decision, assetId: null, created: false, changes: 0, unchanged: false };
  const at = now();
  const asset = decision.decision === "create"
    ? await createAsset(trx, request, prepared, at)
    : await trx.selectFrom("asset").selectAll().where("id", "=", decision.assetId as number).executeTakeFirstOrThrow();
  const previous = await trx.selectFrom("asset_inventory").selectAll()
    .where("asset_id", "=", asset.id).executeTakeFirst();
  const kept = request.softwareList?.kept === true;
  if (kept && previous?.software_list_key !== request.softwareList?.key) throw new SoftwareListNeeded();
  const hardwareChanged = previous?.details_hash !== prepared.stableHash;
  const softwareChanged = !kept && previous?.software_hash !== prepared.softwareHash;
  const changes: InventoryChange[] = [];
  if (hardwareChanged) {
    if (decision.decision === "match") await updateAsset(trx, asset, request, prepared, at);
    await saveIdentity(trx, asset.id, prepared.keys);
    if (previous) changes.push(...diffDetails(JSON.parse(previous.details) as InventoryDetails, prepared.details));
  }
  if (softwareChanged) changes.push(...(await replaceSoftware(trx, asset, prepared.software, !previous)));
  await saveInventory(trx, asset.id, request, prepared, previous, at);
  // The monitors and printers are part of the hardware: when it has not changed, they stay linked as they are.
  if (hardwareChanged) await linkAttachedDevices(trx, asset, request.inventory, at);
  if (changes.length > 0) {
    await trx.insertInto("asset_change").values(changes.map((change) => ({
      asset_id: asset.id, entity_id: asset.entity_id, section: change.section, change: change.change, item: change.item.slice(0, 255),
      old_value: change.oldValue?.slice(0, 500) ?? null, new_value: change.newValue?.slice(0, 500) ?? null, changed_at: at,
    }))).execute();
  }
  return { decision, assetId: asset.id, created: decision.decision === "create", changes: changes.length, unchanged: !hardwareChanged && !softwareChanged };
}

/**
 * Stores the inventory in a transaction of its own, or, when `db` is one already (SQLite's shared
 * batch, db/write-batch.ts), in a savepoint of it.
 */
export async function storeInventory(db: Kysely<DB>, request: StoreRequest): Promise<StoreResult> {
  const result = await storeOnce(db, request);
  if (!result.unchanged) scheduleSoftwareRollup(db);
  return result;
}

async function storeOnce(db: Kysely<DB>, request: StoreRequest): Promise<StoreResult> {
  if (db.isTransaction) return storeWithin(db, request);
  const settings = await inventorySettings(db);
  const prepared = await prepare(db, request.inventory, settings.softwareRules);
  try {
    return await db.transaction().execute((trx) => storeInTransaction(trx, request, prepared, settings.matchRules));
  } catch (error) {
    if (!isForeignKeyError(error)) throw error;
    // Manufacturers or models (or the catalogue) emptied under us (a test, a restore): forget the ids kept in memory, once.
    forgetCatalogue(db);
    forgetAssetRefs(db);
    const again = await prepare(db, request.inventory, settings.softwareRules);
    return db.transaction().execute((trx) => storeInTransaction(trx, request, again, settings.matchRules));
  }
}

async function storeWithin(trx: Kysely<DB>, request: StoreRequest): Promise<StoreResult> {
  const settings = await inventorySettings(trx);
  const attempt = async () => {
    const prepared = await prepare(trx, request.inventory, settings.softwareRules);
    return storeInTransaction(trx, request, prepared, settings.matchRules);
  };
  try {
    return await inSavepoint(trx, "inventory", attempt);
  } catch (error) {
    if (!isForeignKeyError(error)) throw error;
    forgetCatalogue(trx);
    forgetAssetRefs(trx);
    return inSavepoint(trx, "inventory", attempt);
  }
}

function isForeignKeyError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY" || /FOREIGN KEY constraint failed/.test(message ?? "");
}
