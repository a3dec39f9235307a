import type {
  InventoryBios,
  InventoryCpu,
  InventoryHardware,
  InventoryMemory,
  InventoryOs,
} from "./inventory-model.js";
import { date, dateTime, firstText, positive, section, sections, text, whole, type Section } from "./inventory-values.js";

/**
 * The machine itself: HARDWARE, BIOS, OPERATINGSYSTEM, CPUS, MEMORIES. `content` has lower-case
 * keys (the JSON spelling; XML is lower-cased first), so one mapper reads all three agents.
 */

export function toHardware(content: Section): InventoryHardware {
  const hw = section(content["hardware"]);
  const os = section(content["operatingsystem"]);
  return {
    name: text(hw["name"]),
    uuid: text(hw["uuid"]),
    chassis: text(hw["chassis_type"]),
    workgroup: text(hw["workgroup"]),
    dnsDomain: text(os["dns_domain"]),
    fqdn: text(os["fqdn"]),
    memoryMb: whole(hw["memory"]),
    swapMb: whole(hw["swap"]),
    vmSystem: text(hw["vmsystem"]),
    lastLoggedUser: text(hw["lastloggeduser"]),
    defaultGateway: text(hw["defaultgateway"]),
    dns: text(hw["dns"]),
  };
}

export function toBios(content: Section): InventoryBios {
  const bios = section(content["bios"]);
  return {
    manufacturer: text(bios["smanufacturer"]),
    model: text(bios["smodel"]),
    serial: text(bios["ssn"]),
    assetTag: text(bios["assettag"]),
    sku: text(bios["skunumber"]),
    biosManufacturer: text(bios["bmanufacturer"]),
    version: text(bios["bversion"]),
    date: date(bios["bdate"]),
    boardManufacturer: text(bios["mmanufacturer"]),
    boardModel: text(bios["mmodel"]),
    boardSerial: text(bios["msn"]),
  };
}

/**
 * Fusion and the GLPI agent send OPERATINGSYSTEM; OCS only HARDWARE's OSNAME ("Debian GNU/Linux 12",
 * "Microsoft Windows 10 Pro") and OSVERSION, with no kernel field to rely on.
 */
export function toOs(content: Section): InventoryOs | null {
  const hw = section(content["hardware"]);
  const os = section(content["operatingsystem"]);
  if (Object.keys(os).length > 0) {
    return {
      name: text(os["name"]),
      fullName: firstText(os, "full_name", "name"),
      version: text(os["version"]),
      kernelVersion: text(os["kernel_version"]),
      kernelName: text(os["kernel_name"]),
      servicePack: text(os["service_pack"]),
      arch: text(os["arch"]),
      installDate: date(os["install_date"]),
      lastBootAt: dateTime(os["boot_time"]),
    };
  }
  const reported = text(hw["osname"]);
  if (!reported) return null;
  const version = text(hw["osversion"]);
  // OCS on Linux says OSNAME "Debian GNU/Linux 12", OSVERSION "12", OSCOMMENTS "Debian GNU/Linux 12 (bookworm)".
  const name = version && reported.endsWith(` ${version}`) ? reported.slice(0, -version.length - 1) : reported;
  const comments = text(hw["oscomments"]);
  return {
    name,
    fullName: comments?.startsWith(reported) ? comments : reported,
    version,
    kernelVersion: null,
    kernelName: null,
    servicePack: null,
    arch: text(hw["arch"]) ?? text(sections(content["cpus"])[0]?.["cpuarch"]),
    installDate: date(hw["installdate"]),
    lastBootAt: null,
  };
}

/** OCS says TYPE / CORES / LOGICAL_CPUS / CPUARCH where Fusion and JSON say NAME / CORE / THREAD / ARCH. */
export function toCpus(content: Section): InventoryCpu[] {
  return sections(content["cpus"]).map((cpu) => ({
    name: firstText(cpu, "name", "type"),
    manufacturer: text(cpu["manufacturer"]),
    cores: positive(cpu["core"] ?? cpu["cores"]),
    threads: positive(cpu["thread"] ?? cpu["logical_cpus"] ?? cpu["threads"]),
    speedMhz: positive(cpu["speed"]),
    arch: firstText(cpu, "arch", "cpuarch"),
    serial: text(cpu["serial"]),
  }));
}

/** Empty slots (no capacity) are not modules: they would count as RAM changes between inventories. */
export function toMemories(content: Section): InventoryMemory[] {
  return sections(content["memories"])
    .map((m) => ({
      capacityMb: positive(m["capacity"]),
      type: text(m["type"]),
      speedMhz: positive(m["speed"]),
      serial: firstText(m, "serialnumber", "serial"),
      manufacturer: text(m["manufacturer"]),
      slot: firstText(m, "caption", "numslots"),
    }))
    .filter((m) => m.capacityMb !== null);
}
