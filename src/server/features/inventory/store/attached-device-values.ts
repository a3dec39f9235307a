/**
 * The monitors and local printers of an inventory that become assets of their own: the ones with
 * a real serial. Network printers (another machine's asset, found by SNMP), printers redirected
 * by a remote session and virtual ones (PDF, XPS, OneNote, fax…) stay in the inventory's details.
 */
import { normalizeSerial } from "../identity/identity-values.js";
import { normalizePublisher } from "../identity/software-publisher.js";
import type { AgentInventory, InventoryMonitor, InventoryPrinter } from "../protocol/inventory-model.js";

export type DeviceFamily = "monitor" | "printer";

export type AttachedDevice = {
  family: DeviceFamily;
  /** As reported (trimmed); compared case aside. */
  serial: string;
  manufacturer: string | null;
  model: string | null;
  name: string;
};

// Drivers and names of printers that print to a file, a mailbox or an application, not to paper.
const VIRTUAL_PRINTER = /\b(?:pdf|xps|onenote|one note|fax|print to|send to|document writer|image writer|snagit|pdfcreator|bullzip|cutepdf|dopdf)\b/i;
// Windows' ports of virtual printers: "PORTPROMPT:" (print to file), "nul:", "SHRFAX:", "XPSPort:".
const VIRTUAL_PORT = /^(?:portprompt|nul|shrfax|file|xpsport|onenote|pdf)/i;
// Remote desktop sessions redirect the client's printers through "TS001" ports.
const REDIRECTED_PORT = /^TS\d+$/i;

/** A port naming another machine: "192.168.1.20", "IP_10.0.0.5", "socket://…", "\\server\queue", "WSD-…". */
function isNetworkPort(port: string): boolean {
  return /^(?:IP_)?\d{1,3}(?:\.\d{1,3}){3}(?:[:_]\d+)?$/i.test(port) || /^[a-z][a-z0-9+.-]*:\/\//i.test(port)
    || port.startsWith("\\\\") || /^WSD-/i.test(port) || /^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}$/i.test(port)
    || /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?$/i.test(port);
}

export function isLocalPrinter(printer: InventoryPrinter): boolean {
  const port = (printer.port ?? "").trim();
  if (printer.isNetwork === true || isNetworkPort(port) || REDIRECTED_PORT.test(port) || VIRTUAL_PORT.test(port)) return false;
  return ![printer.name, printer.driver].some((text) => text && VIRTUAL_PRINTER.test(text));
}

const PRINTER_MAKERS: Record<string, string> = {
  hp: "HP", "hewlett-packard": "HP", canon: "Canon", epson: "Epson", brother: "Brother", lexmark: "Lexmark", xerox: "Xerox",
  kyocera: "Kyocera", ricoh: "Ricoh", samsung: "Samsung", zebra: "Zebra", dymo: "Dymo", oki: "OKI", konica: "Konica Minolta",
  sharp: "Sharp", dell: "Dell", toshiba: "Toshiba",
};

/** "DELL P2419H" made by Dell is the model "P2419H". */
function withoutMaker(text: string, maker: string | null): string {
  if (!maker) return text;
  const first = text.split(/\s+/)[0] ?? "";
  const rest = text.slice(first.length).trim();
  return rest !== "" && maker.toLowerCase().startsWith(first.toLowerCase()) ? rest : text;
}

const clip = (text: string | null | undefined): string | null => {
  const value = (text ?? "").replace(/\s+/g, " ").trim().slice(0, 255);
  return value === "" ? null : value;
};

function monitorOf(monitor: InventoryMonitor): AttachedDevice | null {
  // EDID holds two serials; the numeric one is often filler ("00000000"), then the other is the real one.
  const serial = normalizeSerial(monitor.serial) ?? normalizeSerial(monitor.altSerial);
  if (!serial) return null;
  const manufacturer = clip(normalizePublisher(monitor.manufacturer));
  const caption = clip(monitor.name);
  const model = caption ? clip(withoutMaker(caption, manufacturer)) : null;
  return { family: "monitor", serial: serial.slice(0, 255), manufacturer, model, name: caption ?? model ?? serial.slice(0, 255) };
}

function printerOf(printer: InventoryPrinter): AttachedDevice | null {
  const serial = normalizeSerial(printer.serial);
  if (!serial || !isLocalPrinter(printer)) return null;
  // The driver names the model ("HP LaserJet Pro M404 PCL 6", "HP Deskjet 2540 Series, hpcups 3.17.4").
  const driver = clip(printer.driver?.split(",")[0]);
  const manufacturer = driver ? (PRINTER_MAKERS[(driver.split(/\s+/)[0] ?? "").toLowerCase()] ?? null) : null;
  const model = driver ? clip(withoutMaker(driver, manufacturer)) : null;
  return { family: "printer", serial: serial.slice(0, 255), manufacturer, model, name: clip(printer.name) ?? driver ?? serial.slice(0, 255) };
}

/** The key a device is known by in one inventory: its family and serial, case aside. */
export function deviceKey(family: string, serial: string): string {
  return `${family}:${serial.toLowerCase()}`;
}

/** The lock taken while a device is linked: by inventories and by technicians connecting it by hand. */
export function deviceLockName(serial: string): string {
  return `device:${serial.toLowerCase()}`;
}

/** The devices to keep as assets, once each (an agent may list a monitor twice, on two outputs). */
export function attachedDevicesOf(inventory: AgentInventory): AttachedDevice[] {
  if (inventory.itemtype !== "Computer") return [];
  const devices = [...inventory.monitors.map(monitorOf), ...inventory.printers.map(printerOf)]
    .filter((device): device is AttachedDevice => device !== null);
  const byKey = new Map(devices.map((device) => [deviceKey(device.family, device.serial), device]));
  return [...byKey.values()];
}
