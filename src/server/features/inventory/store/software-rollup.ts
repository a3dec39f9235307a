/**
 * The software catalogue's side of the installations: how many machines of each entity have each
 * version (software_install_count), and which machines (software_machine_block: a bitmap per
 * version and block of 1,024 asset ids).
 *
 * An inventory does not write them: it queues which versions it added to and removed from its
 * machine (software_change), and the queue is folded a second later, many machines at once. A
 * machine's 800 versions would otherwise be 800 writes into trees ordered by software, the costliest
 * part of an inventory by far; folded, a second of new machines rewrites the few pages of its block.
 * The software screens fold what is queued before they read (settleSoftwareRollup), so they never
 * show less than what the agents were told was stored.
 */
import type { Kysely } from "kysely";
import type { Db } from "../../../db/database.js";
import { lockNames } from "../../../db/dialect.js";
import type { DB } from "../../../db/schema.js";
import { inWriteBatch, rootOf } from "../../../db/write-batch.js";
import { bulkInsert } from "../../../db/bulk-insert.js";
import { chunks } from "../../../db/chunks.js";

export const BLOCK_SIZE = 1024;
/** Queued inventories per fold: a busy minute of a large fleet, folded in steps of a few hundred ms. */
const FOLD_LIMIT = 2000;
/** Ids per statement: under SQLite's bound-parameter limit. */
const IDS_PER_STATEMENT = 1000;
/** Two seconds of a busy fleet's inventories share each fold; the screens fold before reading anyway. */
const FOLD_DELAY_MS = 2000;

/** Queues what an inventory changed in its machine's installations, in the inventory's transaction. */
export async function queueSoftwareChange(trx: Db, asset: { id: number; entity_id: number }, added: readonly number[], removed: readonly number[]) {
  if (added.length === 0 && removed.length === 0) return;
  await trx.insertInto("software_change").values({ asset_id: asset.id, entity_id: asset.entity_id, added: added.join(","), removed: removed.join(",") }).execute();
}

/** Per database: whether a fold is waiting or running, and whether changes were queued since it began waiting. */
const schedules = new WeakMap<object, { pending: boolean; again: boolean }>();

/**
 * Folds the queue a moment from now, in the background: the inventories of that moment together.
 * One fold per moment, not "until empty": under a steady flow of inventories that would fold after
 * every write batch, and share nothing. Changes queued while a fold waits or runs get the next one.
 */
export function scheduleSoftwareRollup(db: Kysely<DB>): void {
  const root = rootOf(db);
  // Inside a caller's own transaction there is no database handle to come back with later: the screens settle it.
  if (root.isTransaction) return;
  let schedule = schedules.get(root);
  if (!schedule) schedules.set(root, (schedule = { pending: false, again: false }));
  if (schedule.pending) {
    schedule.again = true;
    return;
  }
  schedule.pending = true;
  schedule.again = false;
  const state = schedule;
  setTimeout(() => {
    foldOnce(root)
      .then((folded) => {
        state.pending = false;
        // More came meanwhile, or a backlog (a large fleet's first day, an upgrade): another fold.
        if (state.again || folded === FOLD_LIMIT) scheduleSoftwareRollup(root);
      })
      // The database was closed meanwhile (a test, a shutdown): what is queued is folded next time.
      .catch(() => { state.pending = false; });
  }, FOLD_DELAY_MS).unref();
}

/** Folds everything queued before the call: the catalogue's screens call it before they read. */
export async function settleSoftwareRollup(db: Kysely<DB>): Promise<void> {
  const last = await db.selectFrom("software_change").select("id").orderBy("id", "desc").limit(1).executeTakeFirst();
  if (!last) return;
  while (await db.selectFrom("software_change").select("id").where("id", "<=", last.id).limit(1).executeTakeFirst()) await foldOnce(db);
}

function foldOnce(db: Kysely<DB>): Promise<number> {
  return inWriteBatch(db, (handle) => (handle.isTransaction ? fold(handle) : handle.transaction().execute(fold)));
}

/** Per block of asset ids, per version, the machines' bits in queue order: bit × 2 + 1 to set, bit × 2 to clear. */
type Marks = Map<number, Map<number, number[]>>;
/** Per entity, per version, installations added less removed. */
type Counts = Map<number, Map<number, number>>;

