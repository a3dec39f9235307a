import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORDS } from "../src/server/demo/accounts.js";
import { hashPassword, verifyPassword } from "../src/server/features/identity/password.js";
import { type LoadOptions, type LoadResult, processCpuSeconds, runLoad } from "./load.js";
import { type ServerProcess, type Target, freePort, pinned, signIn, spawnServer, waitForHealth } from "./server.js";

export type BenchConfig = { seconds: number; connections: number; scale: number; serverCpu: number };

export type Row = { scenario: string; dialect: string; logLevel: string } & LoadResult;

type Load = Omit<LoadOptions, "connections" | "seconds" | "serverCpu">;

function load(server: ServerProcess, config: BenchConfig, opts: Load): Promise<LoadResult> {
  return runLoad({ ...opts, connections: config.connections, seconds: config.seconds,
    serverCpu: () => processCpuSeconds(server.child.pid) });
}

async function withServer<T>(target: Target, config: BenchConfig, logLevel: string, fn: (s: ServerProcess) => Promise<T>): Promise<T> {
  const server = await spawnServer(target.env, { cpu: config.serverCpu, logLevel });
  try {
    await waitForHealth(server.url, server.child);
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** The ceiling of this machine and of the load generator: node:http answering a constant, no framework. */
export async function bareNode(config: BenchConfig): Promise<Row> {
  const port = await freePort();
  const code = `require("node:http").createServer((q, s) => s.end('{"status":"ok"}')).listen(${port}, "127.0.0.1")`;
  const [command, ...args] = pinned(config.serverCpu, [process.execPath, "-e", code]) as [string, ...string[]];
  const child = spawn(command, args, { stdio: "ignore" });
  const server: ServerProcess = { url: `http://127.0.0.1:${port}`, child, stop: async () => { child.kill(); } };
  try {
    await new Promise((r) => setTimeout(r, 300));
    const result = await load(server, config, { url: `${server.url}/`, expectStatus: 200 });
    return { scenario: "node:http constant (calibration)", dialect: "-", logLevel: "-", ...result };
  } finally {
    await server.stop();
  }
}

/** Fastify, the hooks and `select 1`, without authentication: the floor of any Vigie request. */
export function health(target: Target, config: BenchConfig): Promise<Row> {
  return withServer(target, config, "warn", async (server) => ({ scenario: "GET /api/health", dialect: target.dialect,
    logLevel: "warn", ...(await load(server, config, { url: `${server.url}/api/health`, expectStatus: 200 })) }));
}

/** (a) An administrator's first page of users, sorted by name: the busiest screen of the admin area. */
export function listUsers(target: Target, config: BenchConfig, logLevel: string): Promise<Row> {
  return withServer(target, config, logLevel, async (server) => {
    const cookie = await signIn(server.url, "admin", DEMO_PASSWORDS.admin);
    const result = await load(server, config, { url: `${server.url}/api/users?limit=50`, headers: { cookie }, expectStatus: 200 });
    return { scenario: "GET /api/users?limit=50", dialect: target.dialect, logLevel, ...result };
  });
}

/** (b) User creation without a password: with one, scrypt alone would be measured (see scryptCost). */
export function createUsers(target: Target, config: BenchConfig): Promise<{ row: Row; loginMs: number }> {
  return withServer(target, config, "warn", async (server) => {
    const cookie = await signIn(server.url, "admin", DEMO_PASSWORDS.admin);
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json()) as { grants: { entityId: number }[] };
    const entityId = me.grants[0]?.entityId;
    const run = Date.now().toString(36);
    let n = 0;
    const result = await load(server, config, { url: `${server.url}/api/users`, method: "POST", headers: { cookie }, expectStatus: 201,
      body: () => JSON.stringify({ login: `bench.${run}.${++n}`, firstName: "Benoît", lastName: `Essai ${n}`, entityId }) });
    return { row: { scenario: "POST /api/users (no password)", dialect: target.dialect, logLevel: "warn", ...result },
      loginMs: await loginRoundTrip(server.url) };
  });
}

/** Sign-ins one after the other over HTTP: scrypt's cost as a user feels it. */
async function loginRoundTrip(url: string, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await signIn(url, "n1.martin", DEMO_PASSWORDS.technician);
    times.push(performance.now() - t);
  }
  return median(times);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** scrypt in this process: what one password hash and one check cost, the floor of a sign-in. */
export async function scryptCost(runs = 5): Promise<{ hashMs: number; verifyMs: number }> {
  const hashes: number[] = [];
  const verifies: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const hash = await hashPassword("un-mot-de-passe-de-test");
    hashes.push(performance.now() - t);
    t = performance.now();
    await verifyPassword("un-mot-de-passe-de-test", hash);
    verifies.push(performance.now() - t);
  }
  return { hashMs: median(hashes), verifyMs: median(verifies) };
}

/** (c) From spawning `node dist/cli/vigie.js serve` on an empty data directory to the first 200 of /api/health. */
export async function startupTimes(runs: number, config: BenchConfig): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-start-"));
    try {
      const started = performance.now();
      const server = await spawnServer({ VIGIE_DATA_DIR: dataDir }, { cpu: config.serverCpu });
      try {
        await waitForHealth(server.url, server.child);
        times.push(performance.now() - started);
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return times;
}
