/**
 * Only the fields that changed go in a PATCH, so the history records real changes
 * and two people editing different fields do not overwrite each other.
 */
export function changedFields<T extends Record<string, unknown>>(before: Partial<T>, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== before[key]) changes[key] = after[key];
  }
  return changes;
}
