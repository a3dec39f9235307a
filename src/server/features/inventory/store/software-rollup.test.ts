import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/database.js";
import { DIALECTS, createTestDatabase } from "../../../../../test/db.js";
import { machinesOf, queueSoftwareChange, settleSoftwareRollup } from "./software-rollup.js";

describe.each(DIALECTS)("folding installations into the catalogue's counts and machine lists on %s", (dialect) => {
  let database: Database;
  let firefox: number;
  let v128: number;
  let v131: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const at = new Date().toISOString();
    firefox = (await database.db.insertInto("software").values({ name: "Mozilla Firefox", publisher: "Mozilla", name_key: "mozilla|firefox", created_at: at })
      .returning("id").executeTakeFirstOrThrow()).id;
    v128 = (await database.db.insertInto("software_version").values({ software_id: firefox, version: "128.0", created_at: at }).returning("id").executeTakeFirstOrThrow()).id;
    v131 = (await database.db.insertInto("software_version").values({ software_id: firefox, version: "131.0", created_at: at }).returning("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await database.close(); });

  const counts = async () => (await database.db.selectFrom("software_install_count").select(["version_id", "entity_id", "installs"])
    .where("installs", ">", 0).orderBy("version_id").orderBy("entity_id").execute()).map((r) => `${r.version_id === v128 ? "128" : "131"}@${r.entity_id}×${r.installs}`);
  const machines = async (version: number) => (await database.db.selectFrom("software_machine_block").select(["block", "machines"])
    .where("version_id", "=", version).orderBy("block").execute()).flatMap((r) => machinesOf(r.block, r.machines));

  it("counts each version per entity and lists its machines across blocks of asset ids", async () => {
    await queueSoftwareChange(database.db, { id: 5, entity_id: 1 }, [v128], []);
    await queueSoftwareChange(database.db, { id: 1030, entity_id: 2 }, [v128, v131], []);
    await queueSoftwareChange(database.db, { id: 4097, entity_id: 2 }, [v131], []);
    await settleSoftwareRollup(database.db);
    expect(await counts()).toEqual(["128@1×1", "128@2×1", "131@2×2"]);
    expect(await machines(v128)).toEqual([5, 1030]);
    expect(await machines(v131)).toEqual([1030, 4097]);
    expect(await database.db.selectFrom("software_change").select("id").execute()).toEqual([]);
  });

  it("follows an upgrade, and a version added then removed before the fold ends absent", async () => {
    await queueSoftwareChange(database.db, { id: 5, entity_id: 1 }, [v131], [v128]);
    await queueSoftwareChange(database.db, { id: 7, entity_id: 1 }, [v128], []);
    await queueSoftwareChange(database.db, { id: 7, entity_id: 1 }, [], [v128]);
    await settleSoftwareRollup(database.db);
    expect(await counts()).toEqual(["128@2×1", "131@1×1", "131@2×2"]);
    expect(await machines(v128)).toEqual([1030]);
    expect(await machines(v131)).toEqual([5, 1030, 4097]);
  });

  it("drops a block's row once no machine of it has the version", async () => {
    await queueSoftwareChange(database.db, { id: 4097, entity_id: 2 }, [], [v131]);
    await settleSoftwareRollup(database.db);
    expect(await database.db.selectFrom("software_machine_block").select("block").where("version_id", "=", v131).orderBy("block").execute())
      .toEqual([{ block: 0 }, { block: 1 }]);
  });

  it("folds a queue longer than one step", async () => {
    for (let i = 0; i < 2100; i += 300) {
      await database.db.insertInto("software_change").values(Array.from({ length: 300 }, (_, k) => ({ asset_id: 10_000 + i + k, entity_id: 3,
        added: String(v128), removed: "" }))).execute();
    }
    await settleSoftwareRollup(database.db);
    expect(await counts()).toContain("128@3×2100");
    expect((await machines(v128)).length).toBe(2101);
  });
});
