import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { inventoryXml } from "./store/inventory-xml.test-support.js";

const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`;

describe.each(DIALECTS)("agent logins on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const api = (method: "GET" | "PUT" | "POST" | "DELETE", url: string, payload?: object, cookie = t.adminCookie) =>
    t.app.inject({ method, url, payload, headers: { cookie } });
  const send = (deviceId: string, tag: string | undefined, authorization?: string) => t.app.inject({
    method: "POST", url: "/front/inventory.php", payload: inventoryXml({ deviceId, name: deviceId, serial: `SN-${deviceId}`, macs: [], tag }),
    headers: { "content-type": "application/xml", ...(authorization ? { authorization } : {}) },
  });
  const logOf = (deviceId: string) => t.db.selectFrom("inventory_import").selectAll().where("device_id", "=", deviceId).execute();
  const entityOfAsset = async (deviceId: string) => (await t.db.selectFrom("asset").select("entity_id").where("name", "=", deviceId).executeTakeFirstOrThrow()).entity_id;

  it("files a client's machines in its entity or its sites by tag, never in another client's", async () => {
    const client = await makeEntity(t.db, t.rootId, "Client A");
    const site = await makeEntity(t.db, client.id, "Site A1");
    const other = await makeEntity(t.db, t.rootId, "Client B");
    await t.db.updateTable("entity").set({ inventory_tag: "A1" }).where("id", "=", site.id).execute();
    await t.db.updateTable("entity").set({ inventory_tag: "B" }).where("id", "=", other.id).execute();
    expect((await api("PUT", "/api/inventory/agent-auth", { required: true })).statusCode).toBe(400);
    const created = await api("POST", "/api/inventory/agent-auth/logins", { entityId: client.id, login: "client-a" });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify((await api("GET", "/api/inventory/agent-auth")).json())).not.toContain(secret);
    expect((await api("POST", "/api/inventory/agent-auth/logins", { entityId: other.id, login: "client-a" })).statusCode).toBe(409);
    expect((await api("PUT", "/api/inventory/agent-auth", { required: true })).json()).toMatchObject({ required: true });

    const challenged = await send(`pc-${dialect}-1`, undefined);
    expect(challenged.statusCode).toBe(401);
    expect(challenged.headers["www-authenticate"]).toBe('Basic realm="Vigie inventory"');
    expect(challenged.body).toContain("AGENT_AUTH_REQUIRED");
    expect(await logOf(`pc-${dialect}-1`)).toEqual([]);

    const wrong = await send(`pc-${dialect}-2`, undefined, basic("client-a", "guess"));
    expect(wrong.statusCode).toBe(401);
    expect(await logOf(`pc-${dialect}-2`)).toMatchObject([{ outcome: "refused", reason: "AGENT_AUTH_INVALID" }]);

    expect((await send(`pc-${dialect}-3`, undefined, basic("client-a", secret))).statusCode).toBe(200);
    expect(await entityOfAsset(`pc-${dialect}-3`)).toBe(client.id);
    expect((await send(`pc-${dialect}-4`, "A1", basic("client-a", secret))).statusCode).toBe(200);
    expect(await entityOfAsset(`pc-${dialect}-4`)).toBe(site.id);

    const elsewhere = await send(`pc-${dialect}-5`, "B", basic("client-a", secret));
    expect(elsewhere.statusCode).toBe(403);
    expect(await logOf(`pc-${dialect}-5`)).toMatchObject([{ outcome: "refused", reason: "TAG_NOT_ALLOWED", query: "INVENTORY" }]);
    expect(await t.db.selectFrom("asset").select("id").where("name", "=", `pc-${dialect}-5`).execute()).toEqual([]);

    expect((await api("DELETE", `/api/inventory/agent-auth/logins/${id}`)).statusCode).toBe(409);
    await api("PUT", "/api/inventory/agent-auth", { required: false });
    expect((await api("DELETE", `/api/inventory/agent-auth/logins/${id}`)).json()).toEqual({ required: false, logins: [] });
    expect((await send(`pc-${dialect}-6`, undefined, basic("client-a", secret))).statusCode).toBe(401);
    expect((await send(`pc-${dialect}-7`, undefined)).statusCode).toBe(200);
  });

  it("shows and changes agent logins to an admin of the root entity only", async () => {
    const site = await makeEntity(t.db, t.rootId, "Agence");
    const { cookie } = await signedInUser(t, { entityId: site.id, role: "admin" });
    expect((await api("GET", "/api/inventory/agent-auth", undefined, cookie)).statusCode).toBe(403);
    expect((await api("POST", "/api/inventory/agent-auth/logins", { entityId: site.id, login: "agence" }, cookie)).statusCode).toBe(403);
    expect((await api("POST", "/api/inventory/agent-auth/logins", { entityId: site.id, login: "a b" })).statusCode).toBe(400);
  });
});
