/**
 * Reading one value of an agent's message. XML gives strings only ("1600 MT/s", "-1 Mbps",
 * "274877.906944", "07/25/2014"); JSON gives numbers and booleans. Each helper takes either and
 * returns the normalized value or null: a value that cannot be read is dropped, never guessed.
 */

export type Section = Record<string, unknown>;

export function isSection(value: unknown): value is Section {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An XML element with no children parses as "" — read it as an empty section. */
export function section(value: unknown): Section {
  if (Array.isArray(value)) return section(value[0]);
  return isSection(value) ? value : {};
}

/** A repeated element is an array, a single one is not: always an array of sections. */
export function sections(value: unknown): Section[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(isSection);
}

/** Trimmed text; "" is null. An element repeated by mistake gives its first value. */
export function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** The first of several spellings the agents use for one field (OCS MACADDR, JSON mac…). */
export function firstText(record: Section, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = text(record[key]);
    if (value !== null) return value;
  }
  return null;
}

/** The leading number of "1600 MT/s", "274877.906944", 8192; null when there is none. */
export function decimal(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const match = /^\s*(-?\d+(?:[.,]\d+)?)/.exec(text(value) ?? "");
  return match?.[1] ? Number(match[1].replace(",", ".")) : null;
}

/** A count or a size, rounded; negative values ("-1" = unknown) are null. */
export function whole(value: unknown): number | null {
  const n = decimal(value);
  return n === null || n < 0 ? null : Math.round(n);
}

/** A positive speed; 0 and -1 mean "unknown" to the agents. */
export function positive(value: unknown): number | null {
  const n = whole(value);
  return n === null || n === 0 ? null : n;
}

/** Link speed in Mbit/s from "100", "-1 Mbps", "1 Gb/s", "100 Mb/s" or bits per second (SNMP). */
export function speedMbps(value: unknown, unit: "mbps" | "bps" = "mbps"): number | null {
  const n = decimal(value);
  if (n === null || n <= 0) return null;
  if (unit === "bps") return Math.round(n / 1_000_000) || null;
  const suffix = /\d\s*([kmg])/i.exec(text(value) ?? "")?.[1]?.toLowerCase();
  const factor = suffix === "g" ? 1000 : suffix === "k" ? 0.001 : 1;
  return Math.round(n * factor) || null;
}

/** 1/0, "1"/"0", true/false, "yes"/"no", "on"/"off". */
export function flag(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  const t = text(value)?.toLowerCase();
  if (t === "1" || t === "true" || t === "yes" || t === "on") return true;
  if (t === "0" || t === "false" || t === "no" || t === "off") return false;
  return null;
}

/**
 * Lower-case colon form from "AA:BB:CC:DD:EE:FF", "aa-bb-…" or "aabbccddeeff". All-zero MACs
 * (loopback, some tunnels) are null: they identify nothing and must never match two machines.
 */
export function mac(value: unknown): string | null {
  const hex = (text(value) ?? "").toLowerCase().replace(/[:.-]/g, "");
  if (!/^[0-9a-f]{12}$/.test(hex) || /^0+$/.test(hex)) return null;
  return hex.match(/../g)!.join(":");
}

/**
 * "YYYY-MM-DD" from "2025/04/20 00:00:00", "2019-12-19", "20230115" (Windows registry) or
 * "07/25/2014" (SMBIOS dates are month first). Impossible dates ("1970-00-01") are null.
 */
export function date(value: unknown): string | null {
  const t = text(value);
  if (!t) return null;
  let m = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[ T])/.exec(t);
  if (m) return isoDate(m[1]!, m[2]!, m[3]!);
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
  if (m) return isoDate(m[3]!, m[1]!, m[2]!);
  return null;
}

/** "YYYY-MM-DDTHH:MM:SS" from "2026-11-22 13:31:44" (agent local time, no zone). */
export function dateTime(value: unknown): string | null {
  const t = text(value);
  const m = t ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(t) : null;
  if (!m || !date(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return null;
  return `${m[1]}T${m[2]}:${m[3]}:${m[4]}`;
}

function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year), mo = Number(month), d = Number(day);
  if (y < 1980 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return `${year}-${month}-${day}`;
}

/** Computed rather than asked of a Date: software install dates are read by the thousand. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Name and version from "FusionInventory-Agent_v2.3.20", "OCS-NG_unified_unix_agent_v2.10.0",
 * "GLPI-Agent_v1.7" or a bare "2.5".
 */
export function agentOf(value: string | null): { name: string | null; version: string | null } {
  if (!value) return { name: null, version: null };
  const m = /^(.*?)[_ /-]?v?(\d+(?:[.-]\w+)*)$/i.exec(value);
  if (!m) return { name: value, version: null };
  return { name: m[1] ? m[1] : null, version: m[2] ?? null };
}
