import type { AssetKind } from "../../../../shared/api/asset-references.js";
import type { Asset } from "../../../../shared/api/assets.js";
import { addMonths } from "../../../../shared/domain/assets.js";
import { emptyToNull } from "../../../lib/use-form.js";

/** What the asset forms edit; texts as typed ("" = none), the price in euros as typed. */
export type AssetFormValues = {
  name: string;
  assetTag: string;
  serial: string;
  manufacturerId: number | null;
  modelId: number | null;
  techContactId: number | null;
  notes: string;
  fields: Record<string, string | number | null>;
  supplierId: number | null;
  orderNumber: string;
  invoiceNumber: string;
  purchaseDate: string;
  price: string | number;
  warrantyStart: string;
  warrantyMonths: string | number;
  depreciationYears: string | number;
};

export const EMPTY_ASSET_FORM: AssetFormValues = {
  name: "", assetTag: "", serial: "", manufacturerId: null, modelId: null, techContactId: null, notes: "", fields: {},
  supplierId: null, orderNumber: "", invoiceNumber: "", purchaseDate: "", price: "", warrantyStart: "", warrantyMonths: "",
  depreciationYears: "",
};

export function assetFormValues(asset: Asset): AssetFormValues {
  return {
    name: asset.name, assetTag: asset.assetTag, serial: asset.serial ?? "", manufacturerId: asset.manufacturerId, modelId: asset.modelId,
    techContactId: asset.techContactId, notes: asset.notes ?? "", fields: { ...asset.fields }, supplierId: asset.supplierId,
    orderNumber: asset.orderNumber ?? "", invoiceNumber: asset.invoiceNumber ?? "", purchaseDate: asset.purchaseDate ?? "",
    price: asset.priceCents === null ? "" : asset.priceCents / 100, warrantyStart: asset.warrantyStart ?? "",
    warrantyMonths: asset.warrantyMonths ?? "", depreciationYears: asset.depreciationYears ?? "",
  };
}

/** A number input's value ("" when empty) as the API wants it. */
function intOrNull(value: string | number): number | null {
  if (value === "" || value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** Euros typed with up to 2 decimals → integer cents (rounded, so 19.99 stays 1999). */
export function eurosToCents(value: string | number): number | null {
  if (value === "" || value === null) return null;
  const n = Number(String(value).replace(",", "."));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/** The kind's fields only, empty ones as null, numbers as numbers. */
function cleanFields(values: AssetFormValues, kind: AssetKind | undefined): Record<string, string | number | null> {
  const fields: Record<string, string | number | null> = {};
  for (const field of kind?.fields ?? []) {
    const value = values.fields[field.key];
    if (value === undefined || value === null || value === "") fields[field.key] = null;
    else fields[field.key] = field.fieldType === "number" ? Number(value) : value;
  }
  return fields;
}

/** The descriptive part of an asset, as both create and update take it. */
export function toAssetBody(values: AssetFormValues, kind: AssetKind | undefined) {
  return {
    name: values.name.trim(),
    serial: emptyToNull(values.serial),
    manufacturerId: values.manufacturerId,
    modelId: values.modelId,
    techContactId: values.techContactId,
    notes: emptyToNull(values.notes),
    fields: cleanFields(values, kind),
    supplierId: values.supplierId,
    orderNumber: emptyToNull(values.orderNumber),
    invoiceNumber: emptyToNull(values.invoiceNumber),
    purchaseDate: emptyToNull(values.purchaseDate),
    priceCents: eurosToCents(values.price),
    warrantyStart: emptyToNull(values.warrantyStart),
    warrantyMonths: intOrNull(values.warrantyMonths),
    depreciationYears: intOrNull(values.depreciationYears),
  };
}

/** The end the server will compute: start (or purchase date) + months. */
export function warrantyEndOf(values: Pick<AssetFormValues, "warrantyStart" | "purchaseDate" | "warrantyMonths">): string | null {
  const start = values.warrantyStart || values.purchaseDate;
  const months = intOrNull(values.warrantyMonths);
  if (!start || months === null || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return null;
  return addMonths(start, months);
}

/** A pattern shown as an example: "PC-{YYYY}-{#####}" → "PC-2026-00001". */
export function tagExample(pattern: string | null, today = new Date()): string | null {
  if (!pattern) return null;
  const yyyy = String(today.getUTCFullYear());
  return pattern
    .replace("{YYYY}", yyyy)
    .replace("{YY}", yyyy.slice(2))
    .replace("{MM}", String(today.getUTCMonth() + 1).padStart(2, "0"))
    .replace(/\{(#+)\}/, (_m, hashes: string) => "1".padStart(hashes.length, "0"));
}

/** The kind's required fields left empty, keyed as the form shows them (fields.<key>). */
export function missingKindFields(values: AssetFormValues, kind: AssetKind | undefined, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of kind?.fields ?? []) {
    const value = values.fields[field.key];
    if (field.isRequired && (value === undefined || value === null || value === "")) errors[`fields.${field.key}`] = message;
  }
  return errors;
}
