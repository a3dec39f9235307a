import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

const example = (name: string) => JSON.parse(fs.readFileSync(new URL(`../../../../test/fixtures/inventory/glpi-format/${name}`, import.meta.url), "utf8"));
const GLPI_AGENT = { "user-agent": "GLPI-Agent_v1.11" };

/** GLPI's native JSON protocol, as glpi-agent speaks it, with GLPI's own examples (inventory_format). */
describe.each(DIALECTS)("the GLPI agent's JSON protocol on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const post = (payload: Buffer | string, headers: Record<string, string>) =>
    t.app.inject({ method: "POST", url: "/front/inventory.php", payload, headers: { ...GLPI_AGENT, ...headers } });

  it("answers contact with the inventory task and when to come back, compressed as asked", async () => {
    const contact = { action: "contact", deviceid: "glpixps-2018-07-09-09-07-13", name: "GLPI-Agent", version: "1.11",
      "installed-tasks": ["inventory", "netdiscovery"], "enabled-tasks": ["inventory"], tag: "" };
    const res = await post(zlib.deflateSync(JSON.stringify(contact)), { "content-type": "application/x-compress-zlib" });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(zlib.inflateSync(res.rawPayload).toString())).toEqual({ status: "ok", expiration: 24, tasks: { inventory: {} } });
    const agent = await t.db.selectFrom("inventory_agent").selectAll().where("device_id", "=", contact.deviceid).executeTakeFirstOrThrow();
    expect(agent).toMatchObject({ name: "GLPI-Agent", version: "1.11" });
  });

  it("stores GLPI's computer example: the Dell XPS with its serial, system and software", async () => {
    const res = await post(JSON.stringify(example("inventory_format-examples-computer_1.json")), { "content-type": "application/json" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", expiration: 24 });
    const log = await t.db.selectFrom("inventory_import").selectAll().where("query", "=", "INVENTORY").executeTakeFirstOrThrow();
    expect(log).toMatchObject({ outcome: "received", decision: "create" });
    const asset = await t.db.selectFrom("asset").selectAll().where("id", "=", log.asset_id as number).executeTakeFirstOrThrow();
    expect(asset).toMatchObject({ name: "glpixps", serial: "640HP72" });
    const model = await t.db.selectFrom("asset_model").select("name").where("id", "=", asset.model_id as number).executeTakeFirstOrThrow();
    expect(model.name).toBe("XPS 13 9350");
    const inventory = await t.db.selectFrom("asset_inventory").selectAll().where("asset_id", "=", asset.id).executeTakeFirstOrThrow();
    expect(inventory.software_count).toBeGreaterThan(0);
    expect(inventory.os_name).toMatch(/Fedora/);
  });

  it("refuses a schema-invalid inventory with a JSON error the agent logs, and keeps the refusal", async () => {
    const bad = { ...example("inventory_format-examples-computer_1.json"), deviceid: "broken-1" };
    bad.content.hardware = { ...bad.content.hardware, memory: "a lot" };
    const res = await post(JSON.stringify(bad), { "content-type": "application/json" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: "error", message: expect.stringMatching(/^JSON_SCHEMA_INVALID: /) });
    const refused = await t.db.selectFrom("inventory_import").selectAll().where("device_id", "=", "broken-1").executeTakeFirstOrThrow();
    expect(refused).toMatchObject({ outcome: "refused", reason: "JSON_SCHEMA_INVALID", query: "INVENTORY" });
    const malformed = await post('{"action": "inventory", ', { "content-type": "application/json" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/^JSON_MALFORMED/);
  });

  it("files a printer scanned over SNMP as a printer", async () => {
    const res = await post(JSON.stringify(example("inventory_format-examples-printer_1.json")), { "content-type": "application/json" });
    expect(res.statusCode).toBe(200);
    const log = await t.db.selectFrom("inventory_import").selectAll().where("device_id", "=", example("inventory_format-examples-printer_1.json").deviceid)
      .orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(log.decision).toBe("create");
    const kind = await t.db.selectFrom("asset").innerJoin("asset_kind", "asset_kind.id", "asset.kind_id").select("asset_kind.code")
      .where("asset.id", "=", log.asset_id as number).executeTakeFirstOrThrow();
    expect(kind.code).toBe("printer");
  });
});
