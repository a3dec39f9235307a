import { type Kysely, type Transaction, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDatabaseUrl } from "../../../test/db.js";
import { type Database, openPostgres } from "./database.js";
import type { DB } from "./schema.js";

const PG = Boolean(process.env.VIGIE_TEST_PG_URL);

describe.runIf(PG)("named prepared statements on PostgreSQL", () => {
  let database: Database;
  let drop: () => Promise<void>;
  // One connection, so every query meets the statements the previous ones prepared.
  beforeAll(async () => {
    const made = await createPgDatabaseUrl();
    drop = made.drop;
    database = openPostgres(made.url, 1);
    await sql`create table gadget (id integer primary key, name text)`.execute(database.db);
    await sql`insert into gadget values (1, 'souris')`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  const all = (db: Kysely<DB> | Transaction<DB> = database.db) =>
    sql<Record<string, unknown>>`select * from gadget where id = ${1}`.execute(db).then((r) => r.rows);
  const prepared = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(database.db)).rows[0]?.n;

  it("parses a query once per connection and reuses it", async () => {
    expect(await all()).toEqual([{ id: 1, name: "souris" }]);
    const before = await prepared();
    for (let i = 0; i < 5; i++) await all();
    expect(await prepared()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it("survives a table change under a prepared `select *`: at once outside a transaction, at the next query inside one", async () => {
    await all();
    await sql`alter table gadget add column colour text`.execute(database.db);
    expect(await all()).toEqual([{ id: 1, name: "souris", colour: null }]);
    await sql`alter table gadget add column size integer`.execute(database.db);
    await expect(database.db.transaction().execute((trx) => all(trx))).rejects.toThrow(/cached plan/);
    expect(await database.db.transaction().execute((trx) => all(trx))).toEqual([{ id: 1, name: "souris", colour: null, size: null }]);
  });
});