async function fold(trx: Kysely<DB>): Promise<number> {
  // Two servers on one PostgreSQL database: one folds at a time, so no bitmap update is lost.
  await lockNames(trx, ["software-rollup"]);
  const changes = await trx.selectFrom("software_change").selectAll().orderBy("id").limit(FOLD_LIMIT).execute();
  const counts: Counts = new Map();
  const marks: Marks = new Map();
  for (const change of changes) {
    let entity = counts.get(change.entity_id);
    if (!entity) counts.set(change.entity_id, (entity = new Map()));
    const block = Math.floor(change.asset_id / BLOCK_SIZE);
    let versions = marks.get(block);
    if (!versions) marks.set(block, (versions = new Map()));
    const bit = (change.asset_id % BLOCK_SIZE) * 2;
    for (const [list, delta] of [[change.added, 1], [change.removed, -1]] as const) {
      if (list === "") continue;
      for (const text of list.split(",")) {
        const version = Number(text);
        entity.set(version, (entity.get(version) ?? 0) + delta);
        const bits = versions.get(version);
        if (bits) bits.push(bit + (delta > 0 ? 1 : 0));
        else versions.set(version, [bit + (delta > 0 ? 1 : 0)]);
      }
    }
  }
  await applyCounts(trx, counts);
  await applyMarks(trx, marks);
  // By id, not up to the last one: on PostgreSQL a lower id can commit after this read.
  for (const ids of chunks(changes.map((c) => c.id), IDS_PER_STATEMENT)) await trx.deleteFrom("software_change").where("id", "in", ids).execute();
  return changes.length;
}

async function applyCounts(trx: Kysely<DB>, counts: Counts): Promise<void> {
  const versions = new Set<number>();
  for (const entity of counts.values()) for (const version of entity.keys()) versions.add(version);
  const softwareOf = new Map<number, number>();
  for (const part of chunks([...versions], IDS_PER_STATEMENT)) {
    const rows = await trx.selectFrom("software_version").select(["id", "software_id"]).where("id", "in", part).execute();
    for (const row of rows) softwareOf.set(row.id, row.software_id);
  }
  const rows: number[][] = [];
  for (const [entityId, entity] of counts) {
    for (const [versionId, delta] of entity) {
      const softwareId = softwareOf.get(versionId);
      // A version deleted since it was queued (a catalogue reset) has nothing left to count.
      if (delta !== 0 && softwareId !== undefined) rows.push([softwareId, versionId, entityId, delta]);
    }
  }
  await bulkInsert(trx, "software_install_count", ["software_id", "version_id", "entity_id", "installs"], rows,
    "on conflict (software_id, version_id, entity_id) do update set installs = software_install_count.installs + excluded.installs");
}

async function applyMarks(trx: Kysely<DB>, marks: Marks): Promise<void> {
  for (const [block, versions] of marks) {
    const bitmaps = new Map<number, Buffer>();
    for (const part of chunks([...versions.keys()], IDS_PER_STATEMENT)) {
      const rows = await trx.selectFrom("software_machine_block").select(["version_id", "machines"]).where("block", "=", block)
        .where("version_id", "in", part).execute();
      for (const row of rows) bitmaps.set(row.version_id, Buffer.from(row.machines, "base64"));
    }
    const empty: number[] = [];
    const rows: Array<[number, number, string]> = [];
    for (const [version, bits] of versions) {
      const bitmap = bitmaps.get(version) ?? Buffer.alloc(BLOCK_SIZE / 8);
      // In queue order: a machine's version removed by a later inventory ends cleared.
      for (const mark of bits) {
        const bit = mark >> 1;
        const byte = bitmap[bit >> 3] as number;
        bitmap[bit >> 3] = mark & 1 ? byte | (1 << (bit & 7)) : byte & ~(1 << (bit & 7));
      }
      if (bitmap.every((byte) => byte === 0)) empty.push(version);
      else rows.push([block, version, bitmap.toString("base64")]);
    }
    await bulkInsert(trx, "software_machine_block", ["block", "version_id", "machines"], rows,
      "on conflict (block, version_id) do update set machines = excluded.machines");
    for (const part of chunks(empty, IDS_PER_STATEMENT)) {
      await trx.deleteFrom("software_machine_block").where("block", "=", block).where("version_id", "in", part).execute();
    }
  }
}

/** The asset ids a bitmap row says have the version. */
export function machinesOf(block: number, machines: string): number[] {
  const bitmap = Buffer.from(machines, "base64");
  const ids: number[] = [];
  for (let byte = 0; byte < bitmap.length; byte++) {
    const bits = bitmap[byte] as number;
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (bits & (1 << bit)) ids.push(block * BLOCK_SIZE + byte * 8 + bit);
  }
  return ids;
}
