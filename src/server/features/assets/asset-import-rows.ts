/**
 * One row of the file made into an asset's values, with every reason it cannot be: the
 * values go through the API's own schema (CreateAssetBodySchema) and the kind's field
 * checks (checkFieldValues), so an import accepts exactly what the form accepts.
 */
import type { z } from "zod";
import type { ImportReason } from "../../../shared/api/asset-import.js";
import { CreateAssetBodySchema } from "../../../shared/api/assets.js";
import { ASSET_STATUSES, type AssetStatus } from "../../../shared/domain/assets.js";
import { foldText } from "../../db/values.js";
import { AppError } from "../../http/errors.js";
import { checkFieldValues } from "./asset-fields.js";
import { type ImportRefs, RowProblem } from "./asset-import-refs.js";
import type { KindInfo } from "./reference-use.js";

export type Candidate = {
  line: number; kind: KindInfo; assetTag: string | null; name: string; serial: string | null; manufacturerId: number | null;
  modelId: number | null; status: AssetStatus; locationId: number | null; userId: number | null; supplierId: number | null;
  orderNumber: string | null; invoiceNumber: string | null; purchaseDate: string | null; priceCents: number | null;
  warrantyMonths: number | null; notes: string | null; fields: string | null;
};

/** Status names in French or English, as the screens show them, or the code itself. */
const STATUS_NAMES: Record<string, AssetStatus> = {
  commande: "ordered", "en stock": "in_stock", stock: "in_stock", "en service": "in_use", "en utilisation": "in_use",
  "en reparation": "in_repair", prete: "loaned", reforme: "retired", "hors service": "retired",
  ordered: "ordered", "in stock": "in_stock", "in use": "in_use", "in repair": "in_repair", "on loan": "loaned", retired: "retired",
};
for (const status of ASSET_STATUSES) STATUS_NAMES[status] = status;

function parseStatus(text: string): AssetStatus {
  const status = STATUS_NAMES[foldText(text)];
  if (!status) throw new RowProblem({ code: "unknown", column: "status", value: text });
  return status;
}

/** YYYY-MM-DD, or the French DD/MM/YYYY. */
export function parseDate(text: string): string {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return fr ? `${fr[3]}-${(fr[2] as string).padStart(2, "0")}-${(fr[1] as string).padStart(2, "0")}` : text;
}

/** A calendar day that exists: 31/02 is refused rather than read as 3 March. */
function realDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** "1 299,90", "1299.90", "1,299.90 €" → cents; NaN when it is no amount. */
export function parseCents(text: string): number {
  let clean = text.replace(/[\s\u00a0\u202f€$]/g, "");
  if (/,\d{1,2}$/.test(clean)) clean = clean.replaceAll(".", "").replace(",", ".");
  else clean = clean.replaceAll(",", "");
  if (!/^\d+(\.\d+)?$/.test(clean)) return Number.NaN;
  return Math.round(Number(clean) * 100);
}

function parseInteger(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The kind's field values from their columns: numbers as numbers, dates as YYYY-MM-DD. */
function customValues(kind: KindInfo, cells: Map<string, string>): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [target, text] of cells) {
    const key = target.slice("field:".length);
    const def = kind.fields.find((f) => f.key === key);
    // A column for another kind's field: nothing to store for this row.
    if (!def || text === "") continue;
    if (def.fieldType === "number") values[key] = Number(text.replace(",", ".").replace(/\s/g, ""));
    else if (def.fieldType === "date") values[key] = parseDate(text);
    else values[key] = text;
  }
  return values;
}

/** Each reference resolved in turn; every one that fails adds its reason. */
async function attempt<T>(reasons: ImportReason[], work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RowProblem) reasons.push(error.reason);
    else throw error;
    return null;
  }
}

export type RowOutcome = { ok: true; candidate: Candidate } | { ok: false; reasons: ImportReason[] };

/** The row's values by field, from the confirmed mapping. */
function cellsOf(mapping: (string | null)[], cells: string[]) {
  const by = new Map<string, string>();
  mapping.forEach((target, i) => { if (target) by.set(target, (cells[i] ?? "").trim()); });
  return by;
}

type Get = (target: string) => string | null;

/** The names resolved to ids: kind, catalog, status, place, user, supplier. */
async function readRefs(refs: ImportRefs, get: Get, reasons: ImportReason[]) {
  const text = (target: string) => get(target) ?? "";
  const kind = get("kind") ? await attempt(reasons, () => refs.kind(text("kind"))) : null;
  if (!get("kind")) reasons.push({ code: "required", column: "kind" });
  let manufacturerId = get("manufacturer") ? await attempt(reasons, () => refs.manufacturer(text("manufacturer"))) : null;
  const model = get("model") && kind ? await attempt(reasons, () => refs.model(text("model"), kind, manufacturerId)) : null;
  // A model alone names its manufacturer too, as the form fills it in.
  manufacturerId ??= model?.manufacturerId ?? null;
  return {
    kind, manufacturerId, modelId: model?.id ?? null,
    status: get("status") ? await attempt(reasons, async () => parseStatus(text("status"))) : "in_stock",
    locationId: get("location") ? await attempt(reasons, () => refs.location(text("location"))) : null,
    userId: get("user") ? await attempt(reasons, () => refs.user(text("user"))) : null,
    supplierId: get("supplier") ? await attempt(reasons, () => refs.supplier(text("supplier"))) : null,
  };
}

