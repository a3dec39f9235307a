import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { AssetHealth, HealthItem, HealthPage, HealthSettings, HealthSummary } from "../../../shared/api/inventory-health.js";
import { runHealthTickets } from "./health.jobs.js";
import { inventoryXml } from "./store/inventory-xml.test-support.js";

const DAY_MS = 24 * 3600 * 1000;

describe.each(DIALECTS)("the fleet's health signals on %s", (dialect) => {
  let t: TestApp;
  /** Lyon's machines: one disk almost full (95 %), one with its antivirus off and its agent silent; Paris's: a disk at 97 %. */
  const asset = { lyonFull: 0, lyonStale: 0, parisFull: 0 };
  const entity = { lyon: 0, paris: 0 };
  let parisTech: string;

  const send = async (deviceId: string, name: string, tag: string, usedPct: number) => {
    const res = await t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", headers: { "content-type": "application/xml",
      "user-agent": "FusionInventory-Agent_v2.6" }, payload: inventoryXml({ deviceId, name, serial: `SN-${deviceId}`, tag,
      volumes: [{ mount: "C:", totalMb: 100_000, freeMb: 100_000 - usedPct * 1000 }] }) });
    expect(res.statusCode).toBe(200);
    const log = await t.db.selectFrom("inventory_import").select("asset_id").where("device_id", "=", deviceId).orderBy("id", "desc").executeTakeFirstOrThrow();
    return log.asset_id as number;
  };
  const get = async <T>(url: string, cookie = t.adminCookie): Promise<T> => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const tagsOf = (page: HealthPage) => page.data.map((item) => item.assetName);
  const putSettings = (payload: object, cookie = t.adminCookie) =>
    t.app.inject({ method: "PUT", url: "/api/inventory/health/settings", headers: { cookie }, payload });
  const settings = (over: { diskFullPct?: number; silentDays?: number; enabled?: boolean; categoryId?: number | null } = {}) => ({
    diskFullPct: over.diskFullPct ?? 90, silentDays: over.silentDays ?? 14,
    ticket: { enabled: over.enabled ?? false, categoryId: over.categoryId ?? null, priority: 4 } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    entity.lyon = (await makeEntity(t.db, t.rootId, "Agence Lyon")).id;
    entity.paris = (await makeEntity(t.db, t.rootId, "Agence Paris")).id;
    await t.db.updateTable("entity").set({ inventory_tag: "LYON" }).where("id", "=", entity.lyon).execute();
    await t.db.updateTable("entity").set({ inventory_tag: "PARIS" }).where("id", "=", entity.paris).execute();
    asset.lyonFull = await send(`lyon-1-${dialect}`, "PC-LYON-PLEIN", "LYON", 95);
    asset.lyonStale = await send(`lyon-2-${dialect}`, "PC-LYON-MUET", "LYON", 40);
    asset.parisFull = await send(`paris-1-${dialect}`, "PC-PARIS-PLEIN", "PARIS", 97);
    // What an agent reports of a switched-off Defender beside a stale product: antivirus_ok 0, the list in the details.
    const stale = await t.db.selectFrom("asset_inventory").select(["details", "agent_id"]).where("asset_id", "=", asset.lyonStale).executeTakeFirstOrThrow();
    const details = { ...JSON.parse(stale.details), antivirus: [
      { name: "Windows Defender", company: "Microsoft", isEnabled: false, isUpToDate: true, version: "4.18", expiresOn: null },
      { name: "ESET Endpoint", company: "ESET", isEnabled: true, isUpToDate: false, version: "10.1", expiresOn: null }] };
    await t.db.updateTable("asset_inventory").set({ antivirus_ok: 0, details: JSON.stringify(details) }).where("asset_id", "=", asset.lyonStale).execute();
    await t.db.updateTable("inventory_agent").set({ last_contact_at: new Date(Date.now() - 30 * DAY_MS).toISOString() })
      .where("id", "=", stale.agent_id as number).execute();
    parisTech = (await signedInUser(t, { entityId: entity.paris, role: "technician" })).cookie;
  });
  afterAll(async () => { await t.close(); });

  it("lists the almost full disks, fullest first, page by page, with the entity and the figure", async () => {
    const page = await get<HealthPage>("/api/inventory/health?signal=disk");
    expect(tagsOf(page)).toEqual(["PC-PARIS-PLEIN", "PC-LYON-PLEIN"]);
    expect(page.data[1]).toMatchObject({ signal: "disk", assetId: asset.lyonFull, entityId: entity.lyon, entityName: expect.stringContaining("Agence Lyon"),
      fullestVolumePct: 95, antivirus: [], ticketId: null, receivedAt: expect.any(String) });
    const first = await get<HealthPage>("/api/inventory/health?signal=disk&limit=1");
    expect(tagsOf(first)).toEqual(["PC-PARIS-PLEIN"]);
    const second = await get<HealthPage>(`/api/inventory/health?signal=disk&limit=1&cursor=${first.nextCursor}`);
    expect(tagsOf(second)).toEqual(["PC-LYON-PLEIN"]);
    expect(second.nextCursor).toBeNull();
  });

  it("lists the antivirus off or out of date with each product's state, and the silent agents, longest silent first", async () => {
    const antivirus = await get<HealthPage>("/api/inventory/health?signal=antivirus");
    expect(antivirus.data).toEqual([expect.objectContaining({ assetId: asset.lyonStale, antivirus: [
      { name: "Windows Defender", version: "4.18", enabled: false, upToDate: true },
      { name: "ESET Endpoint", version: "10.1", enabled: true, upToDate: false }] })]);
    const silent = await get<HealthPage>("/api/inventory/health?signal=silent");
    expect(silent.data).toEqual([expect.objectContaining({ assetId: asset.lyonStale, lastContactAt: expect.any(String) })]);
    expect(Date.now() - Date.parse(silent.data[0]?.lastContactAt as string)).toBeGreaterThan(29 * DAY_MS);
    expect(await get<HealthSummary>("/api/inventory/health/summary")).toEqual({ disk: 2, antivirus: 1, silent: 1, diskFullPct: 90, silentDays: 14 });
  });

  it("gives one asset's signals, and none for a healthy one", async () => {
    const stale = await get<AssetHealth>(`/api/assets/${asset.lyonStale}/health`);
    expect(stale.signals.map((s: HealthItem) => s.signal)).toEqual(["antivirus", "silent"]);
    const full = await get<AssetHealth>(`/api/assets/${asset.parisFull}/health`);
    expect(full).toMatchObject({ assetId: asset.parisFull, diskFullPct: 90, signals: [expect.objectContaining({ signal: "disk", fullestVolumePct: 97 })] });
  });

  it("shows a technician of Paris none of Lyon's signals, and answers 404 for a Lyon asset", async () => {
    expect(tagsOf(await get<HealthPage>("/api/inventory/health?signal=disk", parisTech))).toEqual(["PC-PARIS-PLEIN"]);
    expect((await get<HealthPage>("/api/inventory/health?signal=antivirus", parisTech)).data).toEqual([]);
    expect((await get<HealthPage>("/api/inventory/health?signal=silent", parisTech)).data).toEqual([]);
    expect(await get<HealthSummary>("/api/inventory/health/summary", parisTech)).toMatchObject({ disk: 1, antivirus: 0, silent: 0 });
    const lyon = await t.app.inject({ method: "GET", url: `/api/assets/${asset.lyonStale}/health`, headers: { cookie: parisTech } });
    expect(lyon.statusCode).toBe(404);
    const requester = await signedInUser(t, { entityId: entity.paris, role: "requester" });
    expect((await t.app.inject({ method: "GET", url: "/api/inventory/health/summary", headers: { cookie: requester.cookie } })).statusCode).toBe(403);
  });

  it("refuses bad input with 400, never 500", async () => {
    for (const url of ["/api/inventory/health", "/api/inventory/health?signal=fire", "/api/inventory/health?signal=disk&cursor=nope",
      "/api/inventory/health?signal=silent&cursor=WzFd", "/api/assets/abc/health"]) {
      expect((await t.app.inject({ method: "GET", url, headers: { cookie: t.adminCookie } })).statusCode, url).toBe(400);
    }
    expect((await t.app.inject({ method: "GET", url: "/api/assets/999999/health", headers: { cookie: t.adminCookie } })).statusCode).toBe(404);
  });

  it("lets only an admin of the root change the thresholds, within their bounds, and the lists follow", async () => {
    const initial = await get<HealthSettings>("/api/inventory/health/settings", parisTech);
    expect(initial).toEqual({ diskFullPct: 90, silentDays: 14, ticket: { enabled: false, categoryId: null, priority: 3, categoryName: null }, canManage: false });
    expect((await putSettings(settings({ diskFullPct: 96 }), parisTech)).statusCode).toBe(403);
    const rootSupervisor = await signedInUser(t, { entityId: t.rootId, role: "supervisor" });
    expect((await putSettings(settings({ diskFullPct: 96 }), rootSupervisor.cookie)).statusCode).toBe(403);
    const bad = await putSettings({ diskFullPct: 30, silentDays: 0, ticket: { enabled: true, categoryId: null, priority: 9 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["body.diskFullPct", "body.silentDays", "body.ticket.priority"]);
    const lyonCategory = await t.app.inject({ method: "POST", url: "/api/categories", headers: { cookie: t.adminCookie },
      payload: { name: "Postes de Lyon", entityId: entity.lyon } });
    const notRoot = await putSettings(settings({ categoryId: lyonCategory.json().id }));
    expect(notRoot.statusCode).toBe(404);
    expect(notRoot.json().error.code).toBe("CATEGORY_NOT_FOUND");

    const saved = await putSettings(settings({ diskFullPct: 96, silentDays: 45 }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ diskFullPct: 96, silentDays: 45, canManage: true });
    expect(tagsOf(await get<HealthPage>("/api/inventory/health?signal=disk"))).toEqual(["PC-PARIS-PLEIN"]);
    expect((await get<HealthPage>("/api/inventory/health?signal=silent")).data).toEqual([]);
    expect((await putSettings(settings())).statusCode).toBe(200);
  });

  it("opens one ticket per machine and signal, once, and again when a cleared problem comes back", async () => {
    const category = await t.app.inject({ method: "POST", url: "/api/categories", headers: { cookie: t.adminCookie },
      payload: { name: "Supervision", entityId: t.rootId } });
    expect(category.statusCode, category.body).toBe(201);
    expect(await runHealthTickets(t.db)).toEqual({ cleared: 0, raised: 0 });
    const sla = await t.app.inject({ method: "POST", url: "/api/sla/policies", headers: { cookie: t.adminCookie }, payload: { name: "Supervision",
      entityId: t.rootId, isRecursive: true, categoryId: null, isActive: true, targets: [{ priority: 4, ownMinutes: 60, resolveMinutes: 240 }], levels: [] } });
    expect(sla.statusCode, sla.body).toBe(201);
    expect((await putSettings(settings({ enabled: true, categoryId: category.json().id }))).json().ticket)
      .toEqual({ enabled: true, categoryId: category.json().id, priority: 4, categoryName: "Supervision" });

    expect(await runHealthTickets(t.db)).toEqual({ cleared: 0, raised: 4 });
    expect(await runHealthTickets(t.db)).toEqual({ cleared: 0, raised: 0 });
    const ticketsOf = (assetId: number) => t.db.selectFrom("ticket as k").innerJoin("ticket_asset as ta", "ta.ticket_id", "k.id")
      .select(["k.id", "k.title", "k.entity_id", "k.channel", "k.requester_id", "k.category_id", "k.priority", "k.status", "k.sla_id"])
      .where("ta.asset_id", "=", assetId).orderBy("k.id").execute();
    const lyonFull = await t.db.selectFrom("asset").select("asset_tag").where("id", "=", asset.lyonFull).executeTakeFirstOrThrow();
    const [first, ...others] = await ticketsOf(asset.lyonFull);
    expect(others).toEqual([]);
    expect(first).toMatchObject({ title: `Disque presque plein : ${lyonFull.asset_tag} (95 %)`, entity_id: entity.lyon, channel: "monitoring",
      requester_id: null, category_id: category.json().id, priority: 4, status: "new", sla_id: sla.json().id });
    expect((await ticketsOf(asset.lyonStale)).map((k) => k.title)).toEqual([
      expect.stringMatching(/^Antivirus désactivé ou pas à jour : .+ \(Windows Defender \(désactivé\), ESET Endpoint \(pas à jour\)\)$/),
      expect.stringMatching(/^Agent d’inventaire silencieux : .+ \(depuis 30 jours\)$/)]);
    const listed = await get<HealthPage>("/api/inventory/health?signal=disk");
    expect(listed.data.find((item) => item.assetId === asset.lyonFull)?.ticketId).toBe(first?.id);

    // The disk is cleaned up: the record closes; it fills again later: a new ticket.
    await t.db.updateTable("asset_inventory").set({ fullest_volume_pct: 50 }).where("asset_id", "=", asset.lyonFull).execute();
    expect(await runHealthTickets(t.db)).toEqual({ cleared: 1, raised: 0 });
    expect(await runHealthTickets(t.db)).toEqual({ cleared: 0, raised: 0 });
    await send(`lyon-1-${dialect}`, "PC-LYON-PLEIN", "LYON", 93);
    expect(await runHealthTickets(t.db)).toEqual({ cleared: 0, raised: 1 });
    expect((await ticketsOf(asset.lyonFull)).map((k) => k.title)).toEqual([first?.title, `Disque presque plein : ${lyonFull.asset_tag} (93 %)`]);
    const records = await t.db.selectFrom("asset_health_signal").select(["signal", "cleared_at"]).where("asset_id", "=", asset.lyonFull).orderBy("id").execute();
    expect(records).toEqual([{ signal: "disk", cleared_at: expect.any(String) }, { signal: "disk", cleared_at: null }]);
  });
});
