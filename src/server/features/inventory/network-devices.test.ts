import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

const fixture = (name: string) => fs.readFileSync(new URL(`../../../../test/fixtures/inventory/glpi-format/${name}`, import.meta.url));

/** FusionInventory's network tasks (GLPI's own samples): switches and printers found and inventoried over SNMP. */
describe.each(DIALECTS)("network devices from agents' SNMP tasks on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const post = (body: Buffer) => t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", payload: body,
    headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
  const assetByName = (name: string) => t.db.selectFrom("asset").innerJoin("asset_kind as k", "k.id", "asset.kind_id")
    .select(["asset.id", "asset.serial", "asset.fields", "k.code"]).where("asset.name", "=", name).execute();

  it("files a switch from a network inventory, with its ports, and finds it again by serial", async () => {
    expect((await post(fixture("inventory_format-tests-data-7-switch-SNMPQUERY.xml"))).statusCode).toBe(200);
    const [sw, ...others] = await assetByName("ucs6248up-cluster-pa3-B");
    expect(others).toEqual([]);
    expect(sw).toMatchObject({ serial: "SSI1912014B", code: "switch" });
    const inventory = await t.db.selectFrom("asset_inventory").select("details").where("asset_id", "=", sw!.id).executeTakeFirstOrThrow();
    // GLPI's sample lists one port.
    expect(JSON.parse(inventory.details).networks).toMatchObject([{ name: expect.any(String) }]);
    expect((await post(fixture("inventory_format-tests-data-7-switch-SNMPQUERY.xml"))).statusCode).toBe(200);
    const log = await t.db.selectFrom("inventory_import").select(["query", "decision", "rule"]).where("query", "=", "SNMPQUERY").orderBy("id").execute();
    expect(log).toEqual([{ query: "SNMPQUERY", decision: "create", rule: null }, { query: "SNMPQUERY", decision: "match", rule: "serial" }]);
  });

  it("files a printer from its SNMP answer, and a switch a discovery found", async () => {
    expect((await post(fixture("inventory_format-tests-data-8-printer-SNMP.xml"))).statusCode).toBe(200);
    const printers = await t.db.selectFrom("asset").innerJoin("asset_kind as k", "k.id", "asset.kind_id").select(["asset.id"])
      .where("k.code", "=", "printer").execute();
    expect(printers).toHaveLength(1);
    const printer = await t.db.selectFrom("asset_inventory").select("details").where("asset_id", "=", printers[0]!.id).executeTakeFirstOrThrow();
    expect(JSON.parse(printer.details).device.pageCounters).toMatchObject({ total: expect.any(Number) });

    expect((await post(fixture("inventory_format-tests-data-10-NETDISCOVERY.xml"))).statusCode).toBe(200);
    expect(await assetByName("swdc-07-01-dc1")).toMatchObject([{ code: "switch" }]);
    const agents = await t.db.selectFrom("inventory_agent").select(["asset_id"]).execute();
    // The scanning agent is not the switch it found.
    expect(agents.every((agent) => agent.asset_id === null)).toBe(true);
  });
});
