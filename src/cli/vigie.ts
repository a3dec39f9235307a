import { askSecret } from "./prompt.js";
import type { Io } from "./io.js";
import { runCli } from "./main.js";

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      // A second Ctrl-C while shutting down means "now": do not wait for open requests.
      process.once("SIGINT", () => process.exit(130));
      resolve(signal);
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}

const io: Io = {
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  askSecret: process.stdin.isTTY ? (question) => askSecret(question) : undefined,
  waitForStop,
};

process.exitCode = await runCli(process.argv.slice(2), io);
