import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { sql } from "kysely";
import type { Database, Db } from "../db/database.js";
import { resetIdSequence } from "../db/dialect.js";
import { MIGRATION_NAMES, migrateToLatest } from "../db/migrate.js";
import { TABLES } from "../db/schema.js";
import { makeTempDir, readArchive } from "./archive.js";
import { FILES_DIR, MANIFEST_FILE, type Manifest, ManifestSchema, checkMigrations } from "./manifest.js";
import { type TableInfo, clearTables, describeTables, hasUsers, untyped } from "./tables.js";

const ROWS_PER_INSERT = 500;

export type RestoreOptions = {
  database: Database;
  filesDir: string;
  file: string;
  /** Replace a database that already has users (every row of every table is deleted first). */
  force?: boolean;
};

async function readManifest(dir: string): Promise<Manifest> {
  const text = await fs.readFile(path.join(dir, MANIFEST_FILE), "utf8").catch(() => {
    throw new Error("not a Vigie backup: manifest.json is missing");
  });
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`not a Vigie backup this version can read: ${parsed.error.issues[0]?.message}`);
  const names = parsed.data.tables.map((t) => t.name).join(",");
  if (names !== TABLES.map((t) => t.name).join(",")) throw new Error("the backup's tables do not match this Vigie's");
  const problem = checkMigrations(parsed.data.migrations, MIGRATION_NAMES);
  if (problem) throw new Error(problem);
  return parsed.data;
}

async function* readRows(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Record<string, unknown>;
}

/** Inserts a table's rows in batches; a self-reference waits for the second pass. */
async function loadTable(db: Db, table: TableInfo, file: string): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length > 0) await untyped(db).insertInto(table.name).values(batch).execute();
    count += batch.length;
    batch = [];
  };
  for await (const row of readRows(file)) {
    batch.push(table.selfRef ? { ...row, [table.selfRef]: null } : row);
    if (batch.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  return count;
}

/** Second pass: every row now exists, so each may point at another (entity.parent_id). */
async function linkSelfRefs(db: Db, table: TableInfo, file: string): Promise<void> {
  const column = table.selfRef as string;
  for await (const row of readRows(file)) {
    if (row[column] === null || row[column] === undefined) continue;
    let q = untyped(db).updateTable(table.name).set({ [column]: row[column] });
    for (const key of table.keys) q = q.where(key, "=", row[key]);
    await q.execute();
  }
}

async function loadAll(db: Db, tables: TableInfo[], manifest: Manifest, dir: string): Promise<void> {
  const fileOf = (name: string) => path.join(dir, manifest.tables.find((t) => t.name === name)?.file ?? "");
  for (const table of tables) {
    const rows = await loadTable(db, table, fileOf(table.name));
    const expected = manifest.tables.find((t) => t.name === table.name)?.rows;
    if (rows !== expected) throw new Error(`table ${table.name}: ${rows} rows in the archive, the manifest says ${expected}`);
  }
  for (const table of tables) if (table.selfRef) await linkSelfRefs(db, table, fileOf(table.name));
  // Rows came with their ids: the next id handed out must come after them.
  for (const table of tables) if (table.identity) await resetIdSequence(db, table.name);
}

async function usersBeforeMigrating(db: Db): Promise<boolean> {
  // A database never migrated has no app_user table, hence no users.
  return hasUsers(db).catch(() => false);
}

/** The files directory becomes the backup's: whatever it held before is removed. */
async function restoreFiles(from: string, filesDir: string): Promise<void> {
  await fs.rm(filesDir, { recursive: true, force: true });
  await fs.mkdir(filesDir, { recursive: true });
  if (await fs.stat(from).then(() => true, () => false)) await fs.cp(from, filesDir, { recursive: true });
}

/**
 * Restores a backup of either dialect into the configured database, all rows in one
 * transaction: on any error the target keeps what it had. Refuses a target with users
 * unless `force`, before changing anything.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<Manifest> {
  const { db } = opts.database;
  const refusal = "the target database already has users: restore into an empty database, or pass --force to replace everything";
  const dir = await makeTempDir("vigie-restore-");
  try {
    await readArchive(opts.file, dir);
    const manifest = await readManifest(dir);
    if (!opts.force && (await usersBeforeMigrating(db))) throw new Error(refusal);
    await migrateToLatest(db);
    const tables = await describeTables(db);
    await db.transaction().execute(async (trx) => {
      if (!opts.force && (await hasUsers(trx))) throw new Error(refusal);
      await clearTables(trx);
      await loadAll(trx, tables, manifest, dir);
    });
    // Fresh statistics after a bulk load, so the query planner sees the real table sizes (same SQL in both dialects).
    await sql`analyze`.execute(db);
    await restoreFiles(path.join(dir, FILES_DIR), opts.filesDir);
    return manifest;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
