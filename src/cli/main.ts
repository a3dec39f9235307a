import { VIGIE_VERSION } from "../shared/domain/version.js";
import { AppError } from "../server/http/errors.js";
import { EXIT, type Io, UsageError } from "./io.js";

type CommandModule = { run: (argv: string[], io: Io) => Promise<number> };
type Command = { name: string; summary: string; load: () => Promise<CommandModule> };

// Each command is imported when run: `vigie serve` does not pay for tar, nor `vigie --help` for Fastify.
const COMMANDS: Command[] = [
  { name: "serve", summary: "start the web server and the job worker", load: () => import("./commands/serve.js") },
  { name: "migrate", summary: "bring the database schema up to date", load: () => import("./commands/migrate.js") },
  { name: "user", summary: "create a user (user create --login … --admin)", load: () => import("./commands/user.js") },
  { name: "demo", summary: "load the demo company, Groupe Durand Industrie (--serve to start)", load: () => import("./commands/demo.js") },
  { name: "backup", summary: "write the database and the files to one .tar.gz", load: () => import("./commands/backup.js") },
  { name: "restore", summary: "restore a backup into the configured database", load: () => import("./commands/restore.js") },
  { name: "openapi", summary: "print the OpenAPI document of the REST API", load: () => import("./commands/openapi.js") },
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `Vigie ${VIGIE_VERSION} — service desk and IT asset management`,
    "",
    "Usage: vigie <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `vigie <command> --help` for a command's options. Settings come from the environment",
    "(PORT, VIGIE_DATA_DIR, VIGIE_DATABASE_URL…): see docs/cli.md.",
  ].join("\n");
}

function report(err: unknown, command: string, io: Io): number {
  if (err instanceof UsageError) {
    io.err(`vigie ${command}: ${err.message}${err.usage ? `\n\n${err.usage}` : ""}`);
    return EXIT.usage;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`vigie ${command}: ${message}`);
  // A bug rather than a refusal: the stack helps whoever reports it.
  if (!(err instanceof AppError) && err instanceof Error && io.env.LOG_LEVEL === "debug") io.err(err.stack ?? "");
  return EXIT.failed;
}

/** Runs one command line and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h") {
    io.out(usage());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(VIGIE_VERSION);
    return EXIT.ok;
  }
  const helpFor = name === "help" ? rest[0] : undefined;
  if (name === "help" && !helpFor) {
    io.out(usage());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === (helpFor ?? name));
  if (!command) {
    io.err(`vigie: unknown command "${helpFor ?? name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    return await (await command.load()).run(helpFor ? ["--help"] : rest, io);
  } catch (err) {
    return report(err, command.name, io);
  }
}
