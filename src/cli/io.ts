import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Env, parseEnv } from "../server/env.js";

/** What a command may touch of the outside world; tests pass their own. */
export type Io = {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks for a secret without echoing it; undefined when stdin is not a terminal. */
  askSecret?: (question: string) => Promise<string>;
  /** Resolves on SIGINT or SIGTERM: the moment a long-running command must stop. */
  waitForStop: () => Promise<string>;
};

/** Exit codes: 0 done, 1 failed or refused, 2 the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A wrong command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** --help, which every command takes. */
export const HELP = { help: { type: "boolean", short: "h" } } as const;

/** node:util parseArgs, turning its errors (unknown option, missing value) into UsageError. */
export function parseCommand<const T extends ParseArgsConfig>(config: T, usage: string, maxPositionals = 0) {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message, usage);
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError(`unexpected argument: ${extra}`, usage);
  return parsed;
}

export function loadEnv(io: Io): Env {
  return parseEnv(io.env);
}

export function parseNumber(name: string, text: string | undefined, usage: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not "${text}"`, usage);
  return value;
}

/** Left-aligned columns, for the tables a person reads in a terminal. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()}`).join("\n");
}