/** Date, price and warranty as people type them in a French spreadsheet. */
function readFigures(get: Get, reasons: ImportReason[]) {
  const bought = get("purchaseDate");
  const purchaseDate = bought && realDate(parseDate(bought)) ? parseDate(bought) : null;
  if (bought && purchaseDate === null) reasons.push({ code: "not_a_date", column: "purchaseDate", value: bought });
  const price = get("price");
  const priceCents = price ? parseCents(price) : null;
  if (price && Number.isNaN(priceCents)) reasons.push({ code: "not_an_amount", column: "price", value: price });
  const months = get("warrantyMonths");
  const warrantyMonths = months ? parseInteger(months) : null;
  if (months && Number.isNaN(warrantyMonths)) reasons.push({ code: "not_a_number", column: "warrantyMonths", value: months });
  return { purchaseDate, priceCents: Number.isNaN(priceCents) ? null : priceCents, warrantyMonths: Number.isNaN(warrantyMonths) ? null : warrantyMonths };
}

/** The kind's own fields, checked by the asset service's rules; each refused one is named with its label. */
function readFields(kind: KindInfo, by: Map<string, string>, reasons: ImportReason[]): string | null {
  try {
    return checkFieldValues(kind, customValues(kind, new Map([...by].filter(([target]) => target.startsWith("field:")))));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const issue of error.issues ?? []) {
      const key = issue.path.replace(/^body\.fields\./, "");
      const def = kind.fields.find((f) => f.key === key);
      const column = `field:${key}`;
      const value = by.get(column);
      // An empty cell of a required field: checkFieldValues says "required"; any other issue is about the value given.
      if (!value) reasons.push({ code: "required", column, label: def?.label ?? key });
      else reasons.push({ code: "invalid_field", column, label: def?.label ?? key, value, expected: def?.fieldType,
        ...(def?.fieldType === "choice" ? { choices: def.choices ?? [] } : {}) });
    }
    return null;
  }
}

/** The form's field names, as the import's columns. */
const COLUMN_OF: Record<string, string> = { kindId: "kind", priceCents: "price" };

/** A refusal of the asset's own schema, on the column it comes from. */
function reasonOfIssue(issue: z.core.$ZodIssue, get: Get): ImportReason {
  const field = String(issue.path[0] ?? "");
  const column = COLUMN_OF[field] ?? field;
  const value = get(column) ?? undefined;
  if (issue.code === "too_small" && issue.origin === "string") return { code: "required", column };
  if (issue.code === "too_big" && issue.origin === "string") return { code: "too_long", column, max: Number(issue.maximum) };
  if (issue.code === "too_big") return { code: "out_of_range", column, value, max: Number(issue.maximum) };
  return { code: "invalid", column, value };
}

export async function readRow(refs: ImportRefs, mapping: (string | null)[], cells: string[], line: number): Promise<RowOutcome> {
  const by = cellsOf(mapping, cells);
  const get: Get = (target) => by.get(target) || null;
  const reasons: ImportReason[] = [];
  const { kind, status, ...ids } = await readRefs(refs, get, reasons);
  const figures = readFigures(get, reasons);
  const parsed = CreateAssetBodySchema.safeParse({
    kindId: kind?.id ?? 1, name: get("name") ?? "", assetTag: get("assetTag") ?? undefined, serial: get("serial"), status: status ?? "in_stock",
    orderNumber: get("orderNumber"), invoiceNumber: get("invoiceNumber"), notes: get("notes"), ...figures,
  });
  if (!parsed.success) reasons.push(...parsed.error.issues.map((issue) => reasonOfIssue(issue, get)));
  const fields = kind ? readFields(kind, by, reasons) : null;
  if (reasons.length > 0 || !parsed.success || !kind) return { ok: false, reasons };
  const v = parsed.data;
  return { ok: true, candidate: {
    line, kind, assetTag: v.assetTag ?? null, name: v.name, serial: v.serial ?? null, ...ids,
    // A user given at creation means the asset is already handed out, as in the form.
    status: ids.userId && v.status === "in_stock" ? "in_use" : v.status,
    orderNumber: v.orderNumber ?? null, invoiceNumber: v.invoiceNumber ?? null, purchaseDate: v.purchaseDate ?? null,
    priceCents: v.priceCents ?? null, warrantyMonths: v.warrantyMonths ?? null, notes: v.notes ?? null, fields,
  } };
}
