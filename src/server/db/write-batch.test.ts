import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "./database.js";
import { createTestDatabase } from "../../../test/db.js";
import { inWriteBatch } from "./write-batch.js";

// SQLite only: on PostgreSQL the work runs on the database as is, in the transactions it opens.
describe("writes batched together on SQLite", () => {
  let database: Database;
  beforeAll(async () => { database = await createTestDatabase("sqlite"); });
  afterAll(async () => { await database.close(); });

  const addSetting = (key: string, fail = false) => inWriteBatch(database.db, async (db) => {
    await db.insertInto("setting").values({ key, value: "1" }).execute();
    if (fail) throw new Error(`${key} failed after its write`);
    return key;
  });
  const keys = async (prefix: string) => (await database.db.selectFrom("setting").select("key").where("key", "like", `${prefix}%`).orderBy("key").execute())
    .map((row) => row.key);

  it("stores every piece of work sent at once, and undoes only the one that failed", async () => {
    const results = await Promise.allSettled([addSetting("batch.a"), addSetting("batch.b", true), addSetting("batch.c"), addSetting("batch.d")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("batch.b failed after its write");
    expect(await keys("batch.")).toEqual(["batch.a", "batch.c", "batch.d"]);
  });

  it("keeps taking work sent while a batch runs, and a work's failure on a constraint leaves the next ones whole", async () => {
    const first = Array.from({ length: 40 }, (_, i) => addSetting(`more.${String(i).padStart(2, "0")}`));
    const duplicate = addSetting("more.05").then(() => "stored", () => "refused");
    const late = await Promise.all(first).then(() => addSetting("more.zz"));
    expect(await duplicate).toBe("refused");
    expect(late).toBe("more.zz");
    expect(await keys("more.")).toHaveLength(41);
  });
});
