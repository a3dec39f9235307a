import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { InventoryImportPage } from "../../../shared/api/inventory-agents.js";
import { inventoryXml } from "./store/inventory-xml.test-support.js";
import { readInstallations } from "./store/installations.js";

const SOFTWARE = [{ name: "Mozilla Firefox (x64 fr)", version: "128.0", publisher: "Mozilla" }, { name: "7-Zip 23.01 (x64)", version: "23.01" }];

/** An inventory two hand-made assets match by name is refused; a person then attaches it. */
describe.each(DIALECTS)("attaching refused inventories on %s", (dialect) => {
  let t: TestApp;
  let branch: number;
  let branchTech: string;
  const twins: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    branch = (await makeEntity(t.db, t.rootId, "Agence Lyon")).id;
    branchTech = (await signedInUser(t, { entityId: branch, role: "technician" })).cookie;
  });
  afterAll(async () => { await t.close(); });

  const makeTwins = async (name: string, entityId = t.rootId) => {
    const at = new Date().toISOString();
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    for (const tag of ["A", "B"]) {
      const row = await t.db.insertInto("asset").values({ entity_id: entityId, kind_id: kind.id, name, asset_tag: `${name}-${tag}`,
        status: "in_use", version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
      twins[`${name}-${tag}`] = row.id;
    }
  };
  const refusedOf = async (deviceId: string, name: string) => {
    const res = await t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", headers: { "content-type": "application/xml",
      "user-agent": "FusionInventory-Agent_v2.6" }, payload: inventoryXml({ deviceId, name, macs: [], software: SOFTWARE }) });
    expect(res.statusCode).toBe(200);
    const log = await t.app.inject({ method: "GET", url: "/api/inventory/imports?outcome=refused", headers: { cookie: t.adminCookie } });
    const entry = (log.json() as InventoryImportPage).data.find((e) => e.deviceId === deviceId);
    expect(entry).toMatchObject({ reason: "MATCH_AMBIGUOUS", attachable: true });
    return entry!.id;
  };
  const attach = (importId: number, assetId: number | null, cookie = t.adminCookie) =>
    t.app.inject({ method: "POST", url: `/api/inventory/imports/${importId}/attach`, headers: { cookie }, payload: { assetId } });
  const installed = async (assetId: number) => (await readInstallations(t.db, assetId)).length;

  it("stores the inventory into the asset a person chooses, logs who chose, and is done once", async () => {
    await makeTwins("PC-JUMEAU");
    const importId = await refusedOf(`twin-${dialect}`, "PC-JUMEAU");
    const res = await attach(importId, twins["PC-JUMEAU-B"]!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ assetId: twins["PC-JUMEAU-B"], created: false });
    expect(await installed(twins["PC-JUMEAU-B"]!)).toBe(2);
    expect(await installed(twins["PC-JUMEAU-A"]!)).toBe(0);
    const inventory = await t.db.selectFrom("asset_inventory").select("software_count").where("asset_id", "=", twins["PC-JUMEAU-B"]!).executeTakeFirstOrThrow();
    expect(inventory.software_count).toBe(2);
    const log = (await (await t.app.inject({ method: "GET", url: "/api/inventory/imports", headers: { cookie: t.adminCookie } })).json()) as InventoryImportPage;
    const lines = log.data.filter((e) => e.deviceId === `twin-${dialect}`);
    expect(lines[0]).toMatchObject({ outcome: "received", decision: "match", rule: "manual", assetId: twins["PC-JUMEAU-B"], attachable: false });
    expect(lines[0]?.trace[0]).toMatch(/chosen by /);
    expect(lines[1]).toMatchObject({ outcome: "refused", attachable: false });
    const agent = await t.db.selectFrom("inventory_agent").select("asset_id").where("device_id", "=", `twin-${dialect}`).executeTakeFirstOrThrow();
    expect(agent.asset_id).toBe(twins["PC-JUMEAU-B"]);
    const again = await attach(importId, twins["PC-JUMEAU-A"]!);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe("IMPORT_NOT_ATTACHABLE");
  });

  it("makes a new asset when the person says it is none of them", async () => {
    await makeTwins("PC-NOUVEAU");
    const importId = await refusedOf(`new-${dialect}`, "PC-NOUVEAU");
    const res = await attach(importId, null);
    expect(res.statusCode, res.body).toBe(200);
    const { assetId, created } = res.json() as { assetId: number; created: boolean };
    expect(created).toBe(true);
    expect(Object.values(twins)).not.toContain(assetId);
    const asset = await t.db.selectFrom("asset").select(["name", "entity_id"]).where("id", "=", assetId).executeTakeFirstOrThrow();
    expect(asset).toEqual({ name: "PC-NOUVEAU", entity_id: t.rootId });
    expect(await installed(assetId)).toBe(2);
  });

  it("refuses an asset outside the agent's entities, a person who may not change assets there, and leaves the inventory attachable", async () => {
    await makeTwins("PC-AUTRE");
    const importId = await refusedOf(`other-${dialect}`, "PC-AUTRE");
    // The agent files into the root entity; a technician of a branch may not attach there.
    const denied = await attach(importId, null, branchTech);
    expect(denied.statusCode).toBe(403);
    const bad = await attach(importId, 999_999);
    expect(bad.statusCode).toBe(404);
    const body = await t.app.inject({ method: "POST", url: `/api/inventory/imports/${importId}/attach`, headers: { cookie: t.adminCookie }, payload: {} });
    expect(body.statusCode).toBe(400);
    const row = await t.db.selectFrom("inventory_import_payload").select("import_id").where("import_id", "=", importId).executeTakeFirst();
    expect(row).toBeDefined();
  });

  it("refuses an asset of an entity the agent does not file into", async () => {
    const tagged = await makeEntity(t.db, t.rootId, `Client ${dialect}`);
    await t.db.updateTable("entity").set({ inventory_tag: `CLI-${dialect}` }).where("id", "=", tagged.id).execute();
    await makeTwins("PC-CLIENT", tagged.id);
    const res = await t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", headers: { "content-type": "application/xml" },
      payload: inventoryXml({ deviceId: `cli-${dialect}`, name: "PC-CLIENT", macs: [], tag: `CLI-${dialect}` }) });
    expect(res.statusCode).toBe(200);
    const entry = await t.db.selectFrom("inventory_import").select("id").where("device_id", "=", `cli-${dialect}`).executeTakeFirstOrThrow();
    const outside = await attach(entry.id, twins["PC-JUMEAU-A"]!);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe("IMPORT_ASSET_OUTSIDE");
    expect((await attach(entry.id, twins["PC-CLIENT-A"]!)).statusCode).toBe(200);
  });
});
