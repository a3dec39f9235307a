/**
 * What Vigie keeps of an inventory for the asset page, and the few figures lists and signals read
 * (total memory, disk size, the fullest volume, the last user). Never process lists or environment
 * variables: the inventory model has no place for them. Local accounts are kept by login only.
 */
import { createHash } from "node:crypto";
import type {
  AgentInventory, InventoryAntivirus, InventoryBios, InventoryCpu, InventoryDisk, InventoryFirmware, InventoryHardware,
  InventoryMemory, InventoryMonitor, InventoryNetwork, InventoryNetworkDevice, InventoryOs, InventoryPrinter, InventoryUser, InventoryVolume,
} from "../protocol/inventory-model.js";

export type InventoryDetails = {
  hardware: InventoryHardware;
  bios: InventoryBios;
  os: InventoryOs | null;
  cpus: InventoryCpu[];
  memories: InventoryMemory[];
  disks: InventoryDisk[];
  volumes: InventoryVolume[];
  networks: InventoryNetwork[];
  monitors: InventoryMonitor[];
  printers: InventoryPrinter[];
  antivirus: InventoryAntivirus[];
  users: InventoryUser[];
  localUsers: string[];
  firmwares: InventoryFirmware[];
  device: InventoryNetworkDevice | null;
};

export function detailsOf(inventory: AgentInventory): InventoryDetails {
  return {
    hardware: inventory.hardware, bios: inventory.bios, os: inventory.os, cpus: inventory.cpus, memories: inventory.memories,
    disks: inventory.disks, volumes: inventory.volumes, networks: inventory.networks, monitors: inventory.monitors,
    printers: inventory.printers, antivirus: inventory.antivirus, users: inventory.users,
    localUsers: inventory.localUsers.map((user) => user.login), firmwares: inventory.firmwares, device: inventory.device,
  };
}

export function hashOf(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("base64url");
}

/**
 * The hash of what does not move between two runs of an unchanged machine: free space, the last
 * boot, who is logged in and page counters change every time and are left out, so a re-inventory
 * of the same hardware is seen as such.
 */
export function stableHashOf(details: InventoryDetails): string {
  const { hardware, os, volumes, device, users: _users, ...rest } = details;
  return hashOf({
    ...rest,
    hardware: { ...hardware, lastLoggedUser: null },
    os: os && { ...os, lastBootAt: null },
    volumes: volumes.map((volume) => ({ ...volume, freeMb: null })),
    device: device && { ...device, uptime: null, pageCounters: null, cartridges: [] },
  });
}

/** Real, local volumes: network shares and pseudo file systems say nothing about this machine's disks. */
const PSEUDO_FILESYSTEMS = /^(tmpfs|devtmpfs|overlay|squashfs|proc|sysfs|nfs4?|cifs|smbfs|fuse\..*|autofs|iso9660|udf)$/i;

function isLocalVolume(volume: InventoryVolume): boolean {
  return (volume.totalMb ?? 0) >= 1024 && !PSEUDO_FILESYSTEMS.test(volume.filesystem ?? "");
}

export type InventoryFigures = {
  memoryMb: number | null;
  diskMb: number | null;
  /** Percent used of the fullest local volume of 1 GB or more. */
  fullestVolumePct: number | null;
  lastUser: string | null;
  antivirusOk: 0 | 1 | null;
};

export function figuresOf(inventory: AgentInventory): InventoryFigures {
  const modules = inventory.memories.reduce((sum, memory) => sum + (memory.capacityMb ?? 0), 0);
  const disks = inventory.disks.reduce((sum, disk) => sum + (disk.sizeMb ?? 0), 0);
  let fullest: number | null = null;
  for (const volume of inventory.volumes.filter(isLocalVolume)) {
    if (volume.freeMb === null || volume.totalMb === null) continue;
    const used = Math.round(((volume.totalMb - volume.freeMb) / volume.totalMb) * 100);
    fullest = Math.max(fullest ?? 0, Math.min(100, Math.max(0, used)));
  }
  const lastUser = inventory.hardware.lastLoggedUser ?? inventory.users.at(-1)?.login ?? null;
  // One product on and current is enough: Windows lists Defender, switched off, beside the product in use.
  const antivirusOk = inventory.antivirus.length === 0 ? null : inventory.antivirus.some((av) => av.isEnabled !== false && av.isUpToDate !== false) ? 1 : 0;
  // The modules' sum is what was bought (16 GB); the system sees a little less.
  return { memoryMb: modules || inventory.hardware.memoryMb, diskMb: disks || null, fullestVolumePct: fullest, lastUser, antivirusOk };
}
