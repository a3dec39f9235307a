import { openDatabase } from "../../server/db/database.js";
import { MIGRATION_NAMES, migrateToLatest } from "../../server/db/migrate.js";
import { EXIT, HELP, type Io, loadEnv, parseCommand } from "../io.js";

const USAGE = `Usage: vigie migrate

Applies the migrations the database lacks, then lists them. \`vigie serve\` does this at start;
run it alone to upgrade before starting several instances.`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand({ args: argv, options: { ...HELP }, strict: true }, USAGE);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const env = loadEnv(io);
  const database = openDatabase({ url: env.VIGIE_DATABASE_URL, sqlitePath: env.sqlitePath });
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length === 0) io.out(`The database is up to date (${MIGRATION_NAMES.length} migration(s) applied).`);
    else io.out(`Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join("\n")}`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
