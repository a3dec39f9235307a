import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

const fixture = (name: string) => fs.readFileSync(new URL(`../../../../test/fixtures/inventory/${name}`, import.meta.url));
const FUSION = { "user-agent": "FusionInventory-Agent_v2.6-3", "content-type": "application/x-compress-zlib" };
const OCS = { "user-agent": "OCS-NG_unified_unix_agent_v2.10.0", "content-type": "application/x-compress" };

describe.each(DIALECTS)("inventory agents' endpoints on %s", (dialect) => {
  let t: TestApp;

  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const post = (url: string, payload: Buffer, headers: Record<string, string>) => t.app.inject({ method: "POST", url, payload, headers });
  const logOf = (deviceId: string | null) => t.db.selectFrom("inventory_import").selectAll()
    .where((eb) => (deviceId === null ? eb("device_id", "is", null) : eb("device_id", "=", deviceId))).orderBy("id").execute();

  it("answers FusionInventory's PROLOG with SEND, compressed as the request was, and knows the agent", async () => {
    const res = await post("/front/inventory.php", fixture("fusioninventory-2.6/prolog.zlib"), FUSION);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/x-compress-zlib");
    const reply = zlib.inflateSync(res.rawPayload).toString("utf8");
    expect(reply).toContain("<RESPONSE>SEND</RESPONSE>");
    expect(reply).toContain("<PROLOG_FREQ>24</PROLOG_FREQ>");
    const agent = await t.db.selectFrom("inventory_agent").selectAll().where("device_id", "=", "vm-2026-11-22-13-41-44").executeTakeFirstOrThrow();
    expect(agent).toMatchObject({ name: "FusionInventory-Agent", version: "2.6-3", last_inventory_at: null });
  });

  it("takes an OCS inventory on /ocsinventory: the agent gets its name and version, the log says what came", async () => {
    const inventory = fixture("ocsinventory-2.10/inventory.zlib");
    const res = await post("/ocsinventory", inventory, OCS);
    expect(res.statusCode).toBe(200);
    expect(zlib.inflateSync(res.rawPayload).toString("utf8")).toContain("no_account_update");
    const deviceId = /<DEVICEID>([^<]+)</.exec(zlib.inflateSync(inventory).toString("utf8"))?.[1] as string;
    const agent = await t.db.selectFrom("inventory_agent").selectAll().where("device_id", "=", deviceId).executeTakeFirstOrThrow();
    expect(agent).toMatchObject({ name: expect.stringContaining("OCS"), version: "2.10.0" });
    expect(agent.last_inventory_at).not.toBeNull();
    const [entry] = await logOf(deviceId);
    expect(entry).toMatchObject({ query: "INVENTORY", outcome: "received", agent_id: agent.id });
    expect(entry?.detail).toMatch(/\d+ software/);
  });

  it("takes plain XML too, and the same agent twice is one agent", async () => {
    const body = fixture("fusioninventory-2.6/inventory-no-software.xml");
    for (let i = 0; i < 2; i++) {
      const res = await post("/plugins/fusioninventory/", body, { ...FUSION, "content-type": "application/xml" });
      expect(res.statusCode).toBe(200);
      expect(res.payload).toContain("no_account_update");
    }
    const deviceId = /<DEVICEID>([^<]+)</.exec(body.toString("utf8"))?.[1] as string;
    const agents = await t.db.selectFrom("inventory_agent").select("id").where("device_id", "=", deviceId).execute();
    expect(agents).toHaveLength(1);
  });

  it("makes one agent of a new agent's messages arriving at once, and answers each", async () => {
    const prolog = Buffer.from("<REQUEST><DEVICEID>pc-at-once-2026</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>");
    const answers = await Promise.all(Array.from({ length: 6 }, () => post("/front/inventory.php", prolog, { ...FUSION, "content-type": "application/xml" })));
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const agents = await t.db.selectFrom("inventory_agent").select("id").where("device_id", "=", "pc-at-once-2026").execute();
    expect(agents).toHaveLength(1);
    expect(await logOf("pc-at-once-2026")).toHaveLength(6);
  });

  it("refuses a corrupt body, a DOCTYPE and an unknown query with a reply the agent logs, and keeps each refusal", async () => {
    const corrupt = zlib.deflateSync(Buffer.from("<REQUEST><QUERY>PROLOG</QUERY><DEVICEID>x</DEVICEID></REQUEST>")).subarray(0, 20);
    const cut = await post("/ocsinventory", corrupt, OCS);
    expect(cut.statusCode).toBe(400);
    expect(zlib.inflateSync(cut.rawPayload).toString("utf8")).toContain("BODY_CORRUPT");

    const attack = Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><REQUEST><DEVICEID>&e;</DEVICEID><QUERY>PROLOG</QUERY></REQUEST>');
    const xxe = await post("/Inventory", attack, { ...FUSION, "content-type": "application/xml" });
    expect(xxe.statusCode).toBe(400);
    expect(xxe.payload).toContain("XML_DOCTYPE_REFUSED");
    expect(xxe.payload).not.toContain("root:");

    const unknown = await post("/front/inventory.php", Buffer.from("<REQUEST><DEVICEID>pc-1</DEVICEID><QUERY>WAKEONLAN</QUERY></REQUEST>"),
      { ...FUSION, "content-type": "application/xml" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.payload).toContain("Unknown QUERY WAKEONLAN");

    const refused = await t.db.selectFrom("inventory_import").select(["reason", "device_id"]).where("outcome", "=", "refused").orderBy("id").execute();
    expect(refused).toEqual([
      { reason: "BODY_CORRUPT", device_id: null },
      { reason: "XML_DOCTYPE_REFUSED", device_id: null },
      { reason: "XML_NOT_A_REQUEST", device_id: "pc-1" },
    ]);
  });

  it("refuses a body over 10 MB before reading it, and tells FusionInventory's job query there are no jobs", async () => {
    const huge = await post("/ocsinventory", Buffer.alloc(11 * 1024 * 1024, 0x41), OCS);
    expect(huge.statusCode).toBe(413);
    const jobs = await t.app.inject({ method: "GET", url: "/front/inventory.php?action=getConfig&task[Deploy]=2.8&machineid=vm-1" });
    expect(jobs.statusCode).toBe(200);
    expect(jobs.json()).toEqual({});
  });

  it("keeps the API refusing bodies other than JSON", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: "login=admin", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.statusCode).toBe(415);
  });
});
