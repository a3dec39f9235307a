/**
 * Mail collection throughput (issue 6: ≥ 50 messages/s): N mails are put into a real Dovecot
 * over IMAP, then one collection takes them all — fetch, keep the raw copy, parse, classify,
 * thread, open a ticket or add a followup, move each mail out of the inbox — on SQLite and PostgreSQL.
 * Run: npx tsx bench/mail-in.ts   (VIGIE_BENCH_MAILS=1000, VIGIE_BENCH_PG_URL=postgres://…; needs dovecot-imapd)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import pg from "pg";
import { type Database, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";
import { flag, now } from "../src/server/db/values.js";
import { createFirstAdmin } from "../src/server/features/identity/auth.service.js";
import { collectMailbox } from "../src/server/features/mail/inbound/imap-collector.js";
import { hasDovecot, startDovecot } from "../src/server/features/mail/inbound/test-dovecot.js";
import { rawMail } from "../test/fixtures/mail/load.js";

const COUNT = Number(process.env.VIGIE_BENCH_MAILS ?? 1000);
const PG_URL = process.env.VIGIE_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const USERS = 200;
const IMAP_USER = "support@bench.test";
const IMAP_PASSWORD = "bench-imap-2026";
const quiet = { warn: (obj: object, msg: string) => console.warn(msg, obj), info: () => undefined };

/** A realistic mix: mostly new requests from known users, a fifth replies to an earlier mail, some with a PDF and an inline image. */
function mailNumber(i: number): Buffer {
  const from = i % 7 === 0 ? `Inconnu ${i} <inconnu${i}@ailleurs.example>` : `Utilisateur <user${i % USERS}@bench.example>`;
  if (i % 10 === 3) {
    return Buffer.concat([Buffer.from(`Message-ID: <bench-${i}@client.example>\r\n`), rawMail("pdf-and-inline-image.eml")]);
  }
  const reply = i % 5 === 4 && i > 5 ? [`In-Reply-To: <bench-${i - 5}@client.example>`, `References: <bench-${i - 5}@client.example>`] : [];
  return Buffer.from([`From: ${from}`, "To: support@bench.example", `Subject: ${reply.length ? "RE: " : ""}Demande ${i} : poste lent`,
    `Message-ID: <bench-${i}@client.example>`, ...reply, "Date: Tue, 24 Nov 2026 08:00:00 +0100", "Content-Type: text/plain; charset=utf-8", "",
    `Bonjour,\r\n\r\nLe poste ${i} est très lent depuis ce matin.\r\n\r\nCordialement,\r\nUtilisateur\r\n\r\nLe lun. 23 nov. 2026 à 09:00, Support <support@bench.example> a écrit :\r\n> Bonjour\r\n`].join("\r\n"));
}

async function fill(port: number): Promise<void> {
  const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, doSTARTTLS: false, auth: { user: IMAP_USER, pass: IMAP_PASSWORD }, logger: false });
  await client.connect();
  for (let i = 0; i < COUNT; i++) await client.append("INBOX", mailNumber(i));
  await client.logout();
}

async function prepare(database: Database, port: number): Promise<number> {
  const { db } = database;
  await migrateToLatest(db);
  await createFirstAdmin(db, { organisation: "Bench", login: "admin", password: "bench-admin-2026", firstName: "A", lastName: "B", language: "fr" });
  const root = await db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
  const at = now();
  await db.insertInto("app_user").values(Array.from({ length: USERS }, (_, i) => ({
    login: `user${i}`, first_name: "Utilisateur", last_name: String(i), sort_name: `${i} utilisateur`, email: `user${i}@bench.example`, phone: null,
    mobile: null, phone_digits: null, mobile_digits: null, job_title: null, entity_id: root.id, language: "fr", time_zone: null,
    password_hash: null, is_active: flag(true), created_at: at, updated_at: at,
  }))).execute();
  const box = await db.insertInto("mail_mailbox").values({ entity_id: root.id, name: "Bench", kind: "imap", address: "support@bench.example",
    host: "127.0.0.1", port, tls: "none", username: IMAP_USER, password: IMAP_PASSWORD, folder: "INBOX", after_action: "move", after_folder: "Vigie",
    category_id: null, group_id: null, unknown_sender: "contact", is_enabled: 1, lease_owner: null, lease_until: null, last_run_at: null,
    last_error: null, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
  return box.id;
}

async function run(label: string, database: Database): Promise<void> {
  const dovecot = await startDovecot({ [IMAP_USER]: IMAP_PASSWORD });
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-mail-files-"));
  try {
    const mailboxId = await prepare(database, dovecot.port);
    await fill(dovecot.port);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const outcome = await collectMailbox({ db: database.db, filesDir, log: quiet }, mailboxId);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const fates = await database.db.selectFrom("mail_received").select(["status"]).select((eb) => eb.fn.countAll<number>().as("n")).groupBy("status").execute();
    console.log(`${label.padEnd(10)} ${outcome.collected} mails in ${seconds.toFixed(2)} s = ${(outcome.collected / seconds).toFixed(0)} messages/s, app CPU ${cpuSeconds.toFixed(1)} s`
      + `  (${fates.map((f) => `${f.status} ${f.n}`).join(", ")}; left in inbox: ${await dovecot.count(IMAP_USER)})${outcome.error ? ` error: ${outcome.error}` : ""}`);
  } finally {
    await dovecot.stop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

if (!hasDovecot) {
  console.log("skipped: Debian's dovecot-imapd is not installed");
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-bench-mail-in-"));
  const sqlite = openSqlite(path.join(dir, "vigie.sqlite"));
  try { await run("sqlite", sqlite); } finally { await sqlite.close(); fs.rmSync(dir, { recursive: true, force: true }); }

  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query("drop database if exists vigie_bench_mail_in");
  await admin.query("create database vigie_bench_mail_in");
  const url = new URL(PG_URL);
  url.pathname = "/vigie_bench_mail_in";
  const postgres = openPostgres(url.toString());
  try { await run("postgres", postgres); } finally {
    await postgres.close();
    await admin.query("drop database if exists vigie_bench_mail_in");
    await admin.end();
  }
}
