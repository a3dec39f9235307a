/**
 * Agents' inventories at fleet size: `npm run build && npx tsx bench/inventory.ts`.
 *
 * The real OCS agent's inventory (821 software entries), varied per machine (device id, host name,
 * serial, MAC address, one software in twenty at another version), zlib-compressed as the OCS
 * agent sends it, posted to /ocsinventory by 16 concurrent clients on one core, the server on the
 * other, on SQLite then on PostgreSQL (VIGIE_BENCH_PG_URL's server):
 * 1. fills a fleet of VIGIE_BENCH_MACHINES machines (default 10,000), as first inventories;
 * 2. measures first inventories of new machines into that fleet for VIGIE_BENCH_SECONDS;
 * 3. measures unchanged re-inventories of machines of the fleet;
 * 4. measures re-inventories with forty software updated (the daily run of a fleet that patches);
 * 5. checks that every inventory the server acknowledged is stored whole: the asset, its
 *    inventory, and as many installations as the inventory listed.
 * Targets: ≥ 150 first inventories/s on SQLite, none lost; a re-inventory ≥ 3× faster than a first.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { createFirstAdmin } from "../src/server/features/identity/auth.service.js";
import { ROOT, checkBuild, pinSelf, signIn, spawnServer, waitForHealth } from "./server.js";

const MACHINES = Number(process.env.VIGIE_BENCH_MACHINES ?? 10_000);
const SECONDS = Number(process.env.VIGIE_BENCH_SECONDS ?? 20);
const CLIENTS = 16;
/** Inventories a second the bodies made ahead of a phase suffice for; beyond, the clients make them as they go. */
const PREPARED_RATE = 250;
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SAMPLE = fs.readFileSync(path.join(ROOT, "test/fixtures/inventory/ocsinventory-2.10/inventory.xml"), "utf8");
const HEADERS = { "user-agent": "OCS-NG_unified_unix_agent_v2.10.0", "content-type": "application/x-compress" };

// The sample cut at each software version: machine n's variant has one software in twenty (those
// i ≡ n mod 20) at version (n + generation) mod 3, so 60 templates cover every machine.
const VERSION_PARTS = SAMPLE.replace("<NAME>vm</NAME>", "<NAME>{{name}}</NAME>").replace("<BIOS>", "<BIOS><SSN>{{serial}}</SSN>")
  .replace(/02:fc:00:00:00:01/g, "{{mac}}").replace(/<DEVICEID>[^<]*<\/DEVICEID>/, "<DEVICEID>{{device}}</DEVICEID>").split("<VERSION>");
const templates = new Map<string, string[]>();

function templateOf(residue: number, version: number): string[] {
  const key = `${residue}:${version}`;
  let parts = templates.get(key);
  if (!parts) {
    let xml = VERSION_PARTS[0] as string;
    for (let i = 1; i < VERSION_PARTS.length; i++) xml += (i % 20 === residue ? `<VERSION>${version}.` : "<VERSION>") + VERSION_PARTS[i];
    templates.set(key, (parts = xml.split(/\{\{(name|serial|mac|device)\}\}/)));
  }
  return parts;
}

// Bodies made before a measured phase, and generation-0 ones kept once sent: the clients' work
// (3 ms of deflate a body, on the one core they share) must not limit what is measured. About 35 KB a machine.
const bodies = new Map<string, Buffer>();

/**
 * Machine n's inventory: its own keys, and one software in twenty at a version of its own; a later
 * generation has those forty software updated.
 */
function inventoryOf(n: number, generation = 0): Buffer {
  const known = bodies.get(`${generation}:${n}`);
  if (known) return known;
  const hex = n.toString(16).padStart(6, "0");
  const values: Record<string, string> = { name: `pc-${n}`, serial: `BENCH${n}`, mac: `00:16:3e:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`,
    device: `pc-${n}-2026-11-23-10-00-00` };
  // split() with a capture group alternates text and placeholder names.
  const xml = templateOf(n % 20, (n + generation) % 3).map((part, i) => (i % 2 === 1 ? values[part] : part)).join("");
  const body = zlib.deflateSync(xml, { level: 1 });
  if (generation === 0) bodies.set(`${generation}:${n}`, body);
  return body;
}

