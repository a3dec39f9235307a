type Node = { id: number; parent_id: number | null; name: string };

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/**
 * Each category right after its parent, siblings by name as people sort them ("Écran" with the
 * E's). Sorting by complete name in SQL would not do: the two dialects collate accents
 * differently, and "Poste 2" would slip between "Poste" and "Poste > Écran".
 * A category whose parent is not in the list (another entity's branch) starts its own tree.
 */
export function sortAsTree<T extends Node>(rows: T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const row of rows) {
    const parent = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  for (const list of children.values()) list.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const ordered: T[] = [];
  const visit = (parent: number | null) => {
    for (const row of children.get(parent) ?? []) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** The id of each category's top-level ancestor within the list. */
export function topAncestors<T extends Node>(rows: T[]): Map<number, T> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tops = new Map<number, T>();
  for (const row of rows) {
    let top = row;
    for (let hops = 0; top.parent_id !== null && byId.has(top.parent_id) && hops < 100; hops++) top = byId.get(top.parent_id) as T;
    tops.set(row.id, top);
  }
  return tops;
}
