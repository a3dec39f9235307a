import fs from "node:fs";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { InventoryAgent, InventoryImport } from "../../../shared/api/inventory-agents.js";

const fixture = (name: string) => fs.readFileSync(new URL(`../../../../test/fixtures/inventory/${name}`, import.meta.url));
const FUSION = { "user-agent": "FusionInventory-Agent_v2.6-3", "content-type": "application/x-compress-zlib" };
const OCS = { "user-agent": "OCS-NG_unified_unix_agent_v2.10.0", "content-type": "application/x-compress" };
const FUSION_DEVICE = "vm-2026-11-22-13-41-44";
const OCS_DEVICE = /<DEVICEID>([^<]+)</.exec(zlib.inflateSync(fixture("ocsinventory-2.10/inventory.zlib")).toString("utf8"))?.[1] as string;

type Page<T> = { data: T[]; nextCursor: string | null };

describe.each(DIALECTS)("GET /api/inventory/agents and /api/inventory/imports on %s", (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const post = (url: string, payload: Buffer, headers: Record<string, string>) => t.app.inject({ method: "POST", url, payload, headers });
    expect((await post("/front/inventory.php", fixture("fusioninventory-2.6/prolog.zlib"), FUSION)).statusCode).toBe(200);
    expect((await post("/ocsinventory", fixture("ocsinventory-2.10/inventory.zlib"), OCS)).statusCode).toBe(200);
    const corrupt = zlib.deflateSync(Buffer.from("<REQUEST><QUERY>PROLOG</QUERY></REQUEST>")).subarray(0, 20);
    expect((await post("/ocsinventory", corrupt, OCS)).statusCode).toBe(400);
  });
  afterAll(async () => { await t.close(); });

  const get = async <T>(url: string, cookie = t.adminCookie): Promise<Page<T>> => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("lists the agents, newest contact first, with their version and what they last did", async () => {
    const page = await get<InventoryAgent>("/api/inventory/agents");
    expect(page.data.map((a) => a.deviceId)).toEqual([OCS_DEVICE, FUSION_DEVICE]);
    expect(page.data[0]).toMatchObject({ name: expect.stringContaining("OCS"), version: "2.10.0", lastInventoryAt: expect.any(String),
      entityId: t.rootId, entityName: "Groupe Durand", stale: false });
    expect(page.data[1]).toMatchObject({ lastInventoryAt: null, stale: false });
    expect(page.nextCursor).toBeNull();
    const byPrefix = await get<InventoryAgent>(`/api/inventory/agents?q=${encodeURIComponent(FUSION_DEVICE.slice(0, 19))}`);
    expect(byPrefix.data.map((a) => a.deviceId)).toEqual([FUSION_DEVICE]);
  });

  it("lists the log newest first, and the refusals alone with their reason", async () => {
    const log = await get<InventoryImport>("/api/inventory/imports");
    expect(log.data.map((e) => [e.query, e.outcome])).toEqual([[null, "refused"], ["INVENTORY", "received"], ["PROLOG", "received"]]);
    expect(log.data[1]).toMatchObject({ deviceId: OCS_DEVICE, detail: expect.stringMatching(/\d+ software/), agentId: expect.any(Number) });
    const refused = await get<InventoryImport>("/api/inventory/imports?outcome=refused");
    expect(refused.data).toEqual([expect.objectContaining({ outcome: "refused", reason: "BODY_CORRUPT", agentId: null, deviceId: null })]);
    const fusionId = (await get<InventoryAgent>(`/api/inventory/agents?q=${FUSION_DEVICE}`)).data[0]?.id;
    const ofAgent = await get<InventoryImport>(`/api/inventory/imports?agentId=${fusionId}`);
    expect(ofAgent.data.map((e) => e.query)).toEqual(["PROLOG"]);
  });

  it("flags the agents silent for more than `days` days, and keeps them alone with stale=true", async () => {
    const tenDaysAgo = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
    await t.db.updateTable("inventory_agent").set({ last_contact_at: tenDaysAgo }).where("device_id", "=", FUSION_DEVICE).execute();
    const silent = await get<InventoryAgent>("/api/inventory/agents?stale=true");
    expect(silent.data.map((a) => [a.deviceId, a.stale])).toEqual([[FUSION_DEVICE, true]]);
    expect((await get<InventoryAgent>("/api/inventory/agents?stale=true&days=30")).data).toEqual([]);
    const all = await get<InventoryAgent>("/api/inventory/agents?days=30");
    expect(all.data.map((a) => a.stale)).toEqual([false, false]);
  });

  it("walks every row with limit=1", async () => {
    for (const [url, expected] of [["/api/inventory/agents", 2], ["/api/inventory/imports", 3]] as const) {
      const seen: number[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const page: Page<{ id: number }> = await get(`${url}?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.data.map((r) => r.id));
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
    }
  });

  it("refuses a requester and bad input, and shows nothing of the root's agents to a technician of a sub-entity", async () => {
    const child = await makeEntity(t.db, t.rootId, "Agence Lyon");
    const requester = await signedInUser(t, { entityId: t.rootId, role: "requester" });
    for (const url of ["/api/inventory/agents", "/api/inventory/imports"]) {
      expect((await t.app.inject({ method: "GET", url, headers: { cookie: requester.cookie } })).statusCode).toBe(403);
    }
    const tech = await signedInUser(t, { entityId: child.id, role: "technician" });
    expect((await get("/api/inventory/agents", tech.cookie)).data).toEqual([]);
    expect((await get("/api/inventory/imports", tech.cookie)).data).toEqual([]);
    const bad = await t.app.inject({ method: "GET", url: "/api/inventory/imports?outcome=lost&cursor=x", headers: { cookie: t.adminCookie } });
    expect(bad.statusCode).toBe(400);
    const badDays = await t.app.inject({ method: "GET", url: "/api/inventory/agents?days=0&stale=maybe", headers: { cookie: t.adminCookie } });
    expect(badDays.statusCode).toBe(400);
    expect(badDays.json().error.issues).toHaveLength(2);
  });
});
