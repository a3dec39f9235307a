/**
 * What agents' inventories say of one asset (hardware, system, software, the changes between two
 * inventories), and the fleet's changes. Sizes are in MB as the agents send them; screens say GB.
 */
import { z } from "zod";
import { IdSchema, PageQuerySchema, pageOf } from "./common.js";

const queryText = (max: number) => z.string().trim().max(max).optional().transform((v) => (v === "" ? undefined : v));
const text = z.string().nullable();
const num = z.number().nullable();
const flag = z.boolean().nullable();

export const AssetInventoryParamsSchema = z.object({ assetId: IdSchema });

/** "name", "serial", "manufacturerId", "modelId" or "fields.<key>": the names asset edits lock. */
export const InventoryLockParamsSchema = z.object({ assetId: IdSchema, field: z.string().trim().min(1).max(100) });

/** The parts of the inventory the asset page shows, as the agents gave them (store/inventory-details.ts). */
export const InventoryDetailsSchema = z.object({
  hardware: z.object({ name: text, uuid: text, chassis: text, workgroup: text, dnsDomain: text, fqdn: text, memoryMb: num, swapMb: num,
    vmSystem: text, lastLoggedUser: text, defaultGateway: text, dns: text }),
  bios: z.object({ manufacturer: text, model: text, serial: text, assetTag: text, sku: text, biosManufacturer: text, version: text, date: text,
    boardManufacturer: text, boardModel: text, boardSerial: text }),
  os: z.object({ name: text, fullName: text, version: text, kernelVersion: text, kernelName: text, servicePack: text, arch: text,
    installDate: text, lastBootAt: text }).nullable(),
  cpus: z.array(z.object({ name: text, manufacturer: text, cores: num, threads: num, speedMhz: num, arch: text, serial: text })),
  memories: z.array(z.object({ capacityMb: num, type: text, speedMhz: num, serial: text, manufacturer: text, slot: text })),
  disks: z.array(z.object({ name: text, model: text, manufacturer: text, serial: text, sizeMb: num, type: text, interface: text, firmware: text })),
  volumes: z.array(z.object({ mount: text, device: text, label: text, filesystem: text, totalMb: num, freeMb: num, serial: text })),
  networks: z.array(z.object({ name: text, mac: text, ipv4: z.array(z.string()), ipv6: z.array(z.string()), speedMbps: num, isVirtual: flag,
    type: text, status: text, driver: text })),
  monitors: z.array(z.object({ name: text, manufacturer: text, serial: text, altSerial: text, description: text })),
  printers: z.array(z.object({ name: text, driver: text, port: text, serial: text, isNetwork: flag, isShared: flag })),
  antivirus: z.array(z.object({ name: text, company: text, isEnabled: flag, isUpToDate: flag, version: text, expiresOn: text })),
  /** Who was logged in at the inventory. */
  users: z.array(z.object({ login: z.string(), domain: text })),
});
export type InventoryDetailsView = z.infer<typeof InventoryDetailsSchema>;

/** The last inventory of the asset. */
export const InventorySnapshotSchema = z.object({
  /** The agent that sent it: its own id on the machine (null once the agent was removed). */
  agent: z.object({ id: num, deviceId: text, name: text, version: text }),
  /** When the agent ran it (its own clock), when Vigie received it, and the first inventory ever received. */
  inventoriedAt: text,
  receivedAt: z.string(),
  firstReceivedAt: z.string(),
  hostname: text,
  uuid: text,
  os: z.object({ name: text, version: text, build: text, arch: text, installDate: text }),
  memoryMb: num,
  diskMb: num,
  /** Percent used of the fullest local volume. */
  fullestVolumePct: num,
  lastUser: text,
  softwareCount: z.number(),
  details: InventoryDetailsSchema,
});
export type InventorySnapshot = z.infer<typeof InventorySnapshotSchema>;

export const AssetInventorySchema = z.object({
  assetId: z.number(),
  /** null: no agent ever inventoried this asset. */
  inventory: InventorySnapshotSchema.nullable(),
  /** The fields a person edited, which inventories leave as they are. */
  locks: z.array(z.string()),
  /** The person whose login is the last logged-in user, when the asset is not already theirs. */
  suggestedUser: z.object({ id: z.number(), name: z.string(), login: z.string() }).nullable(),
});
export type AssetInventory = z.infer<typeof AssetInventorySchema>;

export const InventoryLocksSchema = z.object({ locks: z.array(z.string()) });
export type InventoryLocks = z.infer<typeof InventoryLocksSchema>;

/** One software installed on the asset, in one version. */
export const AssetSoftwareSchema = z.object({
  softwareId: z.number(),
  versionId: z.number(),
  name: z.string(),
  publisher: text,
  /** "" when the agent gave none. */
  version: z.string(),
  installDate: text,
  arch: text,
});
export type AssetSoftware = z.infer<typeof AssetSoftwareSchema>;
export const AssetSoftwarePageSchema = pageOf(AssetSoftwareSchema);

export const ListAssetSoftwareQuerySchema = PageQuerySchema.extend({
  /** Part of the name, whatever its case. */
  q: queryText(200),
});
export type ListAssetSoftwareQuery = z.infer<typeof ListAssetSoftwareQuerySchema>;

export const CHANGE_SECTIONS = ["software", "memory", "cpu", "disk", "os", "bios", "network", "monitor", "antivirus"] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];
export const CHANGE_KINDS = ["added", "removed", "changed"] as const;

/**
 * One change between two inventories. Values are as stored: memory in MB ("8192" → "16384"),
 * a disk's size in MB, a software's versions joined by ", ".
 */
export const AssetChangeSchema = z.object({
  id: z.number(),
  section: z.enum(CHANGE_SECTIONS),
  change: z.enum(CHANGE_KINDS),
  /** "Mozilla Firefox", "total" (memory), "processors", "Samsung SSD 870 sda"… */
  item: z.string(),
  oldValue: text,
  newValue: text,
  changedAt: z.string(),
});
export type AssetChange = z.infer<typeof AssetChangeSchema>;
export const AssetChangePageSchema = pageOf(AssetChangeSchema);

export const ListAssetChangesQuerySchema = PageQuerySchema;
export type ListAssetChangesQuery = z.infer<typeof ListAssetChangesQuerySchema>;

/** A change anywhere in the fleet, with its asset. */
export const FleetChangeSchema = AssetChangeSchema.extend({ assetId: z.number(), assetTag: z.string(), assetName: z.string() });
export type FleetChange = z.infer<typeof FleetChangeSchema>;
export const FleetChangePageSchema = pageOf(FleetChangeSchema);

export const ListFleetChangesQuerySchema = PageQuerySchema.extend({
  section: z.enum(CHANGE_SECTIONS).optional(),
  /** The exact item, as the changes name it: "Mozilla Firefox". */
  item: queryText(255),
});
export type ListFleetChangesQuery = z.infer<typeof ListFleetChangesQuerySchema>;
