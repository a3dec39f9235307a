/**
 * What changed between two inventories of a machine, as lines of its history: "memory 8192 →
 * 16384" (MB; the screens say "8 → 16 GB"), "disk Samsung SSD 870 added", "Firefox 128 → 131".
 * Values that move at every run (free space, the last boot, who is logged in) are not compared.
 */
import type { InventoryDetails } from "./inventory-details.js";

export type InventoryChange = {
  section: "memory" | "cpu" | "disk" | "os" | "bios" | "network" | "monitor" | "antivirus" | "software";
  change: "added" | "removed" | "changed";
  item: string;
  oldValue: string | null;
  newValue: string | null;
};

type Keyed = { key: string; label: string; value: string | null };

/** Items matched by key: those only before were removed, only after added, in both with another value changed. */
function diffKeyed(section: InventoryChange["section"], before: Keyed[], after: Keyed[]): InventoryChange[] {
  const changes: InventoryChange[] = [];
  const old = new Map(before.map((item) => [item.key, item]));
  const now = new Map(after.map((item) => [item.key, item]));
  for (const [key, item] of old) {
    const next = now.get(key);
    if (!next) changes.push({ section, change: "removed", item: item.label, oldValue: item.value, newValue: null });
    else if (next.value !== item.value) changes.push({ section, change: "changed", item: next.label, oldValue: item.value, newValue: next.value });
  }
  for (const [key, item] of now) if (!old.has(key)) changes.push({ section, change: "added", item: item.label, oldValue: null, newValue: item.value });
  return changes;
}

function diffValue(section: InventoryChange["section"], item: string, before: string | null, after: string | null): InventoryChange[] {
  return before === after ? [] : [{ section, change: "changed", item, oldValue: before, newValue: after }];
}

const text = (...parts: (string | number | null | undefined)[]) => parts.filter((part) => part !== null && part !== undefined && part !== "").join(" ") || null;

function totalMemory(details: InventoryDetails): string | null {
  const sum = details.memories.reduce((total, memory) => total + (memory.capacityMb ?? 0), 0);
  return text(sum || details.hardware.memoryMb);
}

function processors(details: InventoryDetails): string | null {
  return text(details.cpus.map((cpu) => cpu.name ?? "?").join(", "));
}

/** Disks by serial (a replaced disk is another disk even with the same name), else by name. */
function disks(details: InventoryDetails): Keyed[] {
  return details.disks.map((disk, index) => ({
    key: disk.serial ?? disk.name ?? `#${index}`, label: text(disk.model, disk.name) ?? `#${index + 1}`, value: text(disk.sizeMb),
  }));
}

function networks(details: InventoryDetails): Keyed[] {
  return details.networks.filter((network) => network.mac).map((network) => ({
    key: network.mac as string, label: text(network.name, network.mac) as string, value: null,
  }));
}

function monitors(details: InventoryDetails): Keyed[] {
  return details.monitors.map((monitor, index) => ({
    key: monitor.serial ?? monitor.name ?? `#${index}`, label: text(monitor.manufacturer, monitor.name, monitor.serial) ?? `#${index + 1}`, value: null,
  }));
}

function antivirus(details: InventoryDetails): Keyed[] {
  return details.antivirus.map((product, index) => ({ key: product.name ?? `#${index}`, label: product.name ?? `#${index + 1}`, value: product.version }));
}

export function diffDetails(before: InventoryDetails, after: InventoryDetails): InventoryChange[] {
  return [
    ...diffValue("memory", "total", totalMemory(before), totalMemory(after)),
    ...diffValue("cpu", "processors", processors(before), processors(after)),
    ...diffKeyed("disk", disks(before), disks(after)),
    ...diffValue("os", "system", text(before.os?.fullName ?? before.os?.name, before.os?.version), text(after.os?.fullName ?? after.os?.name, after.os?.version)),
    ...diffValue("os", "build", before.os?.kernelVersion ?? null, after.os?.kernelVersion ?? null),
    ...diffValue("bios", "version", before.bios.version, after.bios.version),
    ...diffKeyed("network", networks(before), networks(after)),
    ...diffKeyed("monitor", monitors(before), monitors(after)),
    ...diffKeyed("antivirus", antivirus(before), antivirus(after)),
  ];
}

export type Installed = { softwareId: number; name: string; version: string };

/** Software added, removed, or moved to another version ("Firefox 128.0 → 131.0"). */
export function diffSoftware(before: Installed[], after: Installed[]): InventoryChange[] {
  const group = (items: Installed[]) => {
    const map = new Map<number, { name: string; versions: string[] }>();
    for (const item of items) {
      const entry = map.get(item.softwareId) ?? { name: item.name, versions: [] };
      entry.versions.push(item.version);
      map.set(item.softwareId, entry);
    }
    return [...map].map(([id, entry]) => ({ key: String(id), label: entry.name, value: entry.versions.sort().join(", ") }));
  };
  return diffKeyed("software", group(before), group(after));
}
