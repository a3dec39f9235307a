import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type Database, type DialectName, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { generateDemo } from "../src/server/demo/demo.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** VIGIE_BENCH_CLI compares another build (a patched copy of dist/) against this one. */
export const CLI = process.env.VIGIE_BENCH_CLI ? path.resolve(process.env.VIGIE_BENCH_CLI) : path.join(ROOT, "dist/cli/vigie.js");
const HAS_TASKSET = process.platform === "linux" && fs.existsSync("/usr/bin/taskset");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The server is measured as it ships, compiled: refuse a missing build, warn about a stale one. */
export function checkBuild(): string | undefined {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build:server\` first`);
  if (process.env.VIGIE_BENCH_CLI) return undefined;
  const sources = Math.max(...["src/server", "src/shared", "src/cli"].map((d) => newestMtime(path.join(ROOT, d))));
  return sources > fs.statSync(CLI).mtimeMs ? "dist/ is older than src/: run `npm run build:server` for current figures" : undefined;
}

/** Keeps this process (the load generator) off the server's core. */
export function pinSelf(cpu: number): void {
  if (HAS_TASKSET && os.cpus().length > 1) execFileSync("taskset", ["-pc", String(cpu), String(process.pid)], { stdio: "ignore" });
}

export type Target = { dialect: DialectName; env: Record<string, string>; users: number; cleanup: () => Promise<void> };

async function loadDemo(database: Database, scale: number): Promise<number> {
  try {
    await migrateToLatest(database.db);
    return (await generateDemo(database.db, { seed: 2026, scale })).users;
  } finally {
    await database.close();
  }
}

export async function prepareSqlite(scale: number): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-"));
  const users = await loadDemo(openSqlite(path.join(dataDir, "vigie.sqlite")), scale);
  return { dialect: "sqlite", env: { VIGIE_DATA_DIR: dataDir }, users,
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function admin(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A scratch database vigie_bench next to the given one, dropped afterwards; undefined if unreachable. */
export async function preparePostgres(adminUrl: string, scale: number): Promise<Target | undefined> {
  try {
    await admin(adminUrl, "drop database if exists vigie_bench with (force)");
    await admin(adminUrl, "create database vigie_bench");
  } catch (err) {
    console.error(`PostgreSQL skipped: ${(err as Error).message} (set VIGIE_BENCH_PG_URL)`);
    return undefined;
  }
  const url = new URL(adminUrl);
  url.pathname = "/vigie_bench";
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-pg-"));
  const users = await loadDemo(openPostgres(url.toString(), 4), scale);
  return { dialect: "postgres", env: { VIGIE_DATA_DIR: dataDir, VIGIE_DATABASE_URL: url.toString() }, users,
    cleanup: async () => {
      await admin(adminUrl, "drop database if exists vigie_bench with (force)");
      fs.rmSync(dataDir, { recursive: true, force: true });
    } };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no answer from ${url}/api/health within ${timeoutMs} ms`);
}

/** argv prefixed with `taskset -c cpu` where taskset exists: the process then runs on that one CPU. */
export function pinned(cpu: number | undefined, argv: string[]): string[] {
  return HAS_TASKSET && cpu !== undefined ? ["taskset", "-c", String(cpu), ...argv] : argv;
}

export type ServerProcess = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** `node dist/cli/vigie.js serve`, on one CPU when taskset exists; its logs go nowhere. */
export async function spawnServer(env: Record<string, string>, opts: { cpu?: number; logLevel?: string } = {}): Promise<ServerProcess> {
  const port = await freePort();
  // VIGIE_BENCH_NODE_FLAGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const flags = process.env.VIGIE_BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const argv = pinned(opts.cpu, [process.execPath, ...flags, CLI, "serve"]);
  const child = spawn(argv[0] as string, argv.slice(1), {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: opts.logLevel ?? "warn", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, child, stop };
}

/** Signs in and returns the Cookie header. */
export async function signIn(url: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("vigie_session="));
  if (!res.ok || !cookie) throw new Error(`sign-in as ${login} failed: ${res.status} ${await res.text()}`);
  return cookie.split(";")[0] as string;
}
