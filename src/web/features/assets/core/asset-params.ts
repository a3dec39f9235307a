import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { ASSET_SORTS } from "../../../../shared/api/assets.js";
import { ASSET_FAMILIES } from "../../../../shared/domain/assets.js";

/** The list's filters as the URL keeps them: text values, absent when unset. */
export const LIST_KEYS = [
  "q", "family", "kindId", "status", "locationId", "userId", "manufacturerId", "supplierId", "includeDisposed",
  "warrantyBefore", "purchasedBefore", "sort", "order",
] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export type AssetQuery = Partial<Record<ListKey, string>>;

/** Keeps only known keys with sane values, so a hand-edited URL cannot break the list. */
export function normalizeAssetQuery(params: URLSearchParams | AssetQuery): AssetQuery {
  const get = (key: ListKey) => (params instanceof URLSearchParams ? params.get(key) : params[key]) ?? "";
  const query: AssetQuery = {};
  for (const key of LIST_KEYS) {
    const value = get(key).trim();
    if (value) query[key] = value;
  }
  if (query.family && !(ASSET_FAMILIES as readonly string[]).includes(query.family)) delete query.family;
  if (query.sort && !(ASSET_SORTS as readonly string[]).includes(query.sort)) delete query.sort;
  if (query.order && query.order !== "asc" && query.order !== "desc") delete query.order;
  if (query.includeDisposed && query.includeDisposed !== "true") delete query.includeDisposed;
  return query;
}

/**
 * The query as a saved view keeps it: the list's default sort (last updated first) left out, so a
 * view saved before or after a click on "Modifié" opens the same list and is recognised as current.
 */
export function savedAssetQuery(query: AssetQuery): Record<string, string> {
  const saved: Record<string, string> = { ...normalizeAssetQuery(query) };
  if (saved.sort === "updated") delete saved.sort;
  if (saved.order === "desc") delete saved.order;
  return saved;
}

export function sameAssetQuery(a: AssetQuery, b: AssetQuery): boolean {
  const left = savedAssetQuery(a);
  const right = savedAssetQuery(b);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

/** Filters set by the user (not the sort), to show "clear filters". */
export function countAssetFilters(query: AssetQuery): number {
  return LIST_KEYS.filter((key) => key !== "sort" && key !== "order" && key !== "family" && query[key]).length;
}

export function listOf(value: string | undefined): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

export function numberOrNull(value: string | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** The list's filters, read from and written to the URL: "back" from an asset keeps them, a link shares them. */
export function useAssetQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => normalizeAssetQuery(params), [params]);
  const setFilter = useCallback(
    (key: ListKey, value: string | null) =>
      setParams((old) => {
        // A kind belongs to one family: choosing another family drops the kind.
        const reset = key === "family" ? { kindId: "" } : {};
        return new URLSearchParams(normalizeAssetQuery({ ...normalizeAssetQuery(old), ...reset, [key]: value ?? "" }));
      }, { replace: true }),
    [setParams],
  );
  const replaceQuery = useCallback((next: AssetQuery) => setParams(new URLSearchParams(normalizeAssetQuery(next))), [setParams]);
  return { query, setFilter, replaceQuery };
}
