import { clearTables, countRows } from "../../server/backup/tables.js";
import type { Database } from "../../server/db/database.js";
import { DEMO_PASSWORDS, type DemoLogin, demoLogins } from "../../server/demo/accounts.js";
import { DEMO_DEFAULT_SEED, findDemo, generateDemo } from "../../server/demo/demo.js";
import { generateTickets } from "../../server/demo/demo-tickets.js";
import { openAndMigrate, startServer } from "../../server/main.js";
import { EXIT, HELP, type Io, UsageError, formatTable, loadEnv, parseCommand, parseNumber } from "../io.js";
import { serveUntilStopped } from "./serve.js";

const FORCE_MAX_USERS = 5;
/** Two years of a service desk's tickets: 1,500 per 300 users, a tenth of the last ones still open. */
const TICKETS_PER_SCALE = 1500;
const MAX_TICKETS = 1_000_000;

const USAGE = `Usage: vigie demo [--seed N] [--scale F] [--serve] [--force]

Loads the demo company "Groupe Durand Industrie" into an empty database: sites in a dozen
French cities, departments, support teams (Hotline N1, Support N2…), about 300 × scale
users, their equipment and two years of tickets (1,500 × scale). Prints the demo sign-ins. Run again on a database holding the demo, it loads nothing.

Options:
  --seed N     another seed gives other people (default: ${DEMO_DEFAULT_SEED})
  --scale F    1 ≈ 300 users, 33 ≈ 10,000, 333 ≈ 100,000 (default: 1)
  --serve      then start the server, as \`vigie serve\` does
  --force      first wipe a database that holds the demo or at most ${FORCE_MAX_USERS} users (such as a
               first administrator created from VIGIE_ADMIN_LOGIN)`;

const OPTIONS = { ...HELP, seed: { type: "string" }, scale: { type: "string" }, serve: { type: "boolean" }, force: { type: "boolean" } } as const;

export function loginsTable(logins: DemoLogin[]): string {
  return formatTable([["Login", "Password", "Who"], ...logins.map((l) => [l.login, l.password, `${l.name}, ${l.description}`])]);
}

type LoadOptions = { seed: number; scale: number; force: boolean };

/** Refuses a database with real users; --force wipes only a demo or an almost empty database. */
async function makeRoom(database: Database, opts: LoadOptions, io: Io): Promise<boolean> {
  const users = await countRows(database.db, "app_user");
  if (users === 0) return true;
  const demo = await findDemo(database.db);
  if (demo && !opts.force) {
    io.out(`The database already holds the demo (seed ${demo.seed}, scale ${demo.scale}): nothing loaded.`);
    return false;
  }
  if (!opts.force) {
    throw new Error(`the database already has ${users} user(s); the demo loads into an empty database. Point VIGIE_DATA_DIR ` +
      `or VIGIE_DATABASE_URL at a new one, or pass --force if it holds only a first administrator`);
  }
  if (!demo && users > FORCE_MAX_USERS) {
    throw new Error(`--force wipes a database of at most ${FORCE_MAX_USERS} users, and this one has ${users}: use a new database`);
  }
  await database.db.transaction().execute((trx) => clearTables(trx));
  io.err(`Wiped the database (${users} user(s)).`);
  return true;
}

async function loadDemo(database: Database, opts: LoadOptions, io: Io): Promise<void> {
  if (!(await makeRoom(database, opts, io))) return;
  const started = Date.now();
  const result = await generateDemo(database.db, { seed: opts.seed, scale: opts.scale,
    onProgress: (done) => { if (done % 10_000 === 0) io.err(`  ${done} users…`); } });
  const tickets = await generateTickets(database.db, { seed: opts.seed, count: Math.min(MAX_TICKETS, Math.round(TICKETS_PER_SCALE * opts.scale)) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.out(`Loaded Groupe Durand Industrie: ${result.users} users, ${result.entities} entities, ${result.groups} groups, ${tickets} tickets (${seconds} s).`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand({ args: argv, options: OPTIONS, strict: true }, USAGE);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const seed = parseNumber("seed", values.seed, USAGE) ?? DEMO_DEFAULT_SEED;
  const scale = parseNumber("scale", values.scale, USAGE) ?? 1;
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number", USAGE);
  if (scale <= 0 || scale > 1000) throw new UsageError("--scale must be > 0 and ≤ 1000", USAGE);
  const env = loadEnv(io);
  const database = await openAndMigrate(env);
  try {
    await loadDemo(database, { seed, scale, force: values.force ?? false }, io);
  } finally {
    await database.close();
  }
  if (!values.serve) {
    io.out(`\nStart it with \`vigie serve\`, then open http://localhost:${env.PORT} and sign in as:\n\n${loginsTable(demoLogins())}`);
    return EXIT.ok;
  }
  const running = await startServer(env);
  io.out(`\nVigie: ${running.url}\n\n${loginsTable(demoLogins())}\n\nEvery other demo user's password is "${DEMO_PASSWORDS.requester}". Ctrl-C stops.`);
  return serveUntilStopped(running, io);
}
