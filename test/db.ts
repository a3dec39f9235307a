import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, type DialectName, openPostgres, openSqlite } from "../src/server/db/database.js";
import { migrateToLatest } from "../src/server/db/migrate.js";

const PG_URL = process.env.VIGIE_TEST_PG_URL;

/** SQLite always; PostgreSQL too when VIGIE_TEST_PG_URL is set (CI sets it). */
export const DIALECTS: DialectName[] = PG_URL ? ["sqlite", "postgres"] : ["sqlite"];

// .ci/node22 runs SQLite alone on purpose (VIGIE_TEST_SQLITE_ONLY); anywhere else in CI a
// missing URL would silently skip the PostgreSQL half.
if (!PG_URL && process.env.CI === "true" && !process.env.VIGIE_TEST_SQLITE_ONLY) {
  throw new Error("CI=true but VIGIE_TEST_PG_URL is not set: the PostgreSQL half of the tests would be skipped");
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database: in-memory SQLite, or a new PostgreSQL database of its own,
 * dropped on close, so test files never see each other's rows.
 */
export async function createTestDatabase(dialect: DialectName): Promise<Database> {
  if (dialect === "sqlite") {
    const database = openSqlite(":memory:");
    await migrateToLatest(database.db);
    return database;
  }
  const name = `vigie_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_URL as string);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 5);
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** The URL of a fresh PostgreSQL database (for tests that open their own connections). */
export async function createPgDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `vigie_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_URL as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}
