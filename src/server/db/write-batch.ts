/**
 * Group commit for SQLite: the writes of requests that arrive together share one transaction.
 *
 * SQLite has one writer, and each commit writes every page the transaction touched to the WAL.
 * An inventory touches some 800 pages of the installations' index, the same 800 as the next
 * machine's (they run the same software): sixteen inventories committed together write those
 * pages once instead of sixteen times, and pay one commit instead of four each.
 *
 * Each piece of work runs in a savepoint of its own, so one that fails is undone alone and its
 * caller gets its error; the others commit. Every caller's promise settles after the commit,
 * so an agent is never told "stored" before its inventory is on disk.
 *
 * PostgreSQL commits concurrent transactions in parallel and groups their WAL flushes itself:
 * there the work runs on the database as is, and opens the transactions it needs.
 */
import { type Kysely, type Transaction, sql } from "kysely";
import { dialectOf } from "./dialect.js";
import type { DB } from "./schema.js";

type Work<T> = (db: Kysely<DB>) => Promise<T>;
type Pending = { work: Work<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { pending: Pending; ok: boolean; value: unknown };

/** Enough to share the index pages; few enough that a request waits at most a few hundred ms. */
const MAX_BATCH = 32;

const queues = new WeakMap<object, { items: Pending[]; scheduled: boolean }>();
const roots = new WeakMap<object, Kysely<DB>>();

/**
 * Runs `work` on SQLite in the transaction it shares with the work other requests queued
 * meanwhile; on PostgreSQL, on the database itself. The work is given that handle, and uses
 * it alone: on SQLite, `db` waits for the batch that is waiting for the work.
 */
export function inWriteBatch<T>(db: Kysely<DB>, work: Work<T>): Promise<T> {
  if (dialectOf(db) !== "sqlite") return work(db);
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { items: [], scheduled: false }));
  const target = queue;
  return new Promise<T>((resolve, reject) => {
    target.items.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject });
    if (!target.scheduled) {
      target.scheduled = true;
      // After the requests whose bodies have arrived meanwhile have queued their work too.
      setImmediate(() => void runBatches(db, target));
    }
  });
}

async function runBatches(db: Kysely<DB>, queue: { items: Pending[]; scheduled: boolean }): Promise<void> {
  while (queue.items.length > 0) {
    const batch = queue.items.splice(0, MAX_BATCH);

    let outcomes: Outcome[];
    try {
      outcomes = await db.transaction().execute(async (trx) => {
        roots.set(trx, db);
        const done: Outcome[] = [];
        for (const pending of batch) done.push(await runOne(trx, pending));
        return done;
      });
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch was stored.
      for (const pending of batch) pending.reject(error);
      continue;
    }
    for (const { pending, ok, value } of outcomes) (ok ? pending.resolve : pending.reject)(value);
  }
  queue.scheduled = false;
}

async function runOne(trx: Transaction<DB>, pending: Pending): Promise<Outcome> {
  try {
    return { pending, ok: true, value: await inSavepoint(trx, "batch_item", () => pending.work(trx)) };
  } catch (error) {
    return { pending, ok: false, value: error };
  }
}

/** Runs `fn` in a savepoint of the open transaction: undone alone if it throws. */
export async function inSavepoint<T>(trx: Kysely<DB>, name: string, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint ${sql.id(name)}`.execute(trx);
  try {
    const value = await fn();
    await sql`release savepoint ${sql.id(name)}`.execute(trx);
    return value;
  } catch (error) {
    await sql`rollback to savepoint ${sql.id(name)}`.execute(trx);
    await sql`release savepoint ${sql.id(name)}`.execute(trx);
    throw error;
  }
}

/** The database a batch's transaction belongs to: what per-database caches are kept for. */
export function rootOf(db: Kysely<DB>): Kysely<DB> {
  return roots.get(db) ?? db;
}
