/**
 * Recomputing SLA deadlines after a calendar change, 100,000 open tickets (target ≤ 10 s), on
 * SQLite and PostgreSQL; and the cost the SLA adds to a ticket write. Not a test: timings stay out
 * of tests (DESIGN.md). Run: npx tsx bench/sla.ts  (VIGIE_BENCH_PG_URL to change the server,
 * VIGIE_BENCH_SLA_TICKETS to change the count).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { createFirstAdmin } from "../src/server/features/identity/auth.service.js";
import { officeCalendar } from "../src/server/features/sla/calendar/test-calendars.test-support.js";
import { slaOnTicketChanged } from "../src/server/features/sla/sla-hooks.js";
import { recomputeDeadlines } from "../src/server/features/sla/sla-recompute.js";

const COUNT = Number(process.env.VIGIE_BENCH_SLA_TICKETS ?? 100_000);
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const INSERT_BATCH = 500;

async function seed(database: Database): Promise<number> {
  const { db } = database;
  await migrateToLatest(db);
  await createFirstAdmin(db, { organisation: "Bench", login: "admin", password: "bench-password-1", firstName: "A", lastName: "B", language: "fr" });
  const root = await db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await db.insertInto("sla_policy").values({ entity_id: root.id, is_recursive: 1, category_id: null, name: "Bench", version: 1, is_active: 1,
    targets: JSON.stringify([1, 2, 3, 4, 5].map((priority) => ({ priority, ownMinutes: 60 * (6 - priority), resolveMinutes: 480 * (6 - priority) }))),
    levels: JSON.stringify([{ id: "l1", target: "resolve", trigger: "share", percent: 75, minutesAfter: null, notify: ["group"], groupId: null, raisePriority: false }]),
    created_at: at, updated_at: at }).execute();
  const start = Date.parse("2026-01-05T08:00:00Z");
  for (let done = 0; done < COUNT; done += INSERT_BATCH) {
    const rows = Array.from({ length: Math.min(INSERT_BATCH, COUNT - done) }, (_, i) => {
      const n = done + i;
      const created = new Date(start + n * 97_000).toISOString();
      return { entity_id: root.id, type: "incident", title: `Ticket ${n}`, description: "", channel: "phone", level: 1, status: n % 10 === 0 ? "pending" : "assigned",
        is_open: 1 as const, urgency: 3, impact: 3, priority: 1 + (n % 5), version: 1, created_at: created, updated_at: created,
        sla_started_at: created, sla_paused_ms: n % 7 === 0 ? 3_600_000 : 0, sla_paused_at: n % 10 === 0 ? created : null };
    });
    await db.insertInto("ticket").values(rows).execute();
  }
  await db.insertInto("sla_calendar").values({ entity_id: root.id, name: "Bureaux", definition: JSON.stringify(officeCalendar()), version: 1, created_at: at, updated_at: at }).execute();
  return root.id;
}

async function run(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  const rootId = await seed(database);
  console.log(`${label}: ${COUNT} open tickets loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  const timings = { read: 0, compute: 0, write: 0 };
  const written = await recomputeDeadlines(database.db, rootId, timings);
  const parts = Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(", ");
  console.log(`${label}: recomputed ${written} tickets' deadlines after a calendar change in ${((performance.now() - t1) / 1000).toFixed(2)} s (target ≤ 10 s; ${parts})`);
  const t3 = performance.now();
  const rewritten = await recomputeDeadlines(database.db, rootId);
  console.log(`${label}: the same recompute again, nothing changed: ${((performance.now() - t3) / 1000).toFixed(2)} s, ${rewritten} rows rewritten`);
  // The write path: a priority change recomputes one ticket in its transaction (settings cached).
  const rows = await database.db.selectFrom("ticket").selectAll().where("status", "=", "assigned").limit(2000).execute();
  // In one transaction: the commit belongs to the ticket write, not to the SLA.
  const t2 = performance.now();
  await database.db.transaction().execute(async (trx) => {
    for (const row of rows) await slaOnTicketChanged(trx, undefined, row, { priority: row.priority === 5 ? 4 : row.priority + 1 });
  });
  console.log(`${label}: slaOnTicketChanged (priority change, one UPDATE) ${(((performance.now() - t2) * 1000) / rows.length).toFixed(0)} µs per ticket`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-sla-"));
const sqlite = openSqlite(path.join(dir, "vigie.sqlite"));
try { await run("sqlite", sqlite); } finally { await sqlite.close(); fs.rmSync(dir, { recursive: true, force: true }); }

const admin = new pg.Client({ connectionString: PG_URL });
await admin.connect();
await admin.query("drop database if exists vigie_bench_sla");
await admin.query("create database vigie_bench_sla");
await admin.end();
const url = new URL(PG_URL);
url.pathname = "/vigie_bench_sla";
const postgres = openPostgres(url.toString(), 4);
try { await run("postgres", postgres); } finally { await postgres.close(); }
const cleanup = new pg.Client({ connectionString: PG_URL });
await cleanup.connect();
await cleanup.query("drop database if exists vigie_bench_sla");
await cleanup.end();
