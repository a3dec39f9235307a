/**
 * The values that identify a machine — BIOS serial, SMBIOS UUID, MAC addresses, host name — in
 * one spelling each, and the placeholders firmware and drivers put there instead of a real value.
 * A placeholder shared by thousands of boards would make every one of them "the same machine",
 * so each function returns undefined for one: the reconciliation then ignores the key.
 */

// Compared after lower-casing and removing everything but letters and digits ("To Be Filled By
// O.E.M." and "to be filled by oem" are one). Sources: what DMI tables of unbranded boards and
// hypervisors report, and GLPI's default serial blacklist.
const JUNK_SERIALS = new Set([
  "tobefilledbyoem", "defaultstring", "systemserialnumber", "chassisserialnumber", "baseboardserialnumber",
  "serialnumber", "serial", "sn", "notspecified", "notapplicable", "notavailable", "none", "null", "nan",
  "na", "unknown", "unknow", "notsettable", "notpresent", "undefined", "invalid", "empty", "oem", "eval", "iatpass", "tulipcomputers",
  "0123456789", "123456789", "1234567890", "12345678", "1234567", "123456", "12345", "1234",
  "123456789000", "12345678901234567", "9876543210", "sys1234567890", "sys9876543210", "sn12345",
  "sn1234567890", "mb1234567890", "nnnnnnn", "xxxxxxxxxxx",
]);

// Firmware defaults seen on many machines at once (AMI and Gigabyte boards, GLPI's blacklist).
const JUNK_UUIDS = new Set([
  "03000200-0400-0500-0006-000700080009",
  "01010101-0101-0101-0101-010101010101",
  "6ab5b300-538d-1014-9fb5-b0684d007b53",
  "12345678-1234-5678-90ab-cddeefaabbcc",
]);

// Windows' dial-up and tunnel adapters: the same address on every machine. The bytes spell ASCII
// ("\x20ASYN\xff", "3PoE00", "PPTP00", "\x02\x00LOOP").
const JUNK_MACS = new Set(["20:41:53:59:4e:ff", "33:50:6f:45:30:30", "50:50:54:50:30:30", "02:00:4c:4f:4f:50"]);

const JUNK_NAMES = new Set(["localhost", "localhost.localdomain", "(none)", "none", "unknown", "default", "n/a"]);

/** Letters and digits only, lower case: the form junk values are compared in. */
function squeeze(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** True when every character is the same ("0000000000", "FFFFFFFF", "xxxx"). */
function isOneCharacter(value: string): boolean {
  return value.length > 0 && [...value].every((char) => char === value[0]);
}

/** True for a repeated short unit ("01010101…", "abab…"): filler, not an identifier. */
function isRepeatedUnit(value: string): boolean {
  return /^(.{1,2})\1+$/.test(value);
}

/** The serial as reported (trimmed, spaces collapsed), or undefined when it is a placeholder. */
export function normalizeSerial(raw: string | null | undefined): string | undefined {
  const serial = (raw ?? "").replace(/\s+/g, " ").trim();
  const squeezed = squeeze(serial);
  if (squeezed.length < 3 || JUNK_SERIALS.has(squeezed) || isOneCharacter(squeezed)) return undefined;
  return serial;
}

/** Serials typed by hand and reported by agents differ in case: compare them this way. */
export function sameSerial(a: string, b: string): boolean {
  return a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * A UUID in its canonical form (lower case, 8-4-4-4-12), or undefined for a placeholder. Some
 * agents put another stable identifier there (a phone's Android id, 16 hex digits): a value that is
 * not a UUID is kept lower-cased when it is one word of 8 characters or more with a digit, not filler.
 */
export function normalizeUuid(raw: string | null | undefined): string | undefined {
  const value = (raw ?? "").trim().toLowerCase().replace(/^\{|\}$/g, "");
  const hex = value.replace(/-/g, "");
  if (/^[0-9a-f]{32}$/.test(hex)) {
    const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return JUNK_UUIDS.has(uuid) || isRepeatedUnit(hex) ? undefined : uuid;
  }
  const squeezed = squeeze(value);
  if (!/^[0-9a-z._:-]{8,}$/.test(value) || !/\d/.test(value) || isRepeatedUnit(squeezed)) return undefined;
  return value;
}

/**
 * A MAC address as aa:bb:cc:dd:ee:ff, from any usual spelling (AA-BB-…, aabb.ccdd.eeff,
 * aabbccddeeff, macOS's 0:1c:42:…), or undefined when it is not a unicast address a single
 * interface owns: zero, broadcast, multicast, or a Windows dial-up adapter's shared address.
 */
export function normalizeMac(raw: string | null | undefined): string | undefined {
  const value = (raw ?? "").trim().toLowerCase();
  let octets: string[];
  if (/^[0-9a-f]{1,2}([:-])(?:[0-9a-f]{1,2}\1){4}[0-9a-f]{1,2}$/.test(value)) octets = value.split(/[:-]/).map((octet) => octet.padStart(2, "0"));
  else if (/^(?:[0-9a-f]{4}\.){2}[0-9a-f]{4}$/.test(value) || /^[0-9a-f]{12}$/.test(value)) octets = value.replace(/\./g, "").match(/../g) ?? [];
  else return undefined;
  const mac = octets.join(":");
  const first = parseInt(octets[0] as string, 16);
  // The low bit of the first octet marks group (multicast) addresses; broadcast is one of them.
  if (mac === "00:00:00:00:00:00" || (first & 1) === 1 || JUNK_MACS.has(mac)) return undefined;
  return mac;
}

/** True for an address the interface made up (the "locally administered" bit): random or virtual. */
export function isLocallyAdministeredMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 2) === 2;
}

/**
 * The host name without its domain, in lower case ("PC-0042.corp.example.com" → "pc-0042"):
 * Windows reports the NetBIOS name in capitals, Linux often the FQDN. Undefined for an IP
 * address or a name every fresh install has.
 */
export function normalizeHostName(raw: string | null | undefined): string | undefined {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || JUNK_NAMES.has(value)) return undefined;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value) || value.includes(":")) return undefined;
  const host = value.split(".")[0] ?? "";
  return host === "" || JUNK_NAMES.has(host) ? undefined : host;
}
