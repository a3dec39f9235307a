/**
 * The columns the asset list can show, in the order they appear: each is a field every list row
 * carries (AssetSummarySchema), so choosing one costs no extra query.
 */
export const ASSET_COLUMNS = [
  "tag", "name", "kind", "status", "user", "group", "location", "manufacturer", "model", "serial", "entity",
  "purchase", "warranty", "value", "updated",
] as const;
export type AssetColumn = (typeof ASSET_COLUMNS)[number];

/** What the list showed before columns could be chosen. */
export const DEFAULT_ASSET_COLUMNS: readonly AssetColumn[] = [
  "tag", "name", "kind", "status", "user", "location", "model", "purchase", "warranty", "updated",
];
