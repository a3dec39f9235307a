/**
 * Many rows into one table, fast. Kysely builds an operation tree for every value of a multi-row
 * insert: for an inventory's 800 installations that took longer than SQLite storing them. On
 * SQLite, inside the write batch's transaction (write-batch.ts), the rows go through prepared
 * statements of ROWS_PER_STATEMENT rows on the same connection, which that transaction holds;
 * anywhere else, through Kysely.
 */
import { type Kysely, sql } from "kysely";
import type SQLite from "better-sqlite3";
import { chunks } from "./chunks.js";
import { sqliteConnectionOf } from "./database.js";
import type { DB } from "./schema.js";
import { rootOf } from "./write-batch.js";

const ROWS_PER_STATEMENT = 100;
/** Rows per Kysely insert: under SQLite's bound-parameter limit. */
const ROWS_PER_INSERT = 1000;

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function statementFor(sqlite: SQLite.Database, text: (values: string) => string, key: string, columns: number, rows: number): SQLite.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(`${key}:${rows}`);
  if (!statement) {
    const row = `(${Array(columns).fill("?").join(", ")})`;
    statement = sqlite.prepare(text(Array(rows).fill(row).join(", ")));
    cache.set(`${key}:${rows}`, statement);
  }
  return statement;
}

/**
 * Inserts `rows`, each the values of `columns` in that order; `onConflict`, the same in both
 * dialects, e.g. "on conflict (a, b) do update set c = excluded.c".
 */
export async function bulkInsert<T extends keyof DB & string>(db: Kysely<DB>, table: T, columns: ReadonlyArray<keyof DB[T] & string>,
  rows: readonly unknown[][], onConflict = ""): Promise<void> {
  const head = `insert into ${table} (${columns.join(", ")}) values `;
  const root = rootOf(db);
  const sqlite = root !== db ? sqliteConnectionOf(root) : undefined;
  if (sqlite) {
    for (const part of chunks(rows, ROWS_PER_STATEMENT)) {
      statementFor(sqlite, (values) => `${head}${values} ${onConflict}`, head + onConflict, columns.length, part.length).run(part.flat());
    }
    return;
  }
  for (const part of chunks(rows, ROWS_PER_INSERT)) {
    const values = part.map((row) => sql`(${sql.join(row)})`);
    await sql`${sql.raw(head)}${sql.join(values)} ${sql.raw(onConflict)}`.execute(db);
  }
}
