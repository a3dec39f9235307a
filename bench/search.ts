/**
 * The global search at size: `npx tsx bench/search.ts`. Loads VIGIE_BENCH_ARTICLES articles
 * (default 100,000) and VIGIE_BENCH_TICKETS tickets (default 1,000,000) once, by batched SQL
 * inserts that go through the same triggers and indexes as any write, into a cached SQLite file
 * and a PostgreSQL database vigie_bench_search; then measures, through the search service, the
 * search as you type (the palette's call: every kind, 5 each, prefixes of 2 to 6 letters of
 * everyday words), and the rate of ticket writes one per transaction with the indexes kept current.
 * VIGIE_BENCH_DIALECTS=sqlite (or postgres) runs one database only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import pino from "pino";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { now } from "../src/server/db/values.js";
import type { Ctx } from "../src/server/http/context.js";
import { createFirstAdmin } from "../src/server/features/identity/auth.service.js";
import { globalSearch } from "../src/server/features/search/search.service.js";

const TICKETS = Number(process.env.VIGIE_BENCH_TICKETS ?? 1_000_000);
const ARTICLES = Number(process.env.VIGIE_BENCH_ARTICLES ?? 100_000);
const WRITES = Number(process.env.VIGIE_BENCH_WRITES ?? 3000);
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const DIALECTS = (process.env.VIGIE_BENCH_DIALECTS ?? "sqlite,postgres").split(",");
const BATCH = 1000;

const SUBJECTS = ["Imprimante", "Écran", "Clavier", "Souris", "Poste", "Ordinateur portable", "Téléphone", "Messagerie", "VPN", "Wifi",
  "Réseau", "Serveur de fichiers", "Scanner", "Onduleur", "Badge", "Logiciel de paie", "Outlook", "Teams", "Imprimante réseau", "Printer",
  "Laptop", "Mailbox", "Password", "Switch", "Copieur", "Vidéoprojecteur", "Webcam", "Casque", "Station d’accueil", "Licence Office"];
const PROBLEMS = ["bloquée", "ne démarre plus", "hors service", "très lente", "affiche une erreur", "déconnecté", "en panne",
  "mot de passe expiré", "accès refusé", "bourrage papier", "is not working", "keeps crashing", "écran noir", "ne répond plus",
  "impossible d’imprimer", "synchronisation impossible", "plus de son", "batterie défectueuse", "mise à jour échouée", "certificat expiré"];
const PLACES = ["au 2e étage", "à l’accueil", "en salle de réunion", "au service comptabilité", "à l’atelier", "au siège", "à Lyon",
  "à Marseille", "au magasin", "in building B"];
const DETAILS = ["depuis ce matin", "après la mise à jour", "quand je me connecte", "par intermittence", "pour toute l’équipe",
  "depuis le déménagement", "après une coupure de courant", "lors de l’impression recto verso", "sur le réseau invité", "since Monday"];

/** What a technician types, letter by letter: prefixes of 2 to 6 letters of everyday words, some of two words. */
const QUERIES = ["im", "imp", "impr", "impri", "imprim", "ec", "ecr", "ecra", "blo", "bloq", "bloque", "ser", "serv", "serveu",
  "vpn", "wi", "wif", "mot de", "mot de pa", "out", "outl", "pri", "print", "lent", "reseau", "resea", "acc", "acces ref", "badg",
  "pann", "imprimante blo", "ecran noi", "batt", "certif", "mise a j", "cop", "copie", "webc", "casq", "licen"];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

function ticketText(i: number): { title: string; description: string } {
  const title = `${pick(SUBJECTS, i)} ${pick(PROBLEMS, Math.floor(i / 7))} ${pick(PLACES, Math.floor(i / 131))}`;
  const description = `<p>${pick(SUBJECTS, Math.floor(i / 3))} ${pick(PROBLEMS, Math.floor(i / 11))} ${pick(DETAILS, Math.floor(i / 13))}. `
    + `Poste ${i % 5000}, utilisateur n° ${i % 20000}. ${pick(DETAILS, Math.floor(i / 17))}.</p>`;
  return { title, description };
}

function ticketRow(i: number, entityId: number, at: string) {
  const { title, description } = ticketText(i);
  return {
    entity_id: entityId, type: "incident", title, description, channel: "web", requester_id: null, contact_name: null,
    contact_phone: null, contact_email: null, assignee_id: null, group_id: null, category_id: null, level: 1,
    status: i % 4 === 0 ? "new" : "closed", is_open: i % 4 === 0 ? 1 as const : 0 as const, pending_reason: null,
    pending_until: null, urgency: 3, impact: 3, priority: 3, due_at: null, call_seconds: null, version: 1, created_by: null,
    created_at: at, updated_at: at, solved_at: null, closed_at: null, satisfaction: null, satisfaction_comment: null, rated_at: null,
  };
}

