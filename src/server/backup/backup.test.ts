import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf } from "../../../test/app.js";
import { DIALECTS, createTestDatabase } from "../../../test/db.js";
import { VIGIE_VERSION } from "../../shared/domain/version.js";
import { buildApp } from "../app.js";
import { type Database, openSqlite } from "../db/database.js";
import { MIGRATION_NAMES, migrateToLatest } from "../db/migrate.js";
import { TABLES } from "../db/schema.js";
import { DEMO_PASSWORDS } from "../demo/accounts.js";
import { generateDemo } from "../demo/demo.js";
import { createBackup } from "./backup.js";
import type { Manifest } from "./manifest.js";
import { readSmtp, writeSmtp } from "../features/mail/outbound/smtp-settings.js";
import { configureSecretBox, openSecret } from "../security/secret-box.js";
import { restoreBackup } from "./restore.js";
import { countRows } from "./tables.js";

async function counts(database: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const t of TABLES) result[t.name] = await countRows(database.db, t.name);
  return result;
}

function manifestCounts(manifest: Manifest): Record<string, number> {
  return Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
}

async function signInAndCreateUser(database: Database) {
  const app = await buildApp({ db: database.db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION } });
  try {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "admin", password: DEMO_PASSWORDS.admin } });
    expect(res.statusCode).toBe(200);
    const root = await database.db.selectFrom("entity").select("id").where("parent_id", "is", null).executeTakeFirstOrThrow();
    // A new row after a restore proves the id counters moved past the restored ids.
    const created = await app.inject({ method: "POST", url: "/api/users", headers: { cookie: cookieOf(res) },
      payload: { login: "after.restore", firstName: "Zoé", lastName: "Après", entityId: root.id } });
    expect(created.statusCode).toBe(201);
  } finally {
    await app.close();
  }
}

