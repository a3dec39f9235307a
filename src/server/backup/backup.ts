import fs from "node:fs/promises";
import path from "node:path";
import { sql } from "kysely";
import { VIGIE_VERSION } from "../../shared/domain/version.js";
import type { Database, Db } from "../db/database.js";
import { databaseVersion, inSnapshot } from "../db/dialect.js";
import { makeTempDir, measureDir, writeArchive } from "./archive.js";
import { BACKUP_FORMAT, FILES_DIR, MANIFEST_FILE, type Manifest, TABLES_DIR } from "./manifest.js";
import { type TableInfo, describeTables, untyped } from "./tables.js";

const PAGE_SIZE = 1000;

export type BackupOptions = {
  database: Database;
  /** The attachments directory (env.filesDir), archived as it is. */
  filesDir: string;
  out: string;
};

/** The migrations the database has, read from Kysely's own table: the schema its rows fit. */
async function appliedMigrations(db: Db): Promise<string[]> {
  try {
    const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return r.rows.map((row) => row.name);
  } catch {
    throw new Error("the database has never been migrated: there is nothing to back up");
  }
}

function afterKey(table: TableInfo, last: Record<string, unknown>) {
  const [a, b] = table.keys as [string, string | undefined];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (eb: any) => (b === undefined ? eb(a, ">", last[a]) : eb(eb.refTuple(a, b), ">", eb.tuple(last[a], last[b])));
}

/** Writes a table as JSON lines, a page at a time in key order: the table is never whole in memory. */
async function dumpTable(db: Db, table: TableInfo, file: string): Promise<number> {
  const handle = await fs.open(file, "w");
  try {
    let rows = 0;
    let last: Record<string, unknown> | undefined;
    for (;;) {
      let q = untyped(db).selectFrom(table.name).selectAll();
      if (last) q = q.where(afterKey(table, last));
      for (const key of table.keys) q = q.orderBy(key);
      const page: Record<string, unknown>[] = await q.limit(PAGE_SIZE).execute();
      if (page.length > 0) await handle.write(`${page.map((r) => JSON.stringify(r)).join("\n")}\n`);
      rows += page.length;
      if (page.length < PAGE_SIZE) return rows;
      last = page[page.length - 1];
    }
  } finally {
    await handle.close();
  }
}

async function dumpTables(database: Database, dir: string): Promise<Manifest["tables"]> {
  const tables = await describeTables(database.db);
  await fs.mkdir(path.join(dir, TABLES_DIR));
  // One snapshot for every table: rows written meanwhile by the running server are all in or all out.
  return inSnapshot(database.db, async (trx) => {
    const result: Manifest["tables"] = [];
    for (const table of tables) {
      const file = `${TABLES_DIR}/${table.name}.jsonl`;
      result.push({ name: table.name, file, rows: await dumpTable(trx, table, path.join(dir, file)) });
    }
    return result;
  });
}

/**
 * Writes one .tar.gz holding manifest.json, one JSON-lines file per table and the files
 * directory. Safe while the server runs: the rows come from one consistent snapshot.
 */
export async function createBackup(opts: BackupOptions): Promise<{ file: string; bytes: number; manifest: Manifest }> {
  const { db, dialect } = opts.database;
  const migrations = await appliedMigrations(db);
  const staging = await makeTempDir("vigie-backup-");
  try {
    const tables = await dumpTables(opts.database, staging);
    // Files are read after the snapshot: one uploaded meanwhile is an unused extra in the archive.
    const files = await measureDir(opts.filesDir);
    const entries = [MANIFEST_FILE, TABLES_DIR];
    if (files.count > 0) {
      await fs.symlink(path.resolve(opts.filesDir), path.join(staging, FILES_DIR), "dir");
      entries.push(FILES_DIR);
    }
    const manifest: Manifest = { format: "vigie-backup", formatVersion: BACKUP_FORMAT, vigieVersion: VIGIE_VERSION, dialect,
      databaseVersion: await databaseVersion(db), migrations, createdAt: new Date().toISOString(), tables, files };
    await fs.writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const out = path.resolve(opts.out);
    const bytes = await writeArchive(staging, entries, out);
    return { file: out, bytes, manifest };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
