import fs from "node:fs";
import path from "node:path";
import { createBackup } from "../../server/backup/backup.js";
import { openDatabase } from "../../server/db/database.js";
import type { Env } from "../../server/env.js";
import { EXIT, HELP, type Io, formatTable, loadEnv, parseCommand } from "../io.js";

const USAGE = `Usage: vigie backup [--out FILE]

Writes the whole database and the attached files to one .tar.gz. Safe while Vigie runs:
the rows come from one consistent snapshot. Restore it with \`vigie restore FILE\`, into
SQLite or PostgreSQL alike.

Options:
  --out FILE   where to write (default: vigie-backup-YYYYMMDD-HHMMSS.tar.gz here)`;

function defaultName(at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `vigie-backup-${stamp}.tar.gz`;
}

function openExisting(env: Env) {
  // Opening a missing SQLite file would create an empty database and back that up.
  if (!env.VIGIE_DATABASE_URL && !fs.existsSync(env.sqlitePath)) {
    throw new Error(`no database at ${env.sqlitePath}: is VIGIE_DATA_DIR right?`);
  }
  return openDatabase({ url: env.VIGIE_DATABASE_URL, sqlitePath: env.sqlitePath });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand({ args: argv, options: { ...HELP, out: { type: "string", short: "o" } }, strict: true }, USAGE);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const env = loadEnv(io);
  const database = openExisting(env);
  try {
    const started = Date.now();
    const { file, bytes, manifest } = await createBackup({ database, filesDir: env.filesDir, out: values.out ?? path.resolve(defaultName()) });
    const rows = manifest.tables.filter((t) => t.rows > 0).map((t) => [t.name, String(t.rows)]);
    io.out(`Backup written: ${file} (${megabytes(bytes)}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n\n` +
      `${formatTable([["table", "rows"], ...rows])}\n\n  ${manifest.files.count} file(s), ${megabytes(manifest.files.bytes)}`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
