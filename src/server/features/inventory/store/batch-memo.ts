import type { Db } from "../../../db/database.js";
import { rootOf } from "../../../db/write-batch.js";

/**
 * A read done once per SQLite write batch (db/write-batch.ts) instead of once per agent message.
 * The batch's transaction reads one snapshot of the database, and the messages it runs never
 * write what is read this way (settings, the root entity): each read would return the same
 * value, so the first one is kept for the batch. Elsewhere — PostgreSQL, a person's transaction
 * — it is read each time.
 */
export function oncePerWriteBatch<T>(read: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const byBatch = new WeakMap<object, Promise<T>>();
  return (db) => {
    if (rootOf(db) === db) return read(db);
    let value = byBatch.get(db);
    if (!value) {
      value = read(db);
      byBatch.set(db, value);
      // A failed read is not kept: the next message of the batch tries again.
      const kept = value;
      value.catch(() => byBatch.get(db) === kept && byBatch.delete(db));
    }
    return value;
  };
}
