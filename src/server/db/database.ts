import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import type { DB } from "./schema.js";

export type Db = Kysely<DB> | Transaction<DB>;
export type DialectName = "sqlite" | "postgres";

export type Database = { db: Kysely<DB>; dialect: DialectName; close: () => Promise<void> };

// PostgreSQL returns int8 (count(*), sums) as text to protect precision; our counts fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

/** SQLite in WAL mode: readers never block the writer, and a backup can run while serving. */
export function openSqlite(file: string): Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

export function openDatabase(opts: { url?: string; sqlitePath: string }): Database {
  return opts.url ? openPostgres(opts.url) : openSqlite(opts.sqlitePath);
}