describe("backup and restore", () => {
  let tmp: string;
  let source: Database;
  let archive: string;
  let manifest: Manifest;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "vigie-backup-test-"));
    source = await createTestDatabase("sqlite");
    await generateDemo(source.db, { seed: 3, scale: 0.2 });
    // A sealed secret: the key stays in the data directory, not in the backup.
    configureSecretBox({ dataDir: path.join(tmp, "data") });
    await writeSmtp(source.db, { host: "smtp.example", port: 587, security: "starttls", user: "relay", password: "relais-secret",
      fromAddress: "support@example.fr", fromName: "Support", appUrl: "https://vigie.example", enabled: false });
    await fs.mkdir(path.join(tmp, "source-files/ab/cd"), { recursive: true });
    await fs.writeFile(path.join(tmp, "source-files/ab/cd/rapport-intervention.pdf"), "PDF…");
    const result = await createBackup({ database: source, filesDir: path.join(tmp, "source-files"), out: path.join(tmp, "b.tar.gz") });
    archive = result.file;
    manifest = result.manifest;
  });
  afterAll(async () => {
    await source.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it("describes the backup in its manifest", async () => {
    expect(manifest).toMatchObject({ format: "vigie-backup", dialect: "sqlite", migrations: MIGRATION_NAMES, files: { count: 1 } });
    expect(manifest.tables.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    expect(manifestCounts(manifest)).toEqual(await counts(source));
    expect(manifest.tables.find((t) => t.name === "app_user")?.rows).toBe(60);
  });

  it.each(DIALECTS)("restores a SQLite backup into %s, files included, and the admin signs in", async (dialect) => {
    const target = await createTestDatabase(dialect);
    const filesDir = path.join(tmp, `files-${dialect}`);
    try {
      await restoreBackup({ database: target, filesDir, file: archive });
      expect(await counts(target)).toEqual(manifestCounts(manifest));
      const tree = (d: Database) => d.db.selectFrom("entity").select(["id", "parent_id", "complete_name"]).orderBy("id").execute();
      expect(await tree(target)).toEqual(await tree(source));
      expect(await fs.readFile(path.join(filesDir, "ab/cd/rapport-intervention.pdf"), "utf8")).toBe("PDF…");
      // Restored beside the same data directory, the sealed SMTP password still opens; with another key it does not.
      const smtp = await readSmtp(target.db);
      expect(smtp?.password).toMatch(/^v1:/);
      expect(openSecret(smtp!.password)).toBe("relais-secret");
      configureSecretBox({ key: "ab".repeat(32) });
      expect(() => openSecret(smtp!.password)).toThrow(expect.objectContaining({ code: "SECRET_UNREADABLE" }));
      configureSecretBox({ dataDir: path.join(tmp, "data") });
      await signInAndCreateUser(target);
    } finally {
      await target.close();
    }
  });

  it.runIf(DIALECTS.includes("postgres"))("takes a PostgreSQL backup back into SQLite", async () => {
    const pg = await createTestDatabase("postgres");
    const back = await createTestDatabase("sqlite");
    try {
      await restoreBackup({ database: pg, filesDir: path.join(tmp, "pg-files"), file: archive });
      const second = await createBackup({ database: pg, filesDir: path.join(tmp, "pg-files"), out: path.join(tmp, "pg.tar.gz") });
      expect(second.manifest.dialect).toBe("postgres");
      await restoreBackup({ database: back, filesDir: path.join(tmp, "back-files"), file: second.file });
      expect(await counts(back)).toEqual(manifestCounts(manifest));
      await signInAndCreateUser(back);
    } finally {
      await pg.close();
      await back.close();
    }
  });

  it("refuses a target with users and leaves it untouched, then replaces it with --force", async () => {
    const target = await createTestDatabase("sqlite");
    const filesDir = path.join(tmp, "occupied-files");
    await fs.mkdir(filesDir, { recursive: true });
    await fs.writeFile(path.join(filesDir, "keep.txt"), "still here");
    try {
      await generateDemo(target.db, { seed: 99, scale: 0.1 });
      const before = await counts(target);
      await expect(restoreBackup({ database: target, filesDir, file: archive })).rejects.toThrow(/already has users/);
      expect(await counts(target)).toEqual(before);
      expect(await fs.readFile(path.join(filesDir, "keep.txt"), "utf8")).toBe("still here");

      await restoreBackup({ database: target, filesDir, file: archive, force: true });
      expect(await counts(target)).toEqual(manifestCounts(manifest));
      await expect(fs.access(path.join(filesDir, "keep.txt"))).rejects.toThrow();
    } finally {
      await target.close();
    }
  });

  it("reads one snapshot from a SQLite file while another connection writes", async () => {
    const file = path.join(tmp, "live.sqlite");
    const writer = openSqlite(file);
    const reader = openSqlite(file);
    try {
      await migrateToLatest(writer.db);
      await generateDemo(writer.db, { seed: 5, scale: 0.1 });
      const settings = await countRows(writer.db, "setting");
      let result: Awaited<ReturnType<typeof createBackup>> | undefined;
      await writer.db.transaction().execute(async (trx) => {
        await trx.insertInto("setting").values({ key: "uncommitted", value: "x" }).execute();
        result = await createBackup({ database: reader, filesDir: path.join(tmp, "none"), out: path.join(tmp, "live.tar.gz") });
      });
      expect(result?.manifest.tables.find((t) => t.name === "app_user")?.rows).toBe(30);
      expect(result?.manifest.tables.find((t) => t.name === "setting")?.rows).toBe(settings);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it("rejects a file that is not a Vigie backup", async () => {
    const target = await createTestDatabase("sqlite");
    try {
      await expect(restoreBackup({ database: target, filesDir: path.join(tmp, "x"), file: path.join(tmp, "missing.tar.gz") }))
        .rejects.toThrow(/no backup file/);
    } finally {
      await target.close();
    }
  });
});
