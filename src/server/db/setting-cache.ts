import type { Db } from "./database.js";
import { dbKey } from "./db-key.js";

/**
 * A setting read from the database and kept a few seconds, per process and per database (tests
 * open several in one process). Instances sharing the database see another's change within
 * `ttlMs`, and their own at once through forget(). A failed read is not kept.
 */
export function settingCache<T>(ttlMs: number, load: (db: Db) => Promise<T>) {
  const entries = new WeakMap<object, { readAt: number; value: Promise<T> }>();
  return {
    get(db: Db): Promise<T> {
      const key = dbKey(db);
      const cached = entries.get(key);
      if (cached && Date.now() - cached.readAt < ttlMs) return cached.value;
      const value = load(db);
      entries.set(key, { readAt: Date.now(), value });
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      return value;
    },
    forget(db: Db): void {
      entries.delete(dbKey(db));
    },
  };
}
