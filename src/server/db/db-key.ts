import type { Db } from "./database.js";

/**
 * One key per open database, the same for its transactions: for per-process caches of settings.
 * A transaction shares its Kysely's adapter, and tests open several databases in one process.
 */
export function dbKey(db: Db): object {
  return db.getExecutor().adapter;
}
