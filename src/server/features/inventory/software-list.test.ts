import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { type MachineSpec, inventoryXml } from "./store/inventory-xml.test-support.js";
import { readInstallations } from "./store/installations.js";

const SOFTWARE = [{ name: "Mozilla Firefox (x64 fr)", version: "128.0", publisher: "Mozilla" },
  { name: "7-Zip 23.01 (x64)", version: "23.01", publisher: "Igor Pavlov" }, { name: "Acme Tool", version: "1.0", publisher: "Acme" }];

/**
 * A re-inventory whose software list is byte for byte the last one's is stored without reading
 * its software: these tests check that what is stored is the same as when every list is read.
 */
describe.each(DIALECTS)("re-inventories with the same software list on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const send = async (spec: MachineSpec, xml = inventoryXml(spec)) => {
    const res = await t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", payload: xml,
      headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
    expect(res.statusCode, res.body).toBe(200);
    return t.db.selectFrom("inventory_import").selectAll().where("device_id", "=", spec.deviceId).orderBy("id", "desc").executeTakeFirstOrThrow();
  };
  const softwareOf = async (assetId: number | null) => {
    const versionIds = (await readInstallations(t.db, assetId as number)).map((i) => i.versionId);
    if (versionIds.length === 0) return [];
    return (await t.db.selectFrom("software_version as v").innerJoin("software", "software.id", "v.software_id").select(["software.name", "v.version"])
      .where("v.id", "in", versionIds).orderBy("software.name").execute()).map((row) => `${row.name} ${row.version}`);
  };
  const inventoryOf = (assetId: number | null) => t.db.selectFrom("asset_inventory").select(["software_count", "memory_mb", "software_list_key"])
    .where("asset_id", "=", assetId as number).executeTakeFirstOrThrow();

  it("keeps the installations of an unchanged list, and still reads the rest of the inventory", async () => {
    const spec: MachineSpec = { deviceId: `same-${dialect}`, name: "PC-SAME", serial: "SAME-1", software: SOFTWARE };
    const first = await send(spec);
    expect(first.detail).toContain("3 software");
    const again = await send({ ...spec, memoriesMb: [8192, 8192] });
    expect(again).toMatchObject({ decision: "match", asset_id: first.asset_id });
    expect(again.detail).toContain("software unchanged");
    expect(await softwareOf(first.asset_id)).toEqual(["7-Zip 23.01", "Acme Tool 1.0", "Mozilla Firefox 128.0"]);
    expect(await inventoryOf(first.asset_id)).toMatchObject({ software_count: 3, memory_mb: 16384 });
    const changes = await t.db.selectFrom("asset_change").select(["section", "change"]).where("asset_id", "=", first.asset_id as number).execute();
    expect(changes.some((c) => c.section === "software")).toBe(false);
  });

  it("reads a changed list and records what changed", async () => {
    const spec: MachineSpec = { deviceId: `changed-${dialect}`, name: "PC-CHANGED", serial: "CHANGED-1", software: SOFTWARE };
    const first = await send(spec);
    await send(spec);
    const updated = await send({ ...spec, software: [{ ...SOFTWARE[0]!, version: "131.0" }, SOFTWARE[1]!] });
    expect(updated.detail).toContain("2 software");
    expect(await softwareOf(first.asset_id)).toEqual(["7-Zip 23.01", "Mozilla Firefox 131.0"]);
    const changes = await t.db.selectFrom("asset_change").select(["change", "item", "old_value", "new_value"])
      .where("asset_id", "=", first.asset_id as number).where("section", "=", "software").orderBy("item").execute();
    expect(changes).toEqual([
      { change: "removed", item: "Acme Tool", old_value: "1.0", new_value: null },
      { change: "changed", item: "Mozilla Firefox", old_value: "128.0", new_value: "131.0" },
    ]);
  });

  it("reads the list again when the agent's device id now reports another machine", async () => {
    const spec: MachineSpec = { deviceId: `moved-${dialect}`, name: "PC-OLD", serial: "MOVED-1", software: SOFTWARE };
    const first = await send(spec);
    // The agent's files were copied to a new machine: same device id and list, another serial.
    const other = await send({ ...spec, name: "PC-NEW", serial: "MOVED-2" });
    expect(other.decision).toBe("create");
    expect(other.asset_id).not.toBe(first.asset_id);
    expect(await softwareOf(other.asset_id)).toHaveLength(3);
    expect((await inventoryOf(other.asset_id)).software_count).toBe(3);
  });

  it("reads the list again once the normalisation rules change", async () => {
    const spec: MachineSpec = { deviceId: `rules-${dialect}`, name: "PC-RULES", serial: "RULES-1", software: SOFTWARE };
    const first = await send(spec);
    const res = await t.app.inject({ method: "PUT", url: "/api/inventory/software-rules", headers: { cookie: t.adminCookie },
      payload: { rules: [{ match: { name: { exact: "Acme Tool" } }, set: { name: "Acme Toolbox" } }] } });
    expect(res.statusCode, res.body).toBe(200);
    const again = await send(spec);
    expect(again.detail).toContain("3 software");
    expect(await softwareOf(first.asset_id)).toEqual(["7-Zip 23.01", "Acme Toolbox 1.0", "Mozilla Firefox 128.0"]);
    expect((await send(spec)).detail).toContain("software unchanged");
  });

  it("reads an inventory whose software lie between other sections whole, every time", async () => {
    const spec: MachineSpec = { deviceId: `mixed-${dialect}`, name: "PC-MIXED", serial: "MIXED-1", software: SOFTWARE };
    // A DRIVES section between two software, and another before them: the cut must not lose either.
    const xml = inventoryXml(spec).replace("</SOFTWARES><SOFTWARES>", "</SOFTWARES><DRIVES><LETTER>D:</LETTER><TOTAL>100000</TOTAL><FREE>1000</FREE></DRIVES><SOFTWARES>");
    const first = await send(spec, xml);
    expect(await softwareOf(first.asset_id)).toHaveLength(3);
    const inventory = await t.db.selectFrom("asset_inventory").select(["details", "fullest_volume_pct"]).where("asset_id", "=", first.asset_id as number)
      .executeTakeFirstOrThrow();
    expect(inventory.fullest_volume_pct).toBe(99);
    expect(inventory.details).toContain('"D:"');
    const again = await send(spec, xml);
    expect(again.detail).toContain("3 software");
    expect(await softwareOf(first.asset_id)).toHaveLength(3);
    const changes = await t.db.selectFrom("asset_change").select("item").where("asset_id", "=", first.asset_id as number).execute();
    expect(changes).toEqual([]);
  });

  // Compressed bodies are inflated into one buffer that the next request overwrites (decode-body.ts):
  // whatever an inventory reads after it awaits must come from its own body.
  const sendCompressed = async (spec: MachineSpec) => {
    const res = await t.app.inject({ method: "POST", url: "/ocsinventory", payload: zlib.deflateSync(inventoryXml(spec)),
      headers: { "content-type": "application/x-compress", "user-agent": "OCS-NG_unified_unix_agent_v2.10.0" } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const assetOf = async (deviceId: string) =>
    (await t.db.selectFrom("inventory_agent").select("asset_id").where("device_id", "=", deviceId).executeTakeFirstOrThrow()).asset_id;

  it("stores each machine's own list when many compressed inventories arrive at once", async () => {
    const tool = (i: number) => `Outil ${String.fromCharCode(65 + i)}`;
    const spec = (i: number, version: string): MachineSpec => ({ deviceId: `many-${i}-${dialect}`, name: `PC-MANY-${i}`, serial: `MANY-${i}`,
      software: [SOFTWARE[0]!, SOFTWARE[1]!, { name: tool(i), version, publisher: "Acme" }] });
    const machines = Array.from({ length: 12 }, (_, i) => i);
    await Promise.all(machines.map((i) => sendCompressed(spec(i, "1.0"))));
    // Half of them updated their own tool meanwhile: those lists are read again, the others kept.
    await Promise.all(machines.map((i) => sendCompressed(spec(i, i % 2 === 0 ? "2.0" : "1.0"))));
    for (const i of machines) {
      expect(await softwareOf(await assetOf(`many-${i}-${dialect}`))).toEqual(
        ["7-Zip 23.01", "Mozilla Firefox 128.0", `${tool(i)} ${i % 2 === 0 ? "2.0" : "1.0"}`]);
    }
  });

  it("keeps the whole message of a refused inventory whose list was not read, for a person to attach", async () => {
    const spec: MachineSpec = { deviceId: `refused-kept-${dialect}`, name: "PC-DOUBLE", software: [SOFTWARE[0]!, SOFTWARE[1]!] };
    await sendCompressed(spec);
    // A hand-made asset of the same name: the machine, known by its name alone, now matches two.
    const at = new Date().toISOString();
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: kind.id, name: "PC-DOUBLE", asset_tag: `DOUBLE-${dialect}`,
      status: "in_use", version: 1, created_at: at, updated_at: at }).execute();
    await sendCompressed(spec);
    const refused = await t.db.selectFrom("inventory_import").select("id").where("device_id", "=", spec.deviceId).where("outcome", "=", "refused")
      .executeTakeFirstOrThrow();
    // Filed as a new asset: its software come from the message kept, which the refusal had not read.
    const res = await t.app.inject({ method: "POST", url: `/api/inventory/imports/${refused.id}/attach`, headers: { cookie: t.adminCookie },
      payload: { assetId: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await softwareOf((res.json() as { assetId: number }).assetId)).toEqual(["7-Zip 23.01", "Mozilla Firefox 128.0"]);
  });
});
