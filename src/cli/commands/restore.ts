import { restoreBackup } from "../../server/backup/restore.js";
import { openDatabase } from "../../server/db/database.js";
import { EXIT, HELP, type Io, UsageError, loadEnv, parseCommand } from "../io.js";

const USAGE = `Usage: vigie restore FILE [--force]

Restores a backup made by \`vigie backup\` into the configured database (SQLite in
VIGIE_DATA_DIR, or VIGIE_DATABASE_URL) and its files directory. A backup of either
dialect restores into either. Stop Vigie first.

Everything happens in one transaction: on error, the database keeps what it had.

Options:
  --force   replace a database that already has users (all its rows and files are deleted)`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand({ args: argv, options: { ...HELP, force: { type: "boolean" } },
    allowPositionals: true, strict: true }, USAGE, 1);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (!file) throw new UsageError("which backup? vigie restore FILE", USAGE);
  const env = loadEnv(io);
  const database = openDatabase({ url: env.VIGIE_DATABASE_URL, sqlitePath: env.sqlitePath });
  try {
    const started = Date.now();
    const manifest = await restoreBackup({ database, filesDir: env.filesDir, file, force: values.force ?? false });
    const users = manifest.tables.find((t) => t.name === "app_user")?.rows ?? 0;
    io.out(`Restored ${file} (${manifest.dialect} backup of ${manifest.createdAt}, Vigie ${manifest.vigieVersion}) into ` +
      `${database.dialect}: ${users} users, ${manifest.files.count} file(s), in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
