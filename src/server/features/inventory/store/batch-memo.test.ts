import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../../test/db.js";
import type { Database, Db } from "../../../db/database.js";
import { inWriteBatch } from "../../../db/write-batch.js";
import { oncePerWriteBatch } from "./batch-memo.js";

// SQLite only: write batches exist there alone.
describe("oncePerWriteBatch", () => {
  let database: Database;
  beforeAll(async () => { database = await createTestDatabase("sqlite"); });
  afterAll(async () => { await database.close(); });

  const counted = () => {
    const calls: Db[] = [];
    const read = oncePerWriteBatch(async (db) => {
      calls.push(db);
      return (await db.selectFrom("setting").select("value").where("key", "=", "memo.test").executeTakeFirst())?.value;
    });
    return { calls, read };
  };

  it("reads once for all the work of one batch", async () => {
    const { calls, read } = counted();
    const values = await Promise.all(Array.from({ length: 5 }, () => inWriteBatch(database.db, (db) => read(db))));
    expect(values).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(calls).toHaveLength(1);
  });

  it("reads again in the next batch, and each time outside batches", async () => {
    const { calls, read } = counted();
    await inWriteBatch(database.db, (db) => read(db));
    await database.db.insertInto("setting").values({ key: "memo.test", value: "changed" }).execute();
    expect(await inWriteBatch(database.db, (db) => read(db))).toBe("changed");
    await read(database.db);
    await database.db.transaction().execute((trx) => read(trx));
    expect(calls).toHaveLength(4);
  });

  it("does not keep a failed read", async () => {
    let attempts = 0;
    const read = oncePerWriteBatch(async () => {
      if (++attempts === 1) throw new Error("first read fails");
      return attempts;
    });
    const results = await Promise.allSettled([inWriteBatch(database.db, (db) => read(db)), inWriteBatch(database.db, async (db) => {
      await new Promise((resolve) => setImmediate(resolve));
      return read(db);
    })]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    expect(attempts).toBe(2);
  });
});
