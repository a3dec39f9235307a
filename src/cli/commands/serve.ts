import { type Running, startServer } from "../../server/main.js";
import { EXIT, HELP, type Io, loadEnv, parseCommand } from "../io.js";

const USAGE = `Usage: vigie serve

Starts Vigie: migrates the database, serves the API and the web app on PORT, and runs the
job worker (unless VIGIE_WORKER=false). Stops cleanly on SIGINT (Ctrl-C) or SIGTERM.`;

/** Waits for SIGINT or SIGTERM, then lets running requests and the current job finish. */
export async function serveUntilStopped(running: Running, io: Io): Promise<number> {
  const signal = await io.waitForStop();
  running.app.log.info({ signal }, "stopping");
  await running.close();
  return EXIT.ok;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand({ args: argv, options: { ...HELP }, strict: true }, USAGE);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const running = await startServer(loadEnv(io));
  return serveUntilStopped(running, io);
}
