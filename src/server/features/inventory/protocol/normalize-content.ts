import type { AgentInventory, ItemType } from "./inventory-model.js";
import { agentOf, section, text, whole, type Section } from "./inventory-values.js";
import { toDevice, toFirmwares, toPorts } from "./normalize-device.js";
import {
  inventoriedAtOf,
  tagOf,
  toAntivirus,
  toDisks,
  toLocalUsers,
  toMonitors,
  toNetworks,
  toPrinters,
  toSoftware,
  toUsers,
  toVolumes,
} from "./normalize-parts.js";
import { toBios, toCpus, toHardware, toMemories, toOs } from "./normalize-system.js";

export type ContentContext = {
  format: "xml" | "json";
  itemtype: ItemType;
  /** The JSON message's `tag`; XML carries it inside CONTENT (ACCOUNTINFO). */
  tag?: string | null;
  /** The request's User-Agent: the only place the OCS agent names itself. */
  userAgent?: string | null;
};

/**
 * One AgentInventory from an inventory CONTENT whose keys are lower-case (the JSON spelling).
 * Fields are picked one by one, so sections nobody asked for — PROCESSES, ENVS — cannot leak through.
 */
export function normalizeContent(content: Section, context: ContentContext): AgentInventory {
  const fromContent = agentOf(text(content["versionclient"]));
  const fromHeader = agentOf(context.userAgent ?? null);
  const device = toDevice(content);
  const inventory: AgentInventory = {
    format: context.format,
    itemtype: context.itemtype,
    agent: { name: fromContent.name ?? fromHeader.name, version: fromContent.version ?? fromHeader.version },
    tag: context.tag ?? tagOf(content),
    inventoriedAt: inventoriedAtOf(content),
    hardware: toHardware(content),
    bios: toBios(content),
    os: toOs(content),
    cpus: toCpus(content),
    memories: toMemories(content),
    disks: toDisks(content),
    volumes: toVolumes(content),
    networks: device ? toPorts(content) : toNetworks(content),
    monitors: toMonitors(content),
    printers: toPrinters(content),
    antivirus: toAntivirus(content),
    users: toUsers(content),
    localUsers: toLocalUsers(content),
    software: toSoftware(content),
    device,
    firmwares: toFirmwares(content),
  };
  if (device) describeDevice(inventory, section(content["network_device"]));
  return inventory;
}

/** A network device has no HARDWARE or BIOS section: NETWORK_DEVICE says what it is. */
function describeDevice(inventory: AgentInventory, device: Section): void {
  inventory.hardware.name ??= text(device["name"]);
  inventory.hardware.memoryMb ??= whole(device["ram"] ?? device["memory"]);
  inventory.bios.manufacturer ??= text(device["manufacturer"]);
  inventory.bios.model ??= text(device["model"]);
  inventory.bios.serial ??= text(device["serial"]);
  inventory.bios.assetTag ??= text(device["assettag"]);
}
