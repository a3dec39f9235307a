import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Campaign, CampaignReport, InventoryLine, ScanResult } from "../../../shared/api/inventory.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("physical inventory campaigns on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let tech: Caller;
  let parisTech: Caller;
  let requester: Caller;
  const loc: Record<string, number> = {};
  const asset: Record<string, number> = {};

  async function makeLocation(entityId: number, name: string, parent?: { id: number; completeName: string; depth: number }) {
    const at = new Date().toISOString();
    const completeName = parent ? `${parent.completeName} > ${name}` : name;
    const row = await t.db.insertInto("location").values({ entity_id: entityId, parent_id: parent?.id ?? null, name, complete_name: completeName,
      depth: parent ? parent.depth + 1 : 0, location_type: "room", is_active: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow();
    return { id: row.id, completeName, depth: parent ? parent.depth + 1 : 0 };
  }

  async function makeAsset(entityId: number, tag: string, locationId: number | null, status = "in_use"): Promise<number> {
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    return (await t.db.insertInto("asset").values({ entity_id: entityId, kind_id: kind.id, name: `Poste ${tag}`, asset_tag: tag, status,
      location_id: locationId, version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    parisTech = await signedInUser(t, { entityId: paris, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester" });
    const site = await makeLocation(lyon, "Site Part-Dieu");
    const building = await makeLocation(lyon, "Bâtiment A", site);
    const room = await makeLocation(lyon, "Salle 204", building);
    const store = await makeLocation(lyon, "Entrepôt");
    const parisSite = await makeLocation(paris, "Siège Paris");
    Object.assign(loc, { site: site.id, building: building.id, room: room.id, store: store.id, parisSite: parisSite.id });
    asset.inRoom = await makeAsset(lyon, "PC-0001", room.id);
    asset.inBuilding = await makeAsset(lyon, "PC-0002", building.id, "in_stock");
    asset.retired = await makeAsset(lyon, "PC-0003", room.id, "retired");
    asset.lost = await makeAsset(lyon, "PC-0004", building.id);
    asset.lost2 = await makeAsset(lyon, "PC-0005", site.id);
    asset.inStore = await makeAsset(lyon, "PC-0006", store.id);
    asset.nowhere = await makeAsset(lyon, "PC-0007", null);
    asset.paris = await makeAsset(paris, "PC-9001", parisSite.id);
    asset.parisHere = await makeAsset(paris, "PC-9002", room.id);
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object, cookie = tech.cookie): Promise<Campaign> => {
    const res = await call(cookie, "POST", "/api/inventory/campaigns", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const scan = async (id: number, code: string, cookie = tech.cookie): Promise<ScanResult> => {
    const res = await call(cookie, "POST", `/api/inventory/campaigns/${id}/scans`, { code });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const report = async (id: number, section: string, extra = ""): Promise<CampaignReport> => {
    const res = await call(tech.cookie, "GET", `/api/inventory/campaigns/${id}/report?section=${section}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const tags = (lines: InventoryLine[]) => lines.map((l) => l.tag);

  it("sorts scans into found, missing and unexpected, with unknown labels kept", async () => {
    const campaign = await create({ name: "Inventaire Part-Dieu 2026", locationId: loc.site });
    expect(campaign).toMatchObject({ status: "open", entityId: lyon, entityName: "Lyon", locationName: "Site Part-Dieu", scanCount: 0, closedAt: null });

    const byUrl = await scan(campaign.id, `https://vigie.example.fr/assets/${asset.inRoom}`);
    expect(byUrl).toMatchObject({ duplicate: false, line: { tag: "PC-0001", assetId: asset.inRoom, verdict: "found", locationName: "Site Part-Dieu > Bâtiment A > Salle 204" } });
    expect((await scan(campaign.id, "pc-0002")).line).toMatchObject({ tag: "PC-0002", verdict: "found" });
    // The same label again, typed this time: nothing changes.
    expect(await scan(campaign.id, "PC-0001")).toMatchObject({ duplicate: true, line: { verdict: "found" } });
    expect((await scan(campaign.id, "PC-0006")).line).toMatchObject({ verdict: "unexpected", locationName: "Entrepôt" });
    expect((await scan(campaign.id, "PC-0007")).line).toMatchObject({ verdict: "unexpected", locationId: null });
    expect((await scan(campaign.id, "ÉTIQUETTE-ILLISIBLE")).line).toMatchObject({ verdict: "unknown", assetId: null, name: null });
    expect(await scan(campaign.id, "ÉTIQUETTE-ILLISIBLE")).toMatchObject({ duplicate: true });
    // Another entity's asset is no asset for this technician, by tag or by URL.
    expect((await scan(campaign.id, "PC-9001")).line).toMatchObject({ verdict: "unknown", assetId: null, name: null });
    expect((await scan(campaign.id, `/assets/${asset.paris}`)).line).toMatchObject({ verdict: "unknown", assetId: null });

    const found = await report(campaign.id, "found");
    expect(found.counts).toEqual({ found: 2, missing: 2, unexpected: 5 });
    expect(tags(found.data)).toEqual(["PC-0001", "PC-0002"]);
    expect(found.data[0]?.scannedByName).toMatch(/^Jean Martin/);
    // Retired assets are not expected; another entity's asset in the room is not this campaign's.
    const missing = await report(campaign.id, "missing");
    expect(missing.data.map((l) => [l.tag, l.verdict, l.scannedAt])).toEqual([["PC-0004", "missing", null], ["PC-0005", "missing", null]]);
    const unexpected = await report(campaign.id, "unexpected");
    expect(tags(unexpected.data)).toEqual(["/assets/" + asset.paris, "PC-0006", "PC-0007", "PC-9001", "ÉTIQUETTE-ILLISIBLE"].sort());
    expect(unexpected.data.find((l) => l.tag === "PC-9001")).toMatchObject({ verdict: "unknown" });
    expect(JSON.stringify(unexpected)).not.toContain("Siège Paris");

    const scans = await call(tech.cookie, "GET", `/api/inventory/campaigns/${campaign.id}/scans?limit=3`);
    expect(scans.json().data).toHaveLength(3);
    expect(scans.json().nextCursor).not.toBeNull();
    expect((await call(tech.cookie, "GET", `/api/inventory/campaigns/${campaign.id}`)).json()).toMatchObject({ scanCount: 7 });
  });

  it("pages every section with a cursor", async () => {
    const campaign = await create({ name: "Pagination", locationId: loc.site });
    for (const code of ["PC-0006", "PC-0007", "X-1", "X-2", "X-3"]) await scan(campaign.id, code);
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 10; page++) {
      const res = await report(campaign.id, "unexpected", `&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...tags(res.data));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(seen).toEqual(["PC-0006", "PC-0007", "X-1", "X-2", "X-3"]);
    const missing = await report(campaign.id, "missing", "&limit=2");
    expect(missing.counts.missing).toBe(4);
    const rest = await report(campaign.id, "missing", `&limit=2&cursor=${missing.nextCursor}`);
    expect([...tags(missing.data), ...tags(rest.data)]).toEqual(["PC-0001", "PC-0002", "PC-0004", "PC-0005"]);
    expect((await call(tech.cookie, "GET", `/api/inventory/campaigns/${campaign.id}/report?cursor=bad`)).statusCode).toBe(400);
  });

  it("puts unexpected assets where they were found, recording each move, then closes", async () => {
    const campaign = await create({ name: "Salle 204", locationId: loc.room });
    await scan(campaign.id, "PC-0006");
    await scan(campaign.id, "PC-0001");
    await scan(campaign.id, "INCONNU");
    const refused = await call(tech.cookie, "POST", `/api/inventory/campaigns/${campaign.id}/fix-locations`, { assetIds: [asset.inStore, asset.inRoom] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0].message).toContain(String(asset.inRoom));
    const fixed = await call(tech.cookie, "POST", `/api/inventory/campaigns/${campaign.id}/fix-locations`, { assetIds: [asset.inStore] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toEqual({ moved: 1 });
    const moved = await t.db.selectFrom("asset").select("location_id").where("id", "=", asset.inStore as number).executeTakeFirstOrThrow();
    expect(moved.location_id).toBe(loc.room);
    const event = await t.db.selectFrom("asset_event").selectAll().where("asset_id", "=", asset.inStore as number).where("event_type", "=", "move")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ from_location_id: loc.store, to_location_id: loc.room, actor_id: tech.user.id, reason: "Inventaire physique « Salle 204 »" });
    expect((await report(campaign.id, "found")).counts).toEqual({ found: 2, missing: 0, unexpected: 1 });

    const closed = await call(tech.cookie, "POST", `/api/inventory/campaigns/${campaign.id}/close`);
    expect(closed.json()).toMatchObject({ status: "closed", scanCount: 3 });
    expect(closed.json().closedAt).toMatch(/^\d{4}-/);
    expect((await call(tech.cookie, "POST", `/api/inventory/campaigns/${campaign.id}/scans`, { code: "PC-0002" })).json().error.code).toBe("CAMPAIGN_CLOSED");
    expect((await call(tech.cookie, "POST", `/api/inventory/campaigns/${campaign.id}/close`)).statusCode).toBe(409);
    expect((await report(campaign.id, "found")).counts.found).toBe(2);
    const open = (await call(tech.cookie, "GET", "/api/inventory/campaigns?status=open")).json().data as Campaign[];
    expect(open.map((c) => c.id)).not.toContain(campaign.id);
  });

  it("keeps another entity's campaigns and assets out of sight", async () => {
    const campaign = await create({ name: "Secret", locationId: loc.parisSite }, parisTech.cookie);
    expect(campaign.entityId).toBe(paris);
    for (const path of ["", "/report", "/scans"]) {
      expect((await call(tech.cookie, "GET", `/api/inventory/campaigns/${campaign.id}${path}`)).statusCode).toBe(404);
    }
    expect((await call(tech.cookie, "POST", `/api/inventory/campaigns/${campaign.id}/scans`, { code: "PC-0001" })).statusCode).toBe(404);
    const list = (await call(tech.cookie, "GET", "/api/inventory/campaigns")).json();
    expect(list.data.map((c: Campaign) => c.name)).not.toContain("Secret");
    expect((await call(t.adminCookie, "GET", "/api/inventory/campaigns?limit=1")).json().nextCursor).not.toBeNull();

    const usingParis = await call(tech.cookie, "POST", "/api/inventory/campaigns", { name: "X", locationId: loc.parisSite });
    expect(usingParis.statusCode).toBe(403);
    const asParis = await call(tech.cookie, "POST", "/api/inventory/campaigns", { name: "X", locationId: loc.site, entityId: paris });
    expect(asParis.statusCode).toBe(403);
    expect((await call(tech.cookie, "POST", "/api/inventory/campaigns", { name: "", locationId: loc.site })).statusCode).toBe(400);
    expect((await call(tech.cookie, "POST", "/api/inventory/campaigns", { name: "X", locationId: 999999 })).statusCode).toBe(400);
    expect((await call(requester.cookie, "GET", "/api/inventory/campaigns")).statusCode).toBe(403);
    expect((await call(requester.cookie, "POST", "/api/inventory/campaigns", { name: "X", locationId: loc.site })).statusCode).toBe(403);
  });
});
