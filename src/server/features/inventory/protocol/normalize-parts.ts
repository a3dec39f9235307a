import type {
  InventoryAntivirus,
  InventoryDisk,
  InventoryLocalUser,
  InventoryMonitor,
  InventoryNetwork,
  InventoryPrinter,
  InventorySoftware,
  InventoryUser,
  InventoryVolume,
} from "./inventory-model.js";
import { date, dateTime, firstText, flag, mac, section, sections, speedMbps, text, whole, type Section } from "./inventory-values.js";

/** The parts of a machine, from lower-case-keyed content (JSON spelling; XML is lower-cased first). */

export function toDisks(content: Section): InventoryDisk[] {
  return sections(content["storages"]).map((s) => ({
    name: text(s["name"]),
    model: text(s["model"]),
    manufacturer: text(s["manufacturer"]),
    serial: firstText(s, "serial", "serialnumber"),
    sizeMb: whole(s["disksize"]),
    type: text(s["type"]),
    interface: firstText(s, "interface", "description"),
    firmware: text(s["firmware"]),
  }));
}

/**
 * On Unix TYPE is the mount point and VOLUMN the device; on Windows LETTER is the mount point and
 * VOLUMN (or LABEL) the volume's name.
 */
export function toVolumes(content: Section): InventoryVolume[] {
  return sections(content["drives"]).map((d) => {
    const letter = text(d["letter"]);
    const type = text(d["type"]);
    return {
      mount: letter ?? (type?.startsWith("/") ? type : null),
      device: letter ? null : text(d["volumn"]),
      label: text(d["label"]) ?? (letter ? text(d["volumn"]) : null),
      filesystem: text(d["filesystem"]),
      totalMb: whole(d["total"]),
      freeMb: whole(d["free"]),
      serial: text(d["serial"]),
    };
  });
}

/**
 * Agents send one NETWORKS entry per address (eth0 for IPv4, eth0 again for IPv6): merged here
 * into one interface per name and MAC. OCS puts IPv6 addresses in IPADDRESS too.
 */
export function toNetworks(content: Section): InventoryNetwork[] {
  const byKey = new Map<string, InventoryNetwork>();
  for (const n of sections(content["networks"])) {
    const name = text(n["description"]);
    const address = mac(n["mac"] ?? n["macaddr"]);
    const key = `${name ?? ""}|${address ?? ""}`;
    let network = byKey.get(key);
    if (!network) {
      network = {
        name,
        mac: address,
        ipv4: [],
        ipv6: [],
        speedMbps: speedMbps(n["speed"]),
        isVirtual: flag(n["virtualdev"]),
        type: text(n["type"]),
        status: text(n["status"])?.toLowerCase() ?? null,
        driver: text(n["driver"]),
      };
      byKey.set(key, network);
    }
    for (const ip of [text(n["ipaddress"]), text(n["ipaddress6"])]) addAddress(network, ip);
  }
  return [...byKey.values()];
}

export function addAddress(network: { ipv4: string[]; ipv6: string[] }, ip: string | null): void {
  if (!ip) return;
  const list = ip.includes(":") ? network.ipv6 : network.ipv4;
  if (!list.includes(ip)) list.push(ip);
}

export function toMonitors(content: Section): InventoryMonitor[] {
  return sections(content["monitors"]).map((m) => ({
    name: firstText(m, "caption", "name"),
    manufacturer: text(m["manufacturer"]),
    serial: text(m["serial"]),
    altSerial: text(m["altserial"]),
    description: text(m["description"]),
  }));
}

export function toPrinters(content: Section): InventoryPrinter[] {
  return sections(content["printers"]).map((p) => ({
    name: text(p["name"]),
    driver: text(p["driver"]),
    port: text(p["port"]),
    serial: text(p["serial"]),
    isNetwork: flag(p["network"]),
    isShared: flag(p["shared"]),
  }));
}

export function toAntivirus(content: Section): InventoryAntivirus[] {
  return sections(content["antivirus"]).map((a) => ({
    name: text(a["name"]),
    company: text(a["company"]),
    isEnabled: flag(a["enabled"]),
    isUpToDate: flag(a["uptodate"]),
    version: text(a["version"]),
    expiresOn: date(a["expiration"]),
  }));
}

export function toUsers(content: Section): InventoryUser[] {
  return sections(content["users"]).flatMap((u) => {
    const login = text(u["login"]);
    return login ? [{ login, domain: text(u["domain"]) }] : [];
  });
}

export function toLocalUsers(content: Section): InventoryLocalUser[] {
  return sections(content["local_users"]).flatMap((u) => {
    const login = text(u["login"]);
    return login ? [{ login, name: text(u["name"]), id: text(u["id"]), home: text(u["home"]) }] : [];
  });
}

/** OCS says ARCHITECTURE and INSTALLDATE where Fusion and JSON say ARCH and INSTALL_DATE. */
export function toSoftware(content: Section): InventorySoftware[] {
  const software: InventorySoftware[] = [];
  for (const s of sections(content["softwares"])) {
    const installed = Object.isFrozen(s) ? sharedSoftwareOf(s) : softwareOf(s);
    if (installed) software.push(installed);
  }
  return software;
}

function softwareOf(s: Section): InventorySoftware | null {
  const name = text(s["name"]);
  if (!name) return null;
  return {
    name,
    version: text(s["version"]),
    publisher: text(s["publisher"]),
    installDate: date(s["install_date"] ?? s["installdate"]),
    arch: firstText(s, "arch", "architecture"),
    from: text(s["from"]),
    guid: text(s["guid"]),
  };
}

// A frozen section is one the XML software reader shares between inventories (software-reader.ts):
// it is read once, and its entry shared (frozen too) so the normalisation can memoise it as well.
const sharedSoftware = new WeakMap<Section, InventorySoftware | null>();

function sharedSoftwareOf(s: Section): InventorySoftware | null {
  let installed = sharedSoftware.get(s);
  if (installed === undefined) {
    installed = softwareOf(s);
    sharedSoftware.set(s, installed && Object.freeze(installed));
  }
  return installed;
}

/** ACCOUNTINFO holds KEYNAME/KEYVALUE pairs; the agent's --tag is the one named TAG. */
export function tagOf(content: Section): string | null {
  const info = sections(content["accountinfo"]).find((a) => text(a["keyname"])?.toUpperCase() === "TAG");
  return info ? text(info["keyvalue"]) : null;
}

export function inventoriedAtOf(content: Section): string | null {
  return dateTime(section(content["accesslog"])["logdate"]);
}
