/**
 * Turns what a device said over SNMP into the inventory model the agents' devices use
 * (protocol/normalize-content.ts), so import rules, the decision log and locks apply alike.
 * Printer-MIB present → printer; IP forwarding → router; a bridge → switch; else not a device we file.
 */
import { VIGIE_VERSION } from "../../../../shared/domain/version.js";
import type { AgentInventory, ItemType } from "../protocol/inventory-model.js";
import { normalizeContent } from "../protocol/normalize-content.js";
import type { SnmpDeviceRead, SnmpSupply } from "./snmp-read.js";

/** Enterprise numbers (sysObjectID 1.3.6.1.4.1.N) of the makers met in offices, for devices without ENTITY-MIB. */
const ENTERPRISES: Record<string, string> = {
  "9": "Cisco", "11": "HP", "236": "Samsung", "253": "Xerox", "367": "Ricoh", "641": "Lexmark", "674": "Dell", "1248": "Epson",
  "1347": "Kyocera", "1602": "Canon", "2011": "Huawei", "2435": "Brother", "2636": "Juniper", "4526": "Netgear", "6486": "Alcatel-Lucent",
  "11863": "TP-Link", "12356": "Fortinet", "14988": "MikroTik", "18334": "Konica Minolta", "25506": "H3C", "30065": "Arista", "41112": "Ubiquiti",
};

/** prtMarkerSuppliesType, named as the Printer-MIB does. */
const SUPPLY_TYPES: Record<number, string> = {
  3: "toner", 4: "wasteToner", 5: "ink", 6: "inkCartridge", 7: "inkRibbon", 8: "wasteInk", 9: "opc", 10: "developer", 11: "fuserOil",
  15: "fuser", 18: "cleanerUnit", 20: "transferUnit", 21: "tonerCartridge", 32: "staples",
};
/** prtMarkerSuppliesClass: 4 is a receptacle that fills up (waste toner); everything else runs out. */
const RECEPTACLE = 4;

export function kindOf(device: SnmpDeviceRead): ItemType | null {
  if (device.supplies.length > 0 || device.pageCount !== null) return "Printer";
  if (device.forwarding || device.bridge) return "NetworkEquipment";
  return null;
}

function manufacturerOf(device: SnmpDeviceRead): string | null {
  if (device.manufacturer) return device.manufacturer;
  const enterprise = /^1\.3\.6\.1\.4\.1\.(\d+)/.exec(device.sysObjectId ?? "")?.[1];
  return enterprise ? (ENTERPRISES[enterprise] ?? null) : null;
}

/** The percentage left, when the printer gives a level and a capacity (-3 "some left" and -2 "unknown" give none). */
export function percentOf(supply: Pick<SnmpSupply, "level" | "max">): number | null {
  if (supply.level === null || supply.max === null || supply.level < 0 || supply.max <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((supply.level / supply.max) * 100)));
}

export function supplyKind(supply: SnmpSupply): { kind: string; consumed: boolean } {
  return { kind: (supply.type !== null ? SUPPLY_TYPES[supply.type] : undefined) ?? "other", consumed: supply.supplyClass !== RECEPTACLE };
}

/** The device as an agent's JSON netinventory would have described it. */
export function toInventory(device: SnmpDeviceRead, itemtype: ItemType): AgentInventory {
  const ips = [device.ip, ...device.interfaces.flatMap((i) => i.ips)].filter((ip, n, all) => all.indexOf(ip) === n && !ip.startsWith("127."));
  const main = device.interfaces.find((i) => i.mac && i.ips.includes(device.ip)) ?? device.interfaces.find((i) => i.mac);
  const type = itemtype === "Printer" ? "Printer" : device.forwarding ? "Router" : "Switch";
  const content = {
    versionclient: `Vigie-SNMP_v${VIGIE_VERSION}`,
    network_device: {
      name: device.sysName, description: device.sysDescr, location: device.sysLocation, contact: device.sysContact, type,
      manufacturer: manufacturerOf(device), model: device.model, serial: device.serial, mac: main?.mac ?? null, ips,
      uptime: device.uptime === null ? null : String(device.uptime),
    },
    network_ports: device.interfaces.map((i) => ({ ifdescr: i.name, mac: i.mac, ifspeed: i.speedBps, iftype: i.type,
      ifstatus: i.up === null ? null : i.up ? "1" : "2", ips: i.ips })),
    pagecounters: device.pageCount === null ? {} : { total: device.pageCount },
    cartridges: device.supplies.map((s) => ({ name: s.description, value: String(percentOf(s) ?? s.level ?? "") })),
  };
  return normalizeContent(content, { format: "json", itemtype });
}
