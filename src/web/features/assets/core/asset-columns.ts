import { ASSET_COLUMNS, type AssetColumn, DEFAULT_ASSET_COLUMNS } from "../../../../shared/domain/asset-columns.js";
import { cleanColumnsOf, useStoredColumns } from "../../tickets/queue/useQueue.js";

/** Known asset columns only, in the list's order; the defaults for none. */
export function cleanAssetColumns(columns: unknown): AssetColumn[] {
  return cleanColumnsOf(ASSET_COLUMNS, DEFAULT_ASSET_COLUMNS, columns);
}

/** The asset list's columns this user chose on this browser, as the queue keeps its own. */
export function useAssetColumns(userId: number) {
  return useStoredColumns(`vigie.assets.columns.${userId}`, ASSET_COLUMNS, DEFAULT_ASSET_COLUMNS);
}

/** The columns the server can sort on (each served by an index), by the sort's name. */
export const SORTABLE_COLUMNS: Partial<Record<AssetColumn, "tag" | "name" | "purchase" | "warranty" | "updated">> = {
  tag: "tag", name: "name", purchase: "purchase", warranty: "warranty", updated: "updated",
};
