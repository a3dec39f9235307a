import { sql } from "kysely";
import type { HistoryEntry } from "../../../shared/api/history.js";
import type { Db } from "../../db/database.js";

/**
 * History keeps ids for what a record points to (a name may change, the id stays); its reader wants
 * names. The id fields of tickets and assets, and where their names are.
 */
const USER = { table: "app_user", name: "first_name || ' ' || last_name" };
const GROUP = { table: "user_group", name: "name" };
const ENTITY = { table: "entity", name: "name" };
type Source = { table: string; name: string };

/** Per record type: the same field name may point elsewhere in another record (a KB article's category). */
const NAME_SOURCES: Record<string, Record<string, Source>> = {
  ticket: {
    assigneeId: USER, requesterId: USER, groupId: GROUP, entityId: ENTITY,
    categoryId: { table: "ticket_category", name: "name" }, contractId: { table: "contract", name: "name" },
  },
  asset: {
    userId: USER, techContactId: USER, groupId: GROUP, entityId: ENTITY,
    manufacturerId: { table: "manufacturer", name: "name" }, modelId: { table: "asset_model", name: "name" },
    supplierId: { table: "supplier", name: "name" }, locationId: { table: "location", name: "name" },
  },
};

const sourceOf = (entry: HistoryEntry): Source | undefined => (entry.field ? NAME_SOURCES[entry.recordType]?.[entry.field] : undefined);

const isId = (value: string | null): value is string => value !== null && /^\d{1,15}$/.test(value);

/** The page's entries with `oldLabel`/`newLabel` set for id fields: one query per table the page names. */
export async function withNames(db: Db, entries: HistoryEntry[]): Promise<HistoryEntry[]> {
  const wanted = new Map<string, { source: Source; ids: Set<number> }>();
  for (const entry of entries) {
    const source = sourceOf(entry);
    if (!source) continue;
    const ids = wanted.get(source.table)?.ids ?? new Set<number>();
    for (const value of [entry.oldValue, entry.newValue]) if (isId(value)) ids.add(Number(value));
    wanted.set(source.table, { source, ids });
  }
  const names = new Map<string, string>();
  for (const [table, { source, ids }] of wanted) {
    if (ids.size === 0) continue;
    const { rows } = await sql<{ id: number; label: string }>`select id, ${sql.raw(source.name)} as label from ${sql.table(table)}
      where id in (${sql.join([...ids])})`.execute(db);
    for (const row of rows) names.set(`${table}:${row.id}`, row.label);
  }
  return entries.map((entry) => {
    const source = sourceOf(entry);
    if (!source) return entry;
    const label = (value: string | null) => (isId(value) ? names.get(`${source.table}:${value}`) ?? null : null);
    return { ...entry, oldLabel: label(entry.oldValue), newLabel: label(entry.newValue) };
  });
}
