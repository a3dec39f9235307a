import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import { prepareStatementsOn } from "./pg-statements.js";
import type { DB } from "./schema.js";

export type Db = Kysely<DB> | Transaction<DB>;
export type DialectName = "sqlite" | "postgres";

export type Database = { db: Kysely<DB>; dialect: DialectName; close: () => Promise<void> };

// PostgreSQL returns int8 (count(*), sums) as text to protect precision; our counts fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  prepareStatementsOn(pool);
  // An idle connection that the server closes (a restart, a failover) is dropped from the pool and
  // replaced at the next query; without a listener its error would crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 500;

type RowStatement = Pick<SQLite.Statement, "reader" | "all" | "run" | "iterate">;

/**
 * A reading statement that fetches rows as arrays and builds the objects in JS: half the cost
 * of better-sqlite3 building them, which dominates a page of 50 rows.
 */
function readingStatement(statement: SQLite.Statement): RowStatement {
  statement.raw(true);
  const columns = statement.columns().map((c) => c.name);
  // A compiled literal gives every row the same shape; JSON.stringify quotes each name safely.
  const toRow = new Function("r", `return {${columns.map((c, i) => `${JSON.stringify(c)}: r[${i}]`).join(", ")}};`) as (
    r: unknown[],
  ) => unknown;
  return {
    reader: true,
    all: (...params: unknown[]) => (statement.all(...params) as unknown[][]).map(toRow),
    run: (...params: unknown[]) => statement.run(...params),
    iterate: function* (...params: unknown[]) {
      for (const r of statement.iterate(...params)) yield toRow(r as unknown[]);
    },
  } as RowStatement;
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text: Kysely prepares each query
 * anew, which costs as much as running a small one. Sharing a statement is safe because Kysely
 * runs one query at a time on its single SQLite connection.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, RowStatement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Re-insert to keep the most recently used last; the first key is the one to evict.
      cache.delete(source);
    } else {
      const prepared = sqlite.prepare(source);
      statement = prepared.reader ? readingStatement(prepared) : prepared;
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, prop) => {
      if (prop === "prepare") return prepare;
      const value = Reflect.get(target, prop, target);
      // Native methods must be called on the real database object, not on the proxy.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const rawSqlite = new WeakMap<object, SQLite.Database>();

/**
 * The better-sqlite3 connection under a SQLite Kysely, for the few writes too large for Kysely's
 * builder (an inventory's 800 installations: db/bulk-insert.ts); undefined on PostgreSQL.
 */
export function sqliteConnectionOf(db: Kysely<DB>): SQLite.Database | undefined {
  return rawSqlite.get(db);
}

/** SQLite in WAL mode: readers never block the writer, and a backup can run while serving. */
export function openSqlite(file: string): Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // An inventory rewrites some 800 pages of the installations' index. Checkpointing every 1,000
  // pages (the default) copied them back to the file at almost every commit; every 10,000 (40 MB of
  // WAL) copies a page changed by many inventories once. A 64 MB page cache keeps those pages in memory.
  sqlite.pragma("wal_autocheckpoint = 10000");
  sqlite.pragma("cache_size = -65536");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  rawSqlite.set(db, sqlite);
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

export function openDatabase(opts: { url?: string; sqlitePath: string }): Database {
  return opts.url ? openPostgres(opts.url) : openSqlite(opts.sqlitePath);
}
