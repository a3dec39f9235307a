import type { AgentXmlRequest } from "./agent-xml.js";
import type { AgentInventory, ItemType } from "./inventory-model.js";
import { firstText, isSection, section, text, type Section } from "./inventory-values.js";
import { tagOf } from "./normalize-parts.js";
import { normalizeContent } from "./normalize-content.js";
import { InventoryProtocolError } from "./protocol-error.js";

/**
 * The CONTENT of an OCS 2.10 or FusionInventory 2.6 INVENTORY request as an AgentInventory.
 * Their XML is the JSON format in upper case (the GLPI format grew out of Fusion's): parseAgentXml
 * lower-cases the names, and the shared mapper reads the rest, including where OCS and Fusion differ.
 * `userAgent` names the OCS agent, whose CONTENT has no VERSIONCLIENT.
 */
export function normalizeXmlInventory(request: AgentXmlRequest, userAgent?: string | null): AgentInventory {
  if (!request.content) {
    throw new InventoryProtocolError("XML_NOT_A_REQUEST", `The ${request.query} request has no <CONTENT>`);
  }
  return normalizeContent(request.content, { format: "xml", itemtype: "Computer", userAgent });
}

/** What a network scan's TYPE says the device is; devices SNMP did not identify are left out. */
const DEVICE_TYPES: Record<string, ItemType> = { NETWORKING: "NetworkEquipment", PRINTER: "Printer", STORAGE: "NetworkEquipment", POWER: "NetworkEquipment" };

const list = (value: unknown): Section[] => (Array.isArray(value) ? value.filter(isSection) : isSection(value) ? [value] : []);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v !== "");

/**
 * The devices of a FusionInventory network task, each as an inventory of its own, in the JSON
 * `netinventory` spelling the shared mapper reads:
 * - SNMPQUERY / SNMP (network inventory): DEVICE with INFO, PORTS/PORT, FIRMWARES, CARTRIDGES, PAGECOUNTERS;
 * - NETDISCOVERY: DEVICE with what the scan found (IP, MAC, SNMP name, serial, TYPE).
 * A discovered device without a TYPE (a computer answering ping) is skipped: its agent inventories it.
 */
export function normalizeXmlDevices(request: AgentXmlRequest, userAgent?: string | null): AgentInventory[] {
  if (!request.content) throw new InventoryProtocolError("XML_NOT_A_REQUEST", `The ${request.query} request has no <CONTENT>`);
  const discovery = request.query === "NETDISCOVERY";
  const inventories: AgentInventory[] = [];
  for (const device of list(request.content["device"])) {
    const info = discovery ? device : section(device["info"]);
    const itemtype = DEVICE_TYPES[(text(info["type"]) ?? "").toUpperCase()];
    if (!itemtype) continue;
    const networkDevice = {
      name: firstText(info, "name", "snmphostname", "dnshostname", "netbiosname"), serial: info["serial"], manufacturer: info["manufacturer"],
      model: info["model"], type: info["type"], mac: info["mac"], location: info["location"], contact: info["contact"],
      description: firstText(info, "comments", "description"), uptime: info["uptime"], ram: info["ram"], memory: info["memory"],
      ips: [...texts(section(info["ips"])["ip"]), ...texts(info["ip"])],
    };
    const ports = list(section(device["ports"])["port"]).map((port) => ({ ...port, ips: texts(section(port["ips"])["ip"]) }));
    const content: Section = { network_device: networkDevice, network_ports: ports, firmwares: device["firmwares"] ?? [],
      cartridges: device["cartridges"] ?? {}, pagecounters: device["pagecounters"] ?? {} };
    inventories.push(normalizeContent(content, { format: "xml", itemtype, tag: tagOf(request.content), userAgent }));
  }
  return inventories;
}
