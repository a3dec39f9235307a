/**
 * Vigie's benchmarks: `npm run build:server && npm run bench`. Prints a table and writes
 * bench/results/latest.json. Settings: VIGIE_BENCH_SECONDS (10), VIGIE_BENCH_CONNECTIONS (16),
 * VIGIE_BENCH_SCALE (33 ≈ 10,000 users), VIGIE_BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/test),
 * VIGIE_BENCH_CLI (another build of dist/cli/vigie.js, to compare a patch).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, checkBuild, pinSelf, preparePostgres, prepareSqlite } from "./server.js";
import { type BenchConfig, type Row, bareNode, createUsers, health, listUsers, median, scryptCost, startupTimes } from "./scenarios.js";

const config: BenchConfig = {
  seconds: Number(process.env.VIGIE_BENCH_SECONDS ?? 10),
  connections: Number(process.env.VIGIE_BENCH_CONNECTIONS ?? 16),
  scale: Number(process.env.VIGIE_BENCH_SCALE ?? 33),
  serverCpu: 0,
};
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGETS = { listRps: 3000, startupMs: 1500 };

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

function printTable(rows: Row[]): void {
  const lines = [["scenario", "dialect", "log", "req/s", "p50 ms", "p95 ms", "p99 ms", "server CPU", "req/s per core", "errors"],
    ...rows.map((r) => [r.scenario, r.dialect, r.logLevel, fixed(r.rps, 0), fixed(r.p50, 2), fixed(r.p95, 2), fixed(r.p99, 2),
      r.serverCpu === undefined ? "-" : `${fixed(100 * r.serverCpu, 0)} %`, fixed(r.rpsPerCore ?? Number.NaN, 0), String(r.errors)])];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? "").length))) ?? [];
  for (const l of lines) console.log(l.map((c, i) => (i >= 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join("  "));
}

async function benchDialect(dialect: "sqlite" | "postgres", rows: Row[]): Promise<{ users: number; loginMs?: number } | undefined> {
  console.log(`\n${dialect}: loading the demo at scale ${config.scale}…`);
  const target = dialect === "sqlite" ? await prepareSqlite(config.scale) : await preparePostgres(PG_URL, config.scale);
  if (!target) return undefined;
  try {
    if (dialect === "sqlite") rows.push(await health(target, config));
    rows.push(await listUsers(target, config, "warn"));
    // The same at the production default level, where pino writes two lines per request.
    if (dialect === "sqlite") rows.push(await listUsers(target, config, "info"));
    const created = await createUsers(target, config);
    rows.push(created.row);
    return { users: target.users, loginMs: created.loginMs };
  } finally {
    await target.cleanup();
  }
}

async function main(): Promise<void> {
  const stale = checkBuild();
  if (stale) console.warn(`warning: ${stale}`);
  pinSelf(1);
  const rows: Row[] = [await bareNode(config)];
  const sqlite = await benchDialect("sqlite", rows);
  const postgres = await benchDialect("postgres", rows);
  console.log("\nstart-up: 5 runs…");
  const startup = await startupTimes(5, config);
  const scrypt = await scryptCost();

  console.log(`\nVigie bench — ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`server pinned to CPU ${config.serverCpu}; ${config.connections} connections, ${config.seconds} s per scenario; ` +
    `${sqlite?.users ?? postgres?.users ?? "?"} demo users\n`);
  printTable(rows);
  console.log(`\nstart → first /api/health (fresh data dir, migrations included): median ${fixed(median(startup), 0)} ms ` +
    `[${startup.map((t) => fixed(t, 0)).join(", ")}] (target < ${TARGETS.startupMs} ms)`);
  console.log(`scrypt: hash ${fixed(scrypt.hashMs)} ms, verify ${fixed(scrypt.verifyMs)} ms; ` +
    `sign-in round trip ${fixed(sqlite?.loginMs ?? Number.NaN)} ms (sqlite)`);
  const list = rows.find((r) => r.dialect === "sqlite" && r.logLevel === "warn" && r.scenario === "GET /api/users?limit=50");
  console.log(`target GET list ≥ ${TARGETS.listRps} req/s on SQLite: ${list && list.rps >= TARGETS.listRps ? "met" : "MISSED"}` +
    ` (${fixed(list?.rps ?? Number.NaN, 0)} req/s, ${fixed(list?.rpsPerCore ?? Number.NaN, 0)} per fully busy core)`);

  const out = path.join(ROOT, "bench/results/latest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: os.cpus()[0]?.model,
    cpus: os.cpus().length, loadavg: os.loadavg(), config, targets: TARGETS, rows, startupMs: startup, scrypt,
    loginRoundTripMs: sqlite?.loginMs, users: sqlite?.users ?? postgres?.users }, null, 2)}\n`);
  console.log(`\nwritten: ${path.relative(process.cwd(), out)}`);
}

await main();
