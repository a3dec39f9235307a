/**
 * The catalogue rows (software, then version) an inventory's entries are installations of.
 *
 * They are added outside the inventory's transaction, each statement on its own, with ON CONFLICT
 * DO NOTHING then a read: two machines sharing software, inventoried at once, never wait on each
 * other's transaction, never deadlock and never add a software twice (GLPI's known pain). A row
 * added for an inventory that then fails stays in the catalogue, harmless: it lists no machine.
 *
 * A fleet reports the same few thousand software over and over, so the ids are kept in memory,
 * per database: catalogue rows are never deleted while Vigie runs.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../db/values.js";
import { rootOf } from "../../../db/write-batch.js";
import type { SoftwareEntry } from "./software-entries.js";

/** Rows per statement: well under SQLite's bound-parameter limit, and short locks. */
const CHUNK = 500;
const CACHE_LIMIT = 200_000;

type Ids = { software: Map<string, number>; versions: Map<string, number> };
const cachesByDb = new WeakMap<object, Ids>();

function cacheOf(db: Kysely<DB>): Ids {
  let ids = cachesByDb.get(rootOf(db));
  if (!ids) cachesByDb.set(rootOf(db), (ids = { software: new Map(), versions: new Map() }));
  if (ids.versions.size > CACHE_LIMIT) {
    ids.software.clear();
    ids.versions.clear();
  }
  return ids;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const versionKey = (softwareId: number, version: string) => `${softwareId}\u0000${version}`;

export type ResolvedEntry = SoftwareEntry & { softwareId: number; versionId: number };

async function resolveSoftware(db: Kysely<DB>, ids: Ids, entries: readonly SoftwareEntry[]): Promise<void> {
  const missing = new Map<string, SoftwareEntry>();
  for (const entry of entries) if (!ids.software.has(entry.nameKey)) missing.set(entry.nameKey, entry);
  const at = now();
  for (const part of chunks([...missing.values()])) {
    await db.insertInto("software").values(part.map((entry) => ({ name: entry.name, publisher: entry.publisher, name_key: entry.nameKey, created_at: at })))
      .onConflict((oc) => oc.column("name_key").doNothing()).execute();
    const rows = await db.selectFrom("software").select(["id", "name_key"]).where("name_key", "in", part.map((entry) => entry.nameKey)).execute();
    for (const row of rows) ids.software.set(row.name_key, row.id);
  }
}

async function resolveVersions(db: Kysely<DB>, ids: Ids, entries: readonly SoftwareEntry[]): Promise<void> {
  const missing = new Map<string, { software_id: number; version: string }>();
  for (const entry of entries) {
    const softwareId = ids.software.get(entry.nameKey) as number;
    const key = versionKey(softwareId, entry.version);
    if (!ids.versions.has(key)) missing.set(key, { software_id: softwareId, version: entry.version });
  }
  const at = now();
  for (const part of chunks([...missing.values()])) {
    await db.insertInto("software_version").values(part.map((row) => ({ ...row, created_at: at })))
      .onConflict((oc) => oc.columns(["software_id", "version"]).doNothing()).execute();
    const rows = await db.selectFrom("software_version").select(["id", "software_id", "version"])
      .where("software_id", "in", [...new Set(part.map((row) => row.software_id))]).execute();
    for (const row of rows) ids.versions.set(versionKey(row.software_id, row.version), row.id);
  }
}

/** Each entry with its catalogue software and version ids, adding what the catalogue lacks. */
export async function resolveCatalogue(db: Kysely<DB>, entries: readonly SoftwareEntry[]): Promise<ResolvedEntry[]> {
  const ids = cacheOf(db);
  await resolveSoftware(db, ids, entries);
  await resolveVersions(db, ids, entries);
  return entries.map((entry) => {
    const softwareId = ids.software.get(entry.nameKey);
    const versionId = softwareId === undefined ? undefined : ids.versions.get(versionKey(softwareId, entry.version));
    if (softwareId === undefined || versionId === undefined) throw new Error(`Catalogue row missing for ${entry.name} ${entry.version}`);
    // Written out, not spread: V8 spreads these objects ~50 times slower, and there are 800 an inventory.
    return { nameKey: entry.nameKey, name: entry.name, publisher: entry.publisher, version: entry.version, installDate: entry.installDate,
      arch: entry.arch, softwareId, versionId };
  });
}

/** Forgets the ids kept for this database: after its catalogue was emptied (a demo reset, a test). */
export function forgetCatalogue(db: Kysely<DB>): void {
  cachesByDb.delete(rootOf(db));
}
