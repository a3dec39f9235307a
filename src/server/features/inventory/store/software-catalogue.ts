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
import { chunks } from "../../../db/chunks.js";

/** Rows per statement: well under SQLite's bound-parameter limit, and short locks. */
const CHUNK = 500;
const CACHE_LIMIT = 200_000;

/** A software's catalogue id and its versions' ids, by version text. */
type Known = { id: number; versions: Map<string, number> };
const cachesByDb = new WeakMap<object, { software: Map<string, Known>; versionCount: number }>();

function cacheOf(db: Kysely<DB>) {
  let cache = cachesByDb.get(rootOf(db));
  if (!cache || cache.versionCount > CACHE_LIMIT) cachesByDb.set(rootOf(db), (cache = { software: new Map(), versionCount: 0 }));
  return cache;
}

export type ResolvedEntry = SoftwareEntry & { softwareId: number; versionId: number };

async function resolveSoftware(db: Kysely<DB>, cache: ReturnType<typeof cacheOf>, entries: readonly SoftwareEntry[]): Promise<void> {
  const missing = new Map<string, SoftwareEntry>();
  for (const entry of entries) if (!cache.software.has(entry.nameKey)) missing.set(entry.nameKey, entry);
  const at = now();
  for (const part of chunks([...missing.values()], CHUNK)) {
    await db.insertInto("software").values(part.map((entry) => ({ name: entry.name, publisher: entry.publisher, name_key: entry.nameKey, created_at: at })))
      .onConflict((oc) => oc.column("name_key").doNothing()).execute();
    const rows = await db.selectFrom("software").select(["id", "name_key"]).where("name_key", "in", part.map((entry) => entry.nameKey)).execute();
    // Another inventory may have added it meanwhile, with versions already: kept, not replaced.
    for (const row of rows) if (!cache.software.has(row.name_key)) cache.software.set(row.name_key, { id: row.id, versions: new Map() });
  }
}

async function resolveVersions(db: Kysely<DB>, cache: ReturnType<typeof cacheOf>, entries: readonly SoftwareEntry[]): Promise<void> {
  const missing: Array<{ software_id: number; version: string }> = [];
  const byId = new Map<number, Known>();
  for (const entry of entries) {
    const known = cache.software.get(entry.nameKey) as Known;
    if (known.versions.has(entry.version)) continue;
    missing.push({ software_id: known.id, version: entry.version });
    byId.set(known.id, known);
  }
  const at = now();
  for (const part of chunks(missing, CHUNK)) {
    await db.insertInto("software_version").values(part.map((row) => ({ ...row, created_at: at })))
      .onConflict((oc) => oc.columns(["software_id", "version"]).doNothing()).execute();
    const rows = await db.selectFrom("software_version").select(["id", "software_id", "version"])
      .where("software_id", "in", [...new Set(part.map((row) => row.software_id))]).execute();
    for (const row of rows) {
      const known = byId.get(row.software_id);
      if (known && !known.versions.has(row.version)) {
        known.versions.set(row.version, row.id);
        cache.versionCount++;
      }
    }
  }
}

/** Each entry with its catalogue software and version ids, adding what the catalogue lacks. */
export async function resolveCatalogue(db: Kysely<DB>, entries: readonly SoftwareEntry[]): Promise<ResolvedEntry[]> {
  const cache = cacheOf(db);
  await resolveSoftware(db, cache, entries);
  await resolveVersions(db, cache, entries);
  return entries.map((entry) => {
    const known = cache.software.get(entry.nameKey);
    const versionId = known?.versions.get(entry.version);
    if (known === undefined || versionId === undefined) throw new Error(`Catalogue row missing for ${entry.name} ${entry.version}`);
    // Written out, not spread: V8 spreads these objects ~50 times slower, and there are 800 an inventory.
    return { nameKey: entry.nameKey, name: entry.name, publisher: entry.publisher, version: entry.version, installDate: entry.installDate,
      arch: entry.arch, softwareId: known.id, versionId };
  });
}

/** Forgets the ids kept for this database: after its catalogue was emptied (a demo reset, a test). */
export function forgetCatalogue(db: Kysely<DB>): void {
  cachesByDb.delete(rootOf(db));
}
