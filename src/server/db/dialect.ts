/**
 * The only place where SQLite and PostgreSQL differ. Everything here is named for
 * what it does, so feature code never branches on the dialect.
 */
import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  type SqlBool,
  sql,
} from "kysely";
import type { Db, DialectName } from "./database.js";
import type { DB, JobRow } from "./schema.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKysely = Kysely<any>;

export function dialectOf(db: Db | AnyKysely): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** An auto-numbered integer primary key. */
export function addIdColumn<T extends string>(
  db: AnyKysely,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, "id"> {
  if (dialectOf(db) === "postgres") {
    return table.addColumn("id", "integer", (c: ColumnDefinitionBuilder) =>
      c.primaryKey().generatedByDefaultAsIdentity(),
    );
  }
  return table.addColumn("id", "integer", (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/**
 * Claims the oldest due job for this worker, atomically. PostgreSQL skips rows another
 * instance has locked; SQLite serialises writers, so one conditional UPDATE suffices.
 */
export async function claimNextJob(db: Kysely<DB>, workerId: string, now: string): Promise<JobRow | undefined> {
  const pg = dialectOf(db) === "postgres";
  return db
    .updateTable("job")
    .set((eb) => ({
      status: "running",
      locked_by: workerId,
      locked_at: now,
      attempts: eb("attempts", "+", 1),
    }))
    .where("id", "=", (eb) => {
      const next = eb
        .selectFrom("job")
        .select("id")
        .where("status", "=", "queued")
        .where("run_at", "<=", now)
        .orderBy("run_at")
        .orderBy("id")
        .limit(1);
      return pg ? next.forUpdate().skipLocked() : next;
    })
    .where("status", "=", "queued")
    .returningAll()
    .executeTakeFirst();
}

/** After rows were inserted with explicit ids (restore), move each identity past the highest id. */
export async function resetIdSequence(db: Db, table: string): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}

/** Runs fn in a transaction that sees one consistent snapshot of the whole database. */
export async function inSnapshot<T>(db: Kysely<DB>, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (dialectOf(db) === "postgres") {
    return db.transaction().setIsolationLevel("repeatable read").execute(fn);
  }
  // A SQLite read transaction in WAL mode keeps its snapshot until it ends.
  return db.transaction().execute(fn);
}

/** The server's version string, for the health check and the backup manifest. */
export async function databaseVersion(db: Kysely<DB>): Promise<string> {
  if (dialectOf(db) === "postgres") {
    const r = await sql<{ v: string }>`select version() as v`.execute(db);
    return r.rows[0]?.v.split(" ").slice(0, 2).join(" ") ?? "PostgreSQL";
  }
  const r = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
  return `SQLite ${r.rows[0]?.v ?? ""}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `column LIKE 'text%'` with the user's wildcards escaped (SQLite has no default ESCAPE). */
export function startsWith(column: string, text: string) {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}

/**
 * `column` starts with `text`, as a range an ordinary index serves on both databases (LIKE
 * cannot: SQLite's is case-insensitive, PostgreSQL's needs a pattern index). Byte order: the
 * databases are created with the C collation, and SQLite compares bytes.
 */
export function hasPrefix(column: string, text: string, opts: { indexed: boolean } = { indexed: true }) {
  // `column || ''` is the same text that no index serves: the planner must take another way.
  const value = opts.indexed ? sql.ref(column) : sql`(${sql.ref(column)} || '')`;
  return sql<SqlBool>`(${value} >= ${text} and ${value} < ${`${text}\uffff`})`;
}

/** Case-insensitive `column LIKE '%text%'`: for small tables only, as no index can serve it. */
export function contains(column: string, text: string) {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/**
 * Holds, until the transaction ends, a lock on each of these names (e.g. the serial and MAC
 * addresses of a machine being inventoried), taken in one order so two holders never deadlock.
 * PostgreSQL: transaction-level advisory locks. SQLite serialises writing transactions already.
 */
export async function lockNames(trx: Db, names: readonly string[]): Promise<void> {
  if (dialectOf(trx) !== "postgres" || names.length === 0) return;
  const sorted = [...new Set(names)].sort();
  await sql`select pg_advisory_xact_lock(hashtextextended(name, 0)) from unnest(${sorted}::text[]) with ordinality as t(name, n) order by n`.execute(trx);
}
