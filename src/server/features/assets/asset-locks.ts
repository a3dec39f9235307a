/**
 * Fields a person edited are locked against inventories: the next inventory leaves them as the
 * person set them (GLPI's "locked fields"). The lock is taken at the edit, and lifted on the
 * asset's inventory tab.
 */
import type { AssetRow } from "../../db/schema-assets.js";
import type { Change } from "../history/history.service.js";

/** The fields inventories fill, by their API names; custom fields as "fields.<key>". */
const LOCKABLE = new Set(["name", "serial", "manufacturerId", "modelId"]);
const LOCKABLE_FIELD_KEYS = new Set(["cpu", "ram_gb", "disk_gb", "os", "hostname", "ip", "mac"]);

function parseFields(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

/** The asset's locks after a person's edit, or undefined when they do not change. */
export function locksAfterEdit(row: Pick<AssetRow, "inventory_locks" | "fields">, changes: readonly Change[], fieldsAfter: string | null): string | undefined {
  const locks = new Set<string>(row.inventory_locks ? (JSON.parse(row.inventory_locks) as string[]) : []);
  const size = locks.size;
  for (const change of changes) if (LOCKABLE.has(change.field)) locks.add(change.field);
  if (changes.some((change) => change.field === "fields")) {
    const before = parseFields(row.fields);
    const after = parseFields(fieldsAfter);
    for (const key of LOCKABLE_FIELD_KEYS) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) locks.add(`fields.${key}`);
  }
  return locks.size === size ? undefined : JSON.stringify([...locks].sort());
}
