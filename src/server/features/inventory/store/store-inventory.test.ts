import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity } from "../../../../../test/app.js";
import { DIALECTS } from "../../../../../test/db.js";
import { type MachineSpec, inventoryXml } from "./inventory-xml.test-support.js";
import { decodeInstallations, readInstallations } from "./installations.js";

const FIREFOX = { name: "Mozilla Firefox (x64 fr)", version: "128.0", publisher: "Mozilla" };
const SOFTWARE = [FIREFOX, { name: "7-Zip 23.01 (x64)", version: "23.01", publisher: "Igor Pavlov" },
  { name: "Microsoft Edge", version: "131.0.2903.70", publisher: "Microsoft Corporation" }];

describe.each(DIALECTS)("storing agents' inventories on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  let seq = 0;
  /** A machine of its own for each test: ids, serials and MAC addresses differ. */
  const machine = (over: Partial<MachineSpec> = {}): MachineSpec => {
    seq++;
    const hex = seq.toString(16).padStart(2, "0");
    return { deviceId: `pc-${dialect}-${seq}`, name: `PC-${dialect.toUpperCase()}-${seq}`, serial: `SN${dialect}${seq}X`,
      uuid: `4c4c4544-0000-1000-8000-0000000000${hex}`, macs: [`00:1b:21:aa:00:${hex}`], software: SOFTWARE, ...over };
  };
  const send = async (spec: MachineSpec) => {
    const res = await t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", payload: inventoryXml(spec),
      headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
    expect(res.statusCode, res.body).toBe(200);
    return t.db.selectFrom("inventory_import").selectAll().where("device_id", "=", spec.deviceId).orderBy("id", "desc").executeTakeFirstOrThrow();
  };
  const assetOf = (id: number | null) => t.db.selectFrom("asset").selectAll().where("id", "=", id as number).executeTakeFirstOrThrow();
  const changesOf = (assetId: number) => t.db.selectFrom("asset_change").select(["section", "change", "item", "old_value", "new_value"])
    .where("asset_id", "=", assetId).orderBy("id").execute();
  const softwareOf = async (assetId: number) => {
    const versionIds = (await readInstallations(t.db, assetId)).map((i) => i.versionId);
    if (versionIds.length === 0) return [];
    return t.db.selectFrom("software_version as v").innerJoin("software", "software.id", "v.software_id").select(["software.name", "software.publisher", "v.version"])
      .where("v.id", "in", versionIds).orderBy("software.name").execute();
  };

  it("makes a new machine an asset, with its kind, maker, model, fields, inventory and normalised software", async () => {
    const spec = machine({ chassis: "Notebook", memoriesMb: [8192, 8192], lastUser: "mdupont" });
    const log = await send(spec);
    expect(log).toMatchObject({ outcome: "received", decision: "create", query: "INVENTORY" });
    expect(log.trace).toMatch(/^new asset: no asset matched by serial \+ uuid, serial, uuid, mac, name\nserial \+ uuid: no asset\n/);
    const asset = await assetOf(log.asset_id);
    expect(asset).toMatchObject({ name: spec.name, serial: spec.serial, status: "in_use", entity_id: t.rootId });
    expect(asset.asset_tag).toMatch(/^PC-\d{4}-\d{5}$/);
    const kind = await t.db.selectFrom("asset_kind").select("code").where("id", "=", asset.kind_id).executeTakeFirstOrThrow();
    expect(kind.code).toBe("laptop");
    const maker = await t.db.selectFrom("manufacturer").select("name").where("id", "=", asset.manufacturer_id as number).executeTakeFirstOrThrow();
    expect(maker.name).toBe("Dell");
    expect(JSON.parse(asset.fields as string)).toMatchObject({ cpu: "Intel(R) Core(TM) i5-13500", ram_gb: 16, disk_gb: 500,
      os: "Microsoft Windows 11 Professionnel", hostname: spec.name, mac: spec.macs?.[0], ip: "10.0.0.10" });
    const inventory = await t.db.selectFrom("asset_inventory").selectAll().where("asset_id", "=", asset.id).executeTakeFirstOrThrow();
    expect(inventory).toMatchObject({ memory_mb: 16384, fullest_volume_pct: 60, last_user: "mdupont", software_count: 3,
      os_name: "Microsoft Windows 11 Professionnel", os_build: "10.0.22631", agent_name: "FusionInventory-Agent" });
    expect(await softwareOf(asset.id)).toEqual([
      { name: "7-Zip", publisher: "Igor Pavlov", version: "23.01" },
      { name: "Microsoft Edge", publisher: "Microsoft", version: "131.0.2903.70" },
      { name: "Mozilla Firefox", publisher: "Mozilla", version: "128.0" },
    ]);
    const agent = await t.db.selectFrom("inventory_agent").select(["asset_id"]).where("device_id", "=", spec.deviceId).executeTakeFirstOrThrow();
    expect(agent.asset_id).toBe(asset.id);
    expect(await changesOf(asset.id)).toEqual([]);
  });

  it("finds the machine again, writes no change for an unchanged one, and records what changed next time", async () => {
    const spec = machine({ memoriesMb: [8192] });
    const first = await send(spec);
    const again = await send({ ...spec, volumes: [{ mount: "C:", totalMb: 500_000, freeMb: 150_000 }] });
    expect(again).toMatchObject({ decision: "match", asset_id: first.asset_id, rule: "serial + uuid" });
    expect(again.trace?.split("\n")[0]).toMatch(new RegExp(`^matched asset PC-\\d{4}-\\d{5} by serial ${spec.serial} and uuid ${spec.uuid}$`));
    expect(await changesOf(first.asset_id as number)).toEqual([]);
    const inventory = await t.db.selectFrom("asset_inventory").select("fullest_volume_pct").where("asset_id", "=", first.asset_id as number).executeTakeFirstOrThrow();
    expect(inventory.fullest_volume_pct).toBe(70);

    await send({ ...spec, memoriesMb: [8192, 8192], disks: [{ name: "PhysicalDrive0", serial: "NEW-DISK", sizeMb: 1_000_000 }],
      software: [{ ...FIREFOX, name: "Mozilla Firefox 131.0 (x64 fr)", version: "131.0" }, SOFTWARE[2] as typeof FIREFOX] });
    expect(await changesOf(first.asset_id as number)).toEqual(expect.arrayContaining([
      { section: "memory", change: "changed", item: "total", old_value: "8192", new_value: "16384" },
      { section: "disk", change: "removed", item: "NVMe SSD PhysicalDrive0", old_value: "512000", new_value: null },
      { section: "disk", change: "added", item: "NVMe SSD PhysicalDrive0", old_value: null, new_value: "1000000" },
      { section: "software", change: "changed", item: "Mozilla Firefox", old_value: "128.0", new_value: "131.0" },
      { section: "software", change: "removed", item: "7-Zip", old_value: "23.01", new_value: null },
    ]));
    expect((await softwareOf(first.asset_id as number)).map((s) => `${s.name} ${s.version}`)).toEqual(["Microsoft Edge 131.0.2903.70", "Mozilla Firefox 131.0"]);
    const assets = await t.db.selectFrom("asset").select("id").where("serial", "=", spec.serial as string).execute();
    expect(assets).toHaveLength(1);
  });

  it("matches an asset typed by hand by its serial, in another case, and ignores a placeholder serial", async () => {
    const at = new Date().toISOString();
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    const typed = await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: kind.id, name: "Poste accueil", asset_tag: `HAND-${dialect}`,
      serial: `hand${dialect}serial`, status: "in_stock", version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    const log = await send(machine({ serial: `HAND${dialect.toUpperCase()}SERIAL`, uuid: undefined }));
    expect(log).toMatchObject({ decision: "match", asset_id: typed.id, rule: "serial" });

    const junk = machine({ serial: "To be filled by O.E.M." });
    const created = await send(junk);
    expect(created.decision).toBe("create");
    expect((await assetOf(created.asset_id)).serial).toBeNull();
    const found = await send({ ...junk, name: "renamed" });
    expect(found).toMatchObject({ decision: "match", asset_id: created.asset_id, rule: "uuid" });
  });

  it("leaves the fields a person edited, and fills the others", async () => {
    const spec = machine();
    const first = await send(spec);
    const asset = await assetOf(first.asset_id);
    const edit = await t.app.inject({ method: "PATCH", url: `/api/assets/${asset.id}`, headers: { cookie: t.adminCookie },
      payload: { version: asset.version, name: "Poste de Marie", fields: { os: "Windows (à réinstaller)" } } });
    expect(edit.statusCode).toBe(200);
    expect(JSON.parse((await assetOf(asset.id)).inventory_locks as string)).toEqual(["fields.os", "name"]);
    await send({ ...spec, name: "PC-RENAMED", memoriesMb: [32768] });
    const after = await assetOf(asset.id);
    expect(after.name).toBe("Poste de Marie");
    expect(JSON.parse(after.fields as string)).toMatchObject({ os: "Windows (à réinstaller)", ram_gb: 32 });
  });

  it("refuses, for a person to choose, an inventory two assets match, and creates nothing", async () => {
    const spec = machine({ serial: undefined, uuid: undefined, macs: [] });
    const at = new Date().toISOString();
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    for (const tag of ["A", "B"]) {
      await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: kind.id, name: spec.name, asset_tag: `TWIN-${tag}-${dialect}`,
        status: "in_use", version: 1, created_at: at, updated_at: at }).execute();
    }
    const count = async () => Number((await t.db.selectFrom("asset").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const log = await send(spec);
    expect(log).toMatchObject({ outcome: "refused", reason: "MATCH_AMBIGUOUS", decision: "refuse", asset_id: null, rule: "name" });
    expect(log.detail).toMatch(/^refused: assets TWIN-A-\w+, TWIN-B-\w+ all match by name/);
    expect(await count()).toBe(before);
  });

  it("places a machine in the entity whose agent tag it sends, and never matches across client companies", async () => {
    const client = await makeEntity(t.db, t.rootId, `Client ${dialect}`);
    await t.db.updateTable("entity").set({ inventory_tag: `CLIENT-${dialect}` }).where("id", "=", client.id).execute();
    const spec = machine({ tag: `CLIENT-${dialect}` });
    const log = await send(spec);
    expect((await assetOf(log.asset_id)).entity_id).toBe(client.id);
    const other = await makeEntity(t.db, t.rootId, `Autre ${dialect}`);
    await t.db.updateTable("entity").set({ inventory_tag: `OTHER-${dialect}` }).where("id", "=", other.id).execute();
    const elsewhere = await send({ ...spec, deviceId: `${spec.deviceId}-b`, tag: `OTHER-${dialect}` });
    expect(elsewhere.decision).toBe("create");
    expect((await assetOf(elsewhere.asset_id)).entity_id).toBe(other.id);
    const unknown = await send(machine({ tag: "NOBODY" }));
    expect(unknown.detail).toContain("tag NOBODY is no entity's");
    expect((await assetOf(unknown.asset_id)).entity_id).toBe(t.rootId);
  });

  it("makes one asset of one new machine sent many times at once, and one catalogue row per shared software", async () => {
    const spec = machine({ software: [{ name: `Shared tool ${dialect}`, version: "1.0", publisher: "ACME" }] });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => send({ ...spec, deviceId: `${spec.deviceId}-${i}` })));
    expect(new Set(results.map((r) => r.asset_id)).size).toBe(1);
    expect(results.filter((r) => r.decision === "create")).toHaveLength(1);
    const others = await Promise.all(Array.from({ length: 6 }, () => send(machine({ software: spec.software }))));
    expect(others.every((r) => r.decision === "create")).toBe(true);
    const rows = await t.db.selectFrom("software").select("id").where("name", "=", `Shared tool ${dialect}`).execute();
    expect(rows).toHaveLength(1);
    const lists = await t.db.selectFrom("asset_software_list").select("installations").execute();
    const installs = lists.filter((list) => decodeInstallations(list.installations).some((i) => i.softwareId === rows[0]!.id));
    expect(installs).toHaveLength(7);
  });
});
