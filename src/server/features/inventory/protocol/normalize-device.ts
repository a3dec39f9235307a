import type { InventoryFirmware, InventoryNetwork, InventoryNetworkDevice } from "./inventory-model.js";
import { addAddress } from "./normalize-parts.js";
import { date, firstText, isSection, mac, section, sections, speedMbps, text, whole, type Section } from "./inventory-values.js";

/**
 * Switches, printers and other SNMP devices (JSON `netinventory`): NETWORK_DEVICE says what the
 * device is, NETWORK_PORTS are its interfaces, PAGECOUNTERS and CARTRIDGES a printer's counters.
 */

export function toDevice(content: Section): InventoryNetworkDevice | null {
  if (!isSection(content["network_device"])) return null;
  const device = section(content["network_device"]);
  const ips: string[] = [];
  for (const ip of listOf(device["ips"])) if (!ips.includes(ip)) ips.push(ip);
  return {
    type: text(device["type"]),
    description: text(device["description"]),
    location: text(device["location"]),
    contact: text(device["contact"]),
    uptime: text(device["uptime"]),
    ips,
    mac: mac(device["mac"]),
    pageCounters: toPageCounters(content["pagecounters"]),
    cartridges: toCartridges(content["cartridges"]),
  };
}

/** A network device's ports as interfaces; SNMP gives the speed in bit/s. */
export function toPorts(content: Section): InventoryNetwork[] {
  return sections(content["network_ports"]).map((p) => {
    const network: InventoryNetwork = {
      name: firstText(p, "ifdescr", "ifname"),
      mac: mac(p["mac"]),
      ipv4: [],
      ipv6: [],
      speedMbps: speedMbps(p["ifspeed"], "bps"),
      isVirtual: null,
      type: text(p["iftype"]),
      status: text(p["ifstatus"]) === "1" ? "up" : text(p["ifstatus"]) ? "down" : null,
      driver: null,
    };
    for (const ip of [text(p["ip"]), ...listOf(p["ips"])]) addAddress(network, ip);
    return network;
  });
}

export function toFirmwares(content: Section): InventoryFirmware[] {
  return sections(content["firmwares"]).map((f) => ({
    name: text(f["name"]),
    manufacturer: text(f["manufacturer"]),
    version: text(f["version"]),
    type: text(f["type"]),
    date: date(f["date"]),
  }));
}

function toPageCounters(value: unknown): Record<string, number> | null {
  if (!isSection(value)) return null;
  const counters: Record<string, number> = {};
  for (const [name, count] of Object.entries(value)) {
    const n = whole(count);
    if (n !== null) counters[name] = n;
  }
  return counters;
}

/** The schema says `{ name, value }`; the agents' examples send `{ tonerblack: "71" }`: read both. */
function toCartridges(value: unknown): { name: string; value: string }[] {
  return sections(value).flatMap((c) => {
    const name = text(c["name"]);
    if (name) return [{ name, value: text(c["value"]) ?? "" }];
    return Object.entries(c).flatMap(([key, v]) => (text(v) === null ? [] : [{ name: key, value: text(v)! }]));
  });
}

function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(text).filter((v): v is string => v !== null);
}