/** Makes the bodies of the machines `next()` will give, for a phase of `seconds` at up to PREPARED_RATE a second. */
function prepareBodies(next: () => number, seconds: number, generation = 0): void {
  for (let i = 0; i < seconds * PREPARED_RATE; i++) {
    const n = next();
    bodies.set(`${generation}:${n}`, inventoryOf(n, generation));
  }
}

type Phase = { count: number; errors: number; seconds: number; rps: number; p95: number; acked: number[]; cpuMs: number };

/** CPU time the process has used, in ms (user + system): what an inventory costs, whatever else runs. */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function post(agent: http.Agent, url: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/ocsinventory`, { agent, method: "POST", headers: { ...HEADERS, "content-length": String(body.length) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", () => resolve(0));
    req.end(body);
  });
}

/**
 * Has the server fold every queued installation into the catalogue (software-rollup.ts) now, as a
 * person opening the software page does, rather than wait for its next background fold.
 */
async function rolledUp(url: string, cookie: string, database: Database): Promise<void> {
  const res = await fetch(`${url}/api/software?limit=1`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET /api/software: ${res.status} ${await res.text()}`);
  const deadline = performance.now() + 60_000;
  while (await database.db.selectFrom("software_change").select("id").limit(1).executeTakeFirst()) {
    if (performance.now() > deadline) throw new Error("the catalogue did not fold the queued installations within a minute");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Sends machines from `next()` with CLIENTS clients until it returns undefined or time runs out,
 * then waits for the catalogue to have counted them: that work is the inventories' too.
 */
async function drive(url: string, cookie: string, pid: number, check: Database, next: () => number | undefined, seconds = Infinity, generation = 0): Promise<Phase> {
  const cpuBefore = cpuMsOf(pid);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  const acked: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const client = async () => {
    for (let n = next(); n !== undefined && performance.now() < end; n = next()) {
      const body = inventoryOf(n, generation);
      const t = performance.now();
      const status = await post(agent, url, body);
      latencies.push(performance.now() - t);
      if (status === 200) acked.push(n);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  agent.destroy();
  await rolledUp(url, cookie, check);
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, errors, seconds: elapsed, rps: latencies.length / elapsed, acked, cpuMs: (cpuMsOf(pid) - cpuBefore) / latencies.length,
    p95: latencies[Math.floor(latencies.length * 0.95)] ?? Number.NaN };
}

/** Machines whose acknowledged inventory is not stored whole. */
async function lost(database: Database, machines: number[]): Promise<number[]> {
  const missing: number[] = [];
  for (let i = 0; i < machines.length; i += 500) {
    const part = machines.slice(i, i + 500);
    const rows = await database.db.selectFrom("inventory_agent as a").innerJoin("asset_inventory as inv", "inv.asset_id", "a.asset_id")
      .innerJoin("asset_software_list as l", "l.asset_id", "a.asset_id").select(["a.device_id", "inv.software_count", "l.installations"])
      .where("a.device_id", "in", part.map((n) => `pc-${n}-2026-11-23-10-00-00`)).execute();
    const whole = new Set(rows.filter((r) => r.software_count > 700 && (JSON.parse(r.installations) as unknown[]).length === r.software_count)
      .map((r) => r.device_id));
    missing.push(...part.filter((n) => !whole.has(`pc-${n}-2026-11-23-10-00-00`)));
  }
  return missing;
}

const line = (label: string, phase: Phase) =>
  `${label}: ${phase.count} in ${phase.seconds.toFixed(1)} s = ${phase.rps.toFixed(1)}/s, p95 ${phase.p95.toFixed(0)} ms, ${phase.errors} errors, ${phase.cpuMs.toFixed(2)} ms of server CPU each`;

async function runOn(dialect: string, open: () => Database, env: Record<string, string>): Promise<boolean> {
  const setup = open();
  await migrateToLatest(setup.db);
  await createFirstAdmin(setup.db, { organisation: "Groupe Durand", login: "admin", password: "admin-password-1", firstName: "A", lastName: "Admin", language: "fr" });
  await setup.close();
  const server = await spawnServer(env, { cpu: 0 });
  try {
    await waitForHealth(server.url, server.child);
    const check = open();
    const cookie = await signIn(server.url, "admin", "admin-password-1");
    let n = 0;
    const fill = await drive(server.url, cookie, server.child.pid as number, check, () => (n < MACHINES ? n++ : undefined));
    console.log(`${dialect}: ${line(`fleet of ${MACHINES} machines, first inventories`, fill)}`);
    let ahead = n;
    prepareBodies(() => ahead++, SECONDS);
    const first = await drive(server.url, cookie, server.child.pid as number, check, () => n++, SECONDS);
    console.log(`${dialect}: ${line(`first inventories into a fleet of ${MACHINES}`, first)}`);
    let again = 0;
    const unchanged = await drive(server.url, cookie, server.child.pid as number, check, () => (again++ * 7919) % MACHINES, SECONDS);
    console.log(`${dialect}: ${line("unchanged re-inventories", unchanged)}`);
    let updated = 0;
    let updatedAhead = 0;
    prepareBodies(() => (updatedAhead++ * 7919) % MACHINES, SECONDS, 1);
    const changed = await drive(server.url, cookie, server.child.pid as number, check, () => (updated < MACHINES ? (updated++ * 7919) % MACHINES : undefined), SECONDS, 1);
    console.log(`${dialect}: ${line("re-inventories with 40 software updated", changed)}`);
    const missing = await lost(check, first.acked);
    const assets = Number((await check.db.selectFrom("asset").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    // The catalogue counted every installation stored, once.
    const installed = Number((await check.db.selectFrom("asset_inventory").select((eb) => eb.fn.sum("software_count").as("n")).executeTakeFirstOrThrow()).n);
    const counted = Number((await check.db.selectFrom("software_install_count").select((eb) => eb.fn.sum("installs").as("n")).executeTakeFirstOrThrow()).n);
    console.log(`${dialect}: ${installed} installations stored, ${counted} counted in the catalogue`);
    await check.close();
    const ratio = unchanged.rps / first.rps;
    console.log(`${dialect}: ${first.acked.length} acknowledged first inventories, ${missing.length} not stored whole; ${assets} assets for ${MACHINES + first.count} machines; re-inventory ${ratio.toFixed(1)}× the first's rate`);
    return missing.length === 0 && assets === MACHINES + first.count && installed === counted && first.errors + unchanged.errors + changed.errors === 0 && ratio >= 3
      && (dialect !== "sqlite" || first.rps >= 150);
  } finally {
    await server.stop();
  }
}

async function freshPostgres(): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query("drop database if exists vigie_bench_inventory with (force)");
  await admin.query("create database vigie_bench_inventory");
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = "/vigie_bench_inventory";
  return url.toString();
}

async function main(): Promise<void> {
  const stale = checkBuild();
  if (stale) console.warn(stale);
  pinSelf(1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-inventory-"));
  const only = process.env.VIGIE_BENCH_ONLY;
  let ok = true;
  try {
    if (only !== "postgres") {
      const file = path.join(dir, "vigie.sqlite");
      ok = (await runOn("sqlite", () => openSqlite(file), { VIGIE_DATA_DIR: dir })) && ok;
    }
    if (only !== "sqlite") {
      const url = await freshPostgres();
      ok = (await runOn("postgres", () => openPostgres(url, 2), { VIGIE_DATA_DIR: dir, VIGIE_DATABASE_URL: url })) && ok;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!ok) process.exitCode = 1;
}

await main();
