/**
 * The service desk at size: `npm run build:server && npx tsx bench/tickets.ts`. Loads the demo
 * (VIGIE_BENCH_SCALE, default 333 ≈ 100,000 users) and VIGIE_BENCH_TICKETS tickets (default
 * 1,000,000) once into a cached SQLite file and a PostgreSQL database vigie_bench_tickets, then
 * measures the queue, the ticket page's calls and ticket creation through HTTP.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { generateDemo } from "../src/server/demo/demo.js";
import { generateTickets } from "../src/server/demo/demo-tickets.js";
import { processCpuSeconds, processesCpuSeconds, runLoad } from "./load.js";
import { type ServerProcess, pinSelf, signIn, spawnServer, waitForHealth } from "./server.js";

const COUNT = Number(process.env.VIGIE_BENCH_TICKETS ?? 1_000_000);
const SCALE = Number(process.env.VIGIE_BENCH_SCALE ?? 333);
const SECONDS = Number(process.env.VIGIE_BENCH_SECONDS ?? 8);
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function fill(database: Database, label: string): Promise<void> {
  await migrateToLatest(database.db);
  if (await database.db.selectFrom("ticket").select("id").limit(1).executeTakeFirst()) return;
  const t0 = Date.now();
  await generateDemo(database.db, { seed: 2026, scale: SCALE });
  await generateTickets(database.db, { count: COUNT, onProgress: (n) => n % 100_000 === 0 && console.log(`  ${label}: ${n} tickets`) });
  console.log(`  ${label}: loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function sqliteTarget(): Promise<Record<string, string>> {
  const dir = path.join(os.tmpdir(), `vigie-bench-tickets-${SCALE}-${COUNT}`);
  fs.mkdirSync(dir, { recursive: true });
  const database = openSqlite(path.join(dir, "vigie.sqlite"));
  try { await fill(database, "sqlite"); } finally { await database.close(); }
  return { VIGIE_DATA_DIR: dir };
}

async function postgresTarget(): Promise<Record<string, string>> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'vigie_bench_tickets'");
  if (exists.rowCount === 0) await admin.query("create database vigie_bench_tickets");
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = "/vigie_bench_tickets";
  const database = openPostgres(url.toString(), 4);
  try { await fill(database, "postgres"); } finally { await database.close(); }
  return { VIGIE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-pg-")), VIGIE_DATABASE_URL: url.toString() };
}

type Result = { p50: number; p95: number; rps: number; n: number };

/** `concurrency` loops calling `request` for SECONDS; every latency kept, for percentiles. */
async function measure(concurrency: number, request: (i: number) => Promise<Response>): Promise<Result> {
  const times: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await request(i++);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${res.status} ${res.url}`);
      times.push(performance.now() - t0);
    }
  }));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), rps: times.length / SECONDS, n: times.length };
}

async function scenarios(server: ServerProcess, dialect: string) {
  const cookie = await signIn(server.url, "admin", "demo-admin-2026");
  const headers = { cookie };
  const get = (p: string) => fetch(`${server.url}${p}`, { headers });
  const last = (await (await get("/api/tickets?view=all&limit=1")).json()) as { data: { id: number }[] };
  const maxId = last.data[0]?.id ?? 1;
  const rows: [string, Result][] = [];
  rows.push(["queue open, priority 4–5, by last update", await measure(2, () => get("/api/tickets?view=open&priority=4,5&sort=updated&limit=50"))]);
  rows.push(["queue unassigned, incidents, by priority", await measure(2, () => get("/api/tickets?view=unassigned&type=incident&sort=priority&limit=50"))]);
  rows.push(["queue counters", await measure(2, () => get("/api/tickets/counts"))]);
  const pick = (i: number) => maxId - ((i * 7919) % Math.min(100_000, maxId - 1));
  rows.push(["ticket page: GET ticket", await measure(2, (i) => get(`/api/tickets/${pick(i)}`))]);
  rows.push(["ticket page: followups", await measure(2, (i) => get(`/api/tickets/${pick(i)}/followups`))]);
  rows.push(["ticket page: history", await measure(2, (i) => get(`/api/history/ticket/${pick(i)}`))]);
  for (const [name, r] of rows) {
    console.log(`${dialect.padEnd(9)} ${name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ${r.rps.toFixed(0).padStart(5)} req/s`);
  }
  // A level-1 technician opens the tickets, as on the hotline.
  await measureCreation(server, dialect, await signIn(server.url, "n1.martin", "demo-tech-2026"));
}

/**
 * Ticket creation through the API with its history (and notifications, when the ticket goes to a
 * group), from a light keep-alive client: fetch() costs the client more CPU than the server spends.
 */
async function measureCreation(server: ServerProcess, dialect: string, cookie: string) {
  let n = 0;
  const r = await runLoad({
    url: `${server.url}/api/tickets`, method: "POST", headers: { cookie }, connections: 16, seconds: SECONDS, expectStatus: 201,
    body: () => JSON.stringify({ title: `Bench : imprimante bloquée ${++n}`, requesterId: 10 + (n % 5000), urgency: 4, impact: 3, channel: "phone", groupId: 1 }),
    serverCpu: () => processCpuSeconds(server.child.pid),
    databaseCpu: () => (dialect === "postgres" ? processesCpuSeconds("postgres") : undefined),
  });
  const perCore = r.rpsPerCore ? `, ${r.rpsPerCore.toFixed(0)} per busy server core` : "";
  // Where the CPU goes per ticket: on a small machine the server and PostgreSQL share its cores.
  const db = r.databaseMsPerRequest === undefined ? "" : `, PostgreSQL ${r.databaseMsPerRequest.toFixed(2)} ms`;
  const cost = r.rpsPerCore ? `; CPU per ticket: server ${(1000 / r.rpsPerCore).toFixed(2)} ms${db}` : "";
  console.log(`${dialect.padEnd(9)} ${"create ticket".padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ${r.rps.toFixed(0).padStart(5)} tickets/s${perCore}${cost}${r.errors ? ` (${r.errors} errors)` : ""}`);
}

async function main(): Promise<void> {
  pinSelf(1);
  console.log(`Vigie tickets bench: ${COUNT} tickets, demo scale ${SCALE}, ${SECONDS} s per scenario, ${os.cpus()[0]?.model} ×${os.cpus().length}`);
  for (const [dialect, prepare] of [["sqlite", sqliteTarget], ["postgres", postgresTarget]] as const) {
    if (process.env.VIGIE_BENCH_ONLY && process.env.VIGIE_BENCH_ONLY !== dialect) continue;
    const env = await prepare();
    const server = await spawnServer({ ...env, VIGIE_WORKER: "false" }, { cpu: 0 });
    try {
      await waitForHealth(server.url, server.child, 60_000);
      await scenarios(server, dialect);
    } finally {
      await server.stop();
    }
  }
}

await main();
