/**
 * The CSV import at size: `npx tsx bench/asset-import.ts`. Generates a file of
 * VIGIE_BENCH_ROWS rows (default 50,000; French headers, semicolons, Windows-1252 like Excel
 * writes it) with kinds, manufacturers, models, places, users and suppliers to resolve, then
 * uploads and runs it twice through HTTP on a fresh SQLite file, then on a fresh PostgreSQL
 * database (VIGIE_BENCH_PG_URL's server): the first run creates every asset, the second finds
 * them all again (the re-run path). Target: each run ≤ 30 s.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { VIGIE_VERSION } from "../src/shared/domain/version.js";
import { buildApp } from "../src/server/app.js";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { makeLocation, makeManufacturer, makeModel, makeSupplier, kindId } from "../src/server/features/assets/asset-fixtures.js";
import { createFirstAdmin } from "../src/server/features/identity/auth.service.js";
import { makeUser } from "../test/factories.js";

const ROWS = Number(process.env.VIGIE_BENCH_ROWS ?? 50_000);
const TARGET_MS = 30_000;
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const HEADER = "Numéro d'inventaire;Nom;Numéro de série;Type;Fabricant;Modèle;Statut;Lieu;Utilisateur;Date d'achat;Prix;Garantie (mois);Fournisseur;N° de commande";

function fileOf(rows: number): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= rows; i++) {
    const laptop = i % 3 !== 0;
    const day = String((i % 28) + 1).padStart(2, "0");
    lines.push([`IMP-${String(i).padStart(6, "0")}`, laptop ? `Portable n°${i}` : `Écran réunion ${i}`, `SN${i}`, laptop ? "laptop" : "Écran",
      laptop ? "Dell" : "Iiyama", laptop ? "Latitude 5440" : "ProLite", i % 2 ? "En service" : "En stock",
      `Siège > Bâtiment ${i % 4} > Étage ${i % 3}`, i % 2 ? `agent${i % 200}` : "", `${day}/03/2025`, `"1 ${i % 1000},90"`, "36",
      "Bureau Vallée", `CMD-${i % 500}`].join(";"));
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
}

/** A new, empty PostgreSQL database for the run. */
async function freshPostgres(): Promise<Database> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query("drop database if exists vigie_bench_import with (force)");
  await admin.query("create database vigie_bench_import");
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = "/vigie_bench_import";
  return openPostgres(url.toString());
}

async function runOn(dialect: string, dir: string, database: Database): Promise<boolean> {
  const { db } = database;
  await migrateToLatest(db);
  await createFirstAdmin(db, { organisation: "Groupe Durand", login: "admin", password: "admin-password-1", firstName: "A", lastName: "Admin", language: "fr" });
  const root = (await db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow()).id;
  const site = await makeLocation(db, root, "Siège");
  for (let b = 0; b < 4; b++) {
    const building = await makeLocation(db, root, `Bâtiment ${b}`, site, "building");
    for (let f = 0; f < 3; f++) await makeLocation(db, root, `Étage ${f}`, building, "floor");
  }
  for (let u = 0; u < 200; u++) await makeUser(db, { entityId: root, login: `agent${u}` });
  await makeSupplier(db, root, "Bureau Vallée");
  await makeModel(db, await kindId(db, "laptop"), await makeManufacturer(db, "Dell"), "Latitude 5440");
  const app = await buildApp({ db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION, filesDir: path.join(dir, "files") } });
  const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "admin", password: "admin-password-1" } });
  const cookie = `vigie_session=${login.cookies.find((c) => c.name === "vigie_session")?.value}`;

  const form = new FormData();
  form.append("file", new Blob([fileOf(ROWS)]), "parc.csv");
  const encoded = new Response(form);
  const t0 = Date.now();
  const upload = await app.inject({ method: "POST", url: "/api/asset-imports", payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { cookie, "content-type": encoded.headers.get("content-type") as string, "x-vigie-upload": "1" } });
  const preview = upload.json();
  console.log(`${dialect}: upload + preview of ${preview.totalRows} rows (${preview.encoding}, "${preview.delimiter}"): ${Date.now() - t0} ms`);
  let ok = true;
  for (const label of ["first run (creates)", "second run (same file: every row matched)"]) {
    const t1 = Date.now();
    const res = await app.inject({ method: "POST", url: `/api/asset-imports/${preview.importId}/run`, headers: { cookie },
      payload: { entityId: root, mapping: preview.suggested } });
    const ms = Date.now() - t1;
    const { created, updated, unchanged, skipped } = res.json();
    console.log(`${dialect}: ${label}: ${ms} ms, created ${created}, updated ${updated}, unchanged ${unchanged}, skipped ${skipped} (target ≤ ${TARGET_MS} ms)`);
    ok &&= res.statusCode === 200 && ms <= TARGET_MS && skipped === 0;
  }
  await app.close();
  await database.close();
  return ok;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-bench-import-"));
  try {
    const sqliteOk = await runOn("sqlite", dir, openSqlite(path.join(dir, "vigie.sqlite")));
    const postgresOk = await runOn("postgres", dir, await freshPostgres());
    if (!sqliteOk || !postgresOk) process.exitCode = 1;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

await main();
