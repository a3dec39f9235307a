/**
 * The fleet's vocabulary, shared by the server (which enforces it) and the web app (which
 * offers only what is allowed).
 */
export const ASSET_FAMILIES = ["computer", "monitor", "printer", "network", "phone", "peripheral", "other"] as const;
export type AssetFamily = (typeof ASSET_FAMILIES)[number];

/** The life cycle, in its usual order: ordered → in stock → in use → in repair → loaned → retired → disposed. */
export const ASSET_STATUSES = ["ordered", "in_stock", "in_use", "in_repair", "loaned", "retired", "disposed"] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/**
 * Where each status may go next. Loans go through the loan and return operations (they record
 * the borrower and the date due back); disposal through its own operation (recycler, certificate),
 * and nothing comes back from it.
 */
export const ASSET_TRANSITIONS: Record<AssetStatus, readonly AssetStatus[]> = {
  ordered: ["in_stock", "in_use", "retired"],
  in_stock: ["in_use", "in_repair", "retired"],
  in_use: ["in_stock", "in_repair", "retired"],
  in_repair: ["in_stock", "in_use", "retired"],
  loaned: ["in_repair", "retired"],
  retired: ["in_stock", "disposed"],
  disposed: [],
};

/** What an asset's timeline records. */
export const ASSET_EVENT_TYPES = ["create", "status", "assign", "move", "loan", "return", "dispose"] as const;
export type AssetEventType = (typeof ASSET_EVENT_TYPES)[number];

export const LOCATION_TYPES = ["site", "building", "floor", "room", "other"] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

export const CONTRACT_TYPES = ["maintenance", "warranty_extension", "lease", "support"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const FIELD_TYPES = ["text", "number", "date", "choice"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Adds whole months to a date (YYYY-MM-DD), keeping the day or the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The value left after linear depreciation over `years` from the purchase date, in cents, on
 * `at` (YYYY-MM-DD): the price falls by the same amount each day and stops at zero.
 */
export function currentValueCents(priceCents: number, purchaseDate: string, years: number, at: string): number {
  if (years <= 0) return priceCents;
  const end = addMonths(purchaseDate, years * 12);
  const total = Date.parse(end) - Date.parse(purchaseDate);
  const elapsed = Math.min(Math.max(Date.parse(at) - Date.parse(purchaseDate), 0), total);
  return Math.round(priceCents * (1 - elapsed / total));
}