function articleRow(i: number, entityId: number, at: string) {
  const subject = pick(SUBJECTS, i);
  const problem = pick(PROBLEMS, Math.floor(i / 5));
  return {
    entity_id: entityId, is_recursive: 1 as const, kind: i % 3 === 0 ? "known_error" : "article", title: `${subject} ${problem} : que faire ?`,
    body: `Si ${subject.toLowerCase()} est ${problem} ${pick(DETAILS, Math.floor(i / 9))}, vérifiez d’abord le câble et redémarrez. `
      + `Si le problème persiste, ouvrez un ticket en précisant ${pick(PLACES, Math.floor(i / 11))}. Article ${i}.`,
    body_html: "", symptom: null, cause: null, workaround: null, fix: null, status: "published", audience: i % 2 ? "portal" : "internal",
    language: "fr", category_id: null, author_id: null, author_name: "Bench", reviewer_id: null, reviewer_name: null, reviewed_at: null,
    review_due_at: null, published_at: at, revision: 1, version: 1, starter_key: null, created_at: at, updated_at: at,
  };
}

async function fill(database: Database, label: string): Promise<void> {
  const { db } = database;
  await migrateToLatest(db);
  if (await db.selectFrom("ticket").select("id").limit(1).executeTakeFirst()) return;
  await createFirstAdmin(db, { organisation: "Bench", login: "admin", password: "bench-admin-2026", firstName: "Ada", lastName: "Admin", language: "fr" });
  const root = await db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const at = now();
  const t0 = Date.now();
  for (let i = 0; i < ARTICLES; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ARTICLES - i) }, (_, k) => articleRow(i + k, root.id, at));
    await db.insertInto("kb_article").values(rows).execute();
  }
  console.log(`  ${label}: ${ARTICLES} articles in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const t1 = Date.now();
  for (let i = 0; i < TICKETS; i += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, TICKETS - i) }, (_, k) => ticketRow(i + k, root.id, at));
    await db.insertInto("ticket").values(rows).execute();
    if ((i + BATCH) % 100_000 === 0) console.log(`  ${label}: ${i + BATCH} tickets (${((Date.now() - t1) / 1000).toFixed(0)} s)`);
  }
  console.log(`  ${label}: ${TICKETS} tickets in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  await sql`analyze`.execute(db);
}

async function openTarget(dialect: string): Promise<Database> {
  if (dialect === "sqlite") {
    const dir = path.join(os.tmpdir(), `vigie-bench-search-${ARTICLES}-${TICKETS}`);
    fs.mkdirSync(dir, { recursive: true });
    return openSqlite(path.join(dir, "vigie.sqlite"));
  }
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const name = `vigie_bench_search_${ARTICLES}_${TICKETS}`;
  const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return openPostgres(url.toString(), 4);
}

function percentile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function adminCtx(database: Database): Promise<Ctx> {
  const admin = await database.db.selectFrom("app_user").select("id").where("login", "=", "admin").executeTakeFirstOrThrow();
  const root = await database.db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const actor = { kind: "session" as const, userId: admin.id, name: "admin", grants: [{ entityId: root.id, role: "admin" as const, recursive: true, onRoot: true }] };
  return { db: database.db, actor, log: pino({ level: "silent" }), config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: "bench" } };
}

/** Each query three times (the palette asks again as letters come), every latency kept. */
async function typeAhead(ctx: Ctx): Promise<{ p50: number; p95: number; max: number; n: number; slowest: string }> {
  const times: number[] = [];
  let slowest = { q: "", ms: 0 };
  for (const q of QUERIES) await globalSearch(ctx, { q, limit: 5 }); // warm the caches once
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      await globalSearch(ctx, { q, limit: 5 });
      const ms = performance.now() - t0;
      times.push(ms);
      if (ms > slowest.ms) slowest = { q, ms };
    }
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: slowest.ms, n: times.length, slowest: slowest.q };
}

/**
 * Tickets written one per transaction, as the API does, by 8 writers at once (a busy desk), each
 * indexed by the triggers; then the same with the search triggers off (PostgreSQL only), for the cost.
 */
async function writeRate(database: Database): Promise<number> {
  const root = await database.db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < WRITES) {
      const i = next++;
      await database.db.transaction().execute((trx) => trx.insertInto("ticket").values(ticketRow(TICKETS + i, root.id, now())).execute());
    }
  }));
  const rate = WRITES / ((performance.now() - t0) / 1000);
  // The bench's own writes (ids after the loaded tickets) go, so a next run starts from the same data.
  await database.db.deleteFrom("ticket").where("id", ">", TICKETS).execute();
  return rate;
}

async function writeRates(database: Database, dialect: string): Promise<string> {
  const withIndex = await writeRate(database);
  if (dialect !== "postgres") return `${withIndex.toFixed(0)}/s`;
  await sql`alter table ticket disable trigger search_ticket_sync`.execute(database.db);
  try {
    const without = await writeRate(database);
    return `${withIndex.toFixed(0)}/s (${without.toFixed(0)}/s with the search trigger off)`;
  } finally {
    await sql`alter table ticket enable trigger search_ticket_sync`.execute(database.db);
  }
}

for (const dialect of DIALECTS) {
  const database = await openTarget(dialect);
  try {
    await fill(database, dialect);
    const ctx = await adminCtx(database);
    const r = await typeAhead(ctx);
    const count = async (table: "ticket" | "kb_article") =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    console.log(`${dialect}: search as you type (${await count("kb_article")} articles, ${await count("ticket")} tickets, every kind, 5 each): `
      + `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms ("${r.slowest}"), ${r.n} searches`);
    console.log(`${dialect}: ticket writes with the search index kept current, 8 writers, one per transaction: ${await writeRates(database, dialect)}`);
  } finally {
    await database.close();
  }
}
