/**
 * Reading an asset file as a spreadsheet or GLPI exports it: UTF-8 (with or without BOM) or
 * else Windows-1252, comma, semicolon or tab, and the header names in French or English.
 */
import { parse as parseCsv } from "csv-parse/sync";
import type { ImportPreview, ImportTarget } from "../../../shared/api/asset-import.js";
import { AppError } from "../../http/errors.js";

export type Encoding = ImportPreview["encoding"];
export type Delimiter = ImportPreview["delimiter"];
export type ParsedFile = { encoding: Encoding; delimiter: Delimiter; header: string[]; rows: string[][] };

function refused(message: string): AppError {
  return new AppError("VALIDATION_FAILED", message, [{ path: "body.file", message }]);
}

/** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on a French Windows). */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding } {
  // A NUL byte never appears in a text file: this is a spreadsheet or an image renamed .csv.
  if (bytes.subarray(0, 65536).includes(0)) throw refused("This is not a text file: save the sheet as CSV");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's 0x80–0x9F: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ (unassigned bytes kept as is). */
const HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];

/**
 * Node's TextDecoder("windows-1252") decodes as Latin-1 when built without full ICU, which
 * turns Excel's ’ and € into control characters: the table is applied here instead.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] as number) : b)));
  }
  return text;
}

/** The most frequent of , ; and tab on the header line, quoted text left out. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as Delimiter] += 1;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0] as Delimiter;
  return counts[best] > 0 ? best : ",";
}

/** The whole file or nothing: a broken quote or a row of the wrong width refuses it before anything is written. */
export function parseFile(bytes: Uint8Array, maxRows: number): ParsedFile {
  const { text, encoding } = decode(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, bom: true, skip_empty_lines: true, trim: true, relax_quotes: false }) as string[][];
  } catch (error) {
    throw refused(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header || header.every((h) => h === "")) throw refused("The file is empty");
  if (rows.length > maxRows) throw refused(`At most ${maxRows} rows per file`);
  return { encoding, delimiter, header, rows };
}

/** Header names as people write them, accents, case and punctuation aside. */
export function normalizeHeader(raw: string): string {
  return raw.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]/g, "");
}

const HEADERS: Record<string, ImportTarget> = {};
const NAMES: [ImportTarget, string[]][] = [
  ["assetTag", ["Numéro d'inventaire", "N° d'inventaire", "Inventaire", "Asset tag", "Tag", "Inventory number", "Étiquette"]],
  ["name", ["Nom", "Name", "Désignation"]],
  ["serial", ["Numéro de série", "N° de série", "Serial", "Serial number", "Série"]],
  ["kind", ["Type", "Kind", "Type de matériel"]],
  ["manufacturer", ["Fabricant", "Manufacturer", "Marque", "Constructeur"]],
  ["model", ["Modèle", "Model"]],
  ["status", ["Statut", "Status", "État"]],
  ["location", ["Lieu", "Location", "Emplacement"]],
  ["user", ["Utilisateur", "User", "Login", "Email"]],
  ["purchaseDate", ["Date d'achat", "Purchase date", "Achat"]],
  ["price", ["Prix", "Price", "Prix d'achat", "Valeur", "Cost"]],
  ["warrantyMonths", ["Garantie (mois)", "Garantie", "Warranty (months)", "Warranty", "Warranty months"]],
  ["supplier", ["Fournisseur", "Supplier", "Vendor"]],
  ["orderNumber", ["N° de commande", "Numéro de commande", "Order number", "Commande", "PO"]],
  ["invoiceNumber", ["N° de facture", "Numéro de facture", "Invoice number", "Facture", "Invoice"]],
  ["notes", ["Notes", "Commentaire", "Commentaires", "Comment", "Comments"]],
];
for (const [target, names] of NAMES) for (const name of names) HEADERS[normalizeHeader(name)] = target;

/** Per column, the field its header names (a kind's field by its label or key), each field used once. */
export function suggestMapping(header: string[], customFields: { target: string; label: string }[]): (string | null)[] {
  const custom = new Map<string, string>();
  for (const field of customFields) {
    custom.set(normalizeHeader(field.label), field.target);
    custom.set(normalizeHeader(field.target.slice("field:".length)), field.target);
  }
  const used = new Set<string>();
  return header.map((raw) => {
    const key = normalizeHeader(raw);
    const target = HEADERS[key] ?? custom.get(key) ?? null;
    if (target === null || used.has(target)) return null;
    used.add(target);
    return target;
  });
}
