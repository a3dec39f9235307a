import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetConnectionPageSchema, AssetConnectionSchema } from "../../../shared/api/asset-connections.js";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { inventoryXml } from "./store/inventory-xml.test-support.js";

describe.each(DIALECTS)("connecting devices to computers by hand on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let nantes: number;
  let techLyon: string;
  let techNantes: string;
  const kinds: Record<string, number> = {};

  let seq = 0;
  const makeAsset = async (entityId: number, kind: string, name: string): Promise<number> => {
    const res = await t.app.inject({ method: "POST", url: "/api/assets", headers: { cookie: t.adminCookie },
      payload: { kindId: kinds[kind], name, assetTag: `T-${kind}-${++seq}`, entityId } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const connect = (computerId: number, deviceId: number, cookie: string) =>
    t.app.inject({ method: "POST", url: `/api/assets/${computerId}/connections`, headers: { cookie }, payload: { deviceId } });
  const list = async (assetId: number, cookie: string) => {
    const res = await t.app.inject({ method: "GET", url: `/api/assets/${assetId}/connections`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return AssetConnectionPageSchema.parse(res.json()).data;
  };
  const disconnect = (assetId: number, connectionId: number, cookie: string) =>
    t.app.inject({ method: "DELETE", url: `/api/assets/${assetId}/connections/${connectionId}`, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Agence de Lyon")).id;
    nantes = (await makeEntity(t.db, t.rootId, "Agence de Nantes")).id;
    techLyon = (await signedInUser(t, { entityId: lyon, role: "technician" })).cookie;
    techNantes = (await signedInUser(t, { entityId: nantes, role: "technician" })).cookie;
    for (const row of await t.db.selectFrom("asset_kind").select(["id", "code"]).where("code", "in", ["desktop", "monitor", "printer"]).execute()) {
      kinds[row.code as string] = row.id;
    }
  });
  afterAll(async () => { await t.close(); });

  it("connects a monitor to a computer, shows it from both sides, and disconnects it with the history kept", async () => {
    const pc = await makeAsset(lyon, "desktop", "PC accueil");
    const screen = await makeAsset(lyon, "monitor", "Écran accueil");
    const res = await connect(pc, screen, techLyon);
    expect(res.statusCode, res.body).toBe(201);
    const made = AssetConnectionSchema.parse(res.json());
    expect(made).toMatchObject({ source: "manual", computer: { id: pc, name: "PC accueil" }, device: { id: screen, family: "monitor", name: "Écran accueil" } });
    expect((await list(pc, techLyon)).map((c) => c.device.id)).toEqual([screen]);
    expect((await list(screen, techLyon)).map((c) => c.computer.id)).toEqual([pc]);
    expect((await connect(pc, screen, techLyon)).json()).toMatchObject({ id: made.id });

    expect((await disconnect(screen, made.id, techLyon)).statusCode).toBe(200);
    expect(await list(pc, techLyon)).toEqual([]);
    expect((await disconnect(screen, made.id, techLyon)).json().error.code).toBe("ASSET_CONNECTION_NOT_FOUND");
    const history = await t.db.selectFrom("history").select(["action", "field", "old_value", "new_value", "actor_name"])
      .where("record_type", "=", "asset").where("record_id", "=", pc).where("field", "=", "connectedDevice").orderBy("id").execute();
    expect(history.map((h) => [h.action, h.old_value ?? h.new_value])).toEqual([["link", expect.stringContaining("Écran accueil")], ["unlink", expect.stringContaining("Écran accueil")]]);
    expect(history[0]?.actor_name).not.toBe("system");
  });

  it("refuses a device already on another computer, and what is not a computer and a device", async () => {
    const [pc1, pc2] = [await makeAsset(lyon, "desktop", "PC 1"), await makeAsset(lyon, "desktop", "PC 2")];
    const printer = await makeAsset(lyon, "printer", "Imprimante compta");
    expect((await connect(pc1, printer, techLyon)).statusCode).toBe(201);
    const taken = await connect(pc2, printer, techLyon);
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, "ASSET_ALREADY_CONNECTED"]);
    const screen = await makeAsset(lyon, "monitor", "Écran");
    expect((await connect(screen, printer, techLyon)).json().error.code).toBe("ASSET_CONNECTION_REFUSED");
    expect((await connect(pc1, pc2, techLyon)).json().error.code).toBe("ASSET_CONNECTION_REFUSED");
  });

  it("refuses another entity's technician, and hides a connection to a device they cannot read", async () => {
    const pc = await makeAsset(lyon, "desktop", "PC Lyon");
    const screen = await makeAsset(lyon, "monitor", "Écran Lyon");
    const nantesScreen = await makeAsset(nantes, "monitor", "Écran Nantes");
    const refused = await connect(pc, screen, techNantes);
    expect([refused.statusCode, refused.json().error.code]).toEqual([404, "ASSET_NOT_FOUND"]);
    expect((await connect(pc, nantesScreen, techLyon)).statusCode).toBe(404);

    const cross = AssetConnectionSchema.parse((await connect(pc, nantesScreen, t.adminCookie)).json());
    expect(await list(pc, techLyon)).toEqual([]);
    expect((await disconnect(pc, cross.id, techLyon)).statusCode).toBe(404);
    expect((await disconnect(nantesScreen, cross.id, techNantes)).statusCode).toBe(404);
    expect((await list(pc, t.adminCookie)).map((c) => c.id)).toEqual([cross.id]);
  });

  it("keeps a connection made by hand when the computer's inventory does not report the device", async () => {
    const spec = { deviceId: `pc-manual-${dialect}`, name: `PC-MANUEL-${dialect}`, serial: `SNMANUAL${dialect}`, uuid: "4c4c4544-0000-1000-8000-00000000a0b1" };
    const send = () => t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", payload: inventoryXml(spec),
      headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
    expect((await send()).statusCode).toBe(200);
    const pc = (await t.db.selectFrom("asset").select("id").where("serial", "=", spec.serial).executeTakeFirstOrThrow()).id;
    const screen = await makeAsset(t.rootId, "monitor", "Écran sans EDID");
    expect((await connect(pc, screen, t.adminCookie)).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(200);
    expect((await list(pc, t.adminCookie)).map((c) => [c.device.id, c.source])).toEqual([[screen, "manual"]]);
  });
});
