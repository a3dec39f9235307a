import { InventoryProtocolError } from "./protocol-error.js";
import { readXmlTree, XmlSyntaxError } from "./xml-tree.js";

/**
 * The XML REQUEST the OCS and FusionInventory agents send (PROLOG, INVENTORY, and the network
 * queries NETDISCOVERY / SNMPQUERY / SNMP): `<REQUEST><DEVICEID/><QUERY/><TOKEN/><CONTENT/></REQUEST>`.
 */
export type AgentXmlRequest = {
  /** Upper-case, as sent: "PROLOG", "INVENTORY", "NETDISCOVERY"… The endpoint decides what it accepts. */
  query: string;
  deviceId: string;
  token: string | null;
  /**
   * The parsed CONTENT with lower-case names (the JSON format's spelling: `hardware.osname`),
   * PROCESSES and ENVS removed; every value a string (serials keep their zeros).
   */
  content: XmlRecord | null;
};

export type XmlValue = string | XmlRecord | XmlValue[];
export type XmlRecord = { [tag: string]: XmlValue };

/** Sensitive and useless to an asset base: never kept, even in the raw content. */
const DROPPED_SECTIONS = ["processes", "envs"];

/** Throws InventoryProtocolError: XML_DOCTYPE_REFUSED, XML_MALFORMED, XML_NOT_A_REQUEST. */
export function parseAgentXml(bytes: Buffer): AgentXmlRequest {
  const text = decodeText(bytes);
  if (/<!DOCTYPE/i.test(text)) {
    throw new InventoryProtocolError("XML_DOCTYPE_REFUSED", "XML with a DOCTYPE is refused (agents never send one)");
  }
  const request = readTree(text)["request"];
  if (!isRecord(request)) throw notARequest("no <REQUEST> root element");
  const query = request["query"];
  const deviceId = request["deviceid"];
  if (typeof query !== "string" || query === "") throw notARequest("no <QUERY>");
  if (typeof deviceId !== "string" || deviceId === "") throw notARequest("no <DEVICEID>");
  const token = request["token"];
  return {
    query: query.toUpperCase(),
    deviceId,
    token: typeof token === "string" && token !== "" ? token : null,
    content: contentOf(request["content"]),
  };
}

const CONTENT_OPEN = Buffer.from("<content>");
const CONTENT_CLOSE = Buffer.from("</content>");

/**
 * Elements of an inventory's CONTENT cut out of it (software-span.ts), read as the whole would
 * have been: in the document's declared encoding, under the same rules.
 */
export function parseContentFragment(fragment: Buffer, document: Buffer): XmlRecord {
  // Wrapped before decoding: `<content>${text}</content>` is a rope, which the reader went through 1.5× slower than one flat string.
  const text = decodeText(Buffer.concat([CONTENT_OPEN, fragment, CONTENT_CLOSE]), document);
  if (/<!DOCTYPE/i.test(text)) {
    throw new InventoryProtocolError("XML_DOCTYPE_REFUSED", "XML with a DOCTYPE is refused (agents never send one)");
  }
  return contentOf(readTree(text)["content"]) ?? {};
}

function isRecord(value: unknown): value is XmlRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Entities are never expanded: agents send no DOCTYPE, so none can be declared (refused above, and
 * again by the reader); only the predefined and character references are decoded. Values stay
 * strings: "00000000" is a serial, not zero.
 */
function readTree(text: string): XmlRecord {
  try {
    return readXmlTree(text, { decode: decodeReferences, lowerCaseNames: true });
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const line = text.slice(0, error.offset).split("\n").length;
    throw new InventoryProtocolError("XML_MALFORMED", `Malformed XML at line ${line}: ${error.message}`);
  }
}

function contentOf(value: XmlValue | undefined): XmlRecord | null {
  if (!isRecord(value)) return null;
  for (const section of DROPPED_SECTIONS) delete value[section];
  return value;
}

function notARequest(what: string): InventoryProtocolError {
  return new InventoryProtocolError("XML_NOT_A_REQUEST", `Not an agent request: ${what}`);
}

/** Agents declare UTF-8; old Windows agents sent ISO-8859-1, which windows-1252 decodes too. */
function decodeText(bytes: Buffer, document = bytes): string {
  return (isLatinDocument(document) ? WINDOWS_1252 : UTF_8).decode(bytes);
}

/** Whether the XML declaration names a Latin-1 encoding (else the document is UTF-8). */
export function isLatinDocument(document: Buffer): boolean {
  const declaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']/i.exec(document.toString("latin1", 0, 200));
  return /^(iso-8859-1|iso-8859-15|latin1|windows-1252|cp1252)$/.test(declaration?.[1]?.toLowerCase() ?? "utf-8");
}

// decode() without `stream` keeps no state between calls: one decoder each serves every request.
const UTF_8 = new TextDecoder("utf-8");
const WINDOWS_1252 = new TextDecoder("windows-1252");

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** `&amp;` and `&#233;` / `&#xE9;`; any other `&name;` is left as it is, never looked up. */
export function decodeReferences(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== "#") return PREDEFINED[ref] ?? whole;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
