/**
 * The fleet at size: `npm run build:server && npx tsx bench/assets.ts`. Loads the demo with
 * about VIGIE_BENCH_ASSETS assets (default 200,000: two per user, so scale = assets / 600) once
 * into a cached SQLite file and a PostgreSQL database vigie_bench_assets, then measures the
 * asset list's p95 through HTTP for the filters technicians use most. Target: p95 ≤ 30 ms.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { generateDemo } from "../src/server/demo/demo.js";
import { type ServerProcess, checkBuild, pinSelf, signIn, spawnServer, waitForHealth } from "./server.js";

const ASSETS = Number(process.env.VIGIE_BENCH_ASSETS ?? 200_000);
const SCALE = ASSETS / 600;
const SECONDS = Number(process.env.VIGIE_BENCH_SECONDS ?? 8);
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const TARGET_P95_MS = 30;

/** What the scenarios filter on: the laptop kind, a floor (a subtree of a few thousand assets) and a tag's prefix. */
type Refs = { laptop: number; floor: number; tag: string };

async function fill(database: Database, label: string): Promise<Refs> {
  await migrateToLatest(database.db);
  if (!(await database.db.selectFrom("asset").select("id").limit(1).executeTakeFirst())) {
    const t0 = Date.now();
    await generateDemo(database.db, { seed: 2026, scale: SCALE });
    const n = await database.db.selectFrom("asset").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    console.log(`  ${label}: ${n.n} assets loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const laptop = await database.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
  const floor = await database.db.selectFrom("location").select("id").where("location_type", "=", "floor").orderBy("id").executeTakeFirstOrThrow();
  const tag = await database.db.selectFrom("asset").select("asset_tag").where("kind_id", "=", laptop.id).orderBy("id").executeTakeFirstOrThrow();
  return { laptop: laptop.id, floor: floor.id, tag: tag.asset_tag.slice(0, 8) };
}

async function sqliteTarget(): Promise<{ env: Record<string, string>; refs: Refs }> {
  const dir = path.join(os.tmpdir(), `vigie-bench-assets-${ASSETS}`);
  fs.mkdirSync(dir, { recursive: true });
  const database = openSqlite(path.join(dir, "vigie.sqlite"));
  try {
    return { env: { VIGIE_DATA_DIR: dir }, refs: await fill(database, "sqlite") };
  } finally {
    await database.close();
  }
}

async function postgresTarget(): Promise<{ env: Record<string, string>; refs: Refs }> {
  const name = `vigie_bench_assets_${ASSETS}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 4);
  try {
    const refs = await fill(database, "postgres");
    // As autovacuum leaves a table in service: the visibility map lets the search read its index alone.
    await sql`vacuum analyze asset`.execute(database.db);
    return { env: { VIGIE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-pg-")), VIGIE_DATABASE_URL: url.toString() }, refs };
  } finally {
    await database.close();
  }
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

async function scenarios(server: ServerProcess, dialect: string, { laptop, floor, tag }: Refs): Promise<boolean> {
  const headers = { cookie: await signIn(server.url, "admin", "demo-admin-2026") };
  const get = (p: string) => fetch(`${server.url}${p}`, { headers });
  const rows: [string, Result][] = [];
  rows.push(["default list (by last update)", await measure(2, () => get("/api/assets?limit=50"))]);
  rows.push(["kind + status", await measure(2, () => get(`/api/assets?kindId=${laptop}&status=in_repair&limit=50`))]);
  rows.push(["location subtree (a floor)", await measure(2, () => get(`/api/assets?locationId=${floor}&limit=50`))]);
  rows.push(["q: tag prefix", await measure(2, (i) => get(`/api/assets?q=${encodeURIComponent(`${tag}${i % 10}`)}&limit=50`))]);
  rows.push(["sort by warranty end", await measure(2, () => get("/api/assets?sort=warranty&order=asc&limit=50"))]);
  rows.push(["movements, newest first", await measure(2, () => get("/api/asset-movements?limit=50"))]);
  let ok = true;
  for (const [name, r] of rows) {
    const flag = r.p95 <= TARGET_P95_MS ? "" : `  > ${TARGET_P95_MS} ms`;
    if (flag) ok = false;
    console.log(`${dialect.padEnd(9)} ${name.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  ${r.rps.toFixed(0).padStart(5)} req/s${flag}`);
  }
  return ok;
}

async function main(): Promise<void> {
  const stale = checkBuild();
  if (stale) console.warn(stale);
  pinSelf(1);
  console.log(`Vigie assets bench: ${ASSETS} assets (demo scale ${SCALE.toFixed(1)}), ${SECONDS} s per scenario, ${os.cpus()[0]?.model} ×${os.cpus().length}`);
  let ok = true;
  for (const [dialect, prepare] of [["sqlite", sqliteTarget], ["postgres", postgresTarget]] as const) {
    if (process.env.VIGIE_BENCH_ONLY && process.env.VIGIE_BENCH_ONLY !== dialect) continue;
    const { env, refs } = await prepare();
    const server = await spawnServer({ ...env, VIGIE_WORKER: "false" }, { cpu: 0 });
    try {
      await waitForHealth(server.url, server.child, 60_000);
      ok = (await scenarios(server, dialect, refs)) && ok;
    } finally {
      await server.stop();
    }
  }
  console.log(ok ? `every p95 ≤ ${TARGET_P95_MS} ms` : `some p95 above ${TARGET_P95_MS} ms`);
}

await main();
