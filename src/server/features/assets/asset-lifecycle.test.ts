import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Asset, AssetEvent } from "../../../shared/api/assets.js";
import { ASSET_TRANSITIONS, type AssetStatus } from "../../../shared/domain/assets.js";
import { kindId, makeLocation } from "./asset-fixtures.js";
import { moveAssets } from "./asset-movement.service.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("asset life cycle and movements on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let tech: Caller;
  let supervisor: Caller;
  let employee: Caller;
  let monitor: number;
  let site: { id: number; complete_name: string; depth: number };
  let floor: { id: number; complete_name: string; depth: number };
  let room: { id: number; complete_name: string; depth: number };
  let annex: { id: number; complete_name: string; depth: number };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    employee = await signedInUser(t, { entityId: lyon, role: "requester" });
    monitor = await kindId(t.db, "monitor");
    site = await makeLocation(t.db, lyon, "Lyon");
    floor = await makeLocation(t.db, lyon, "2e étage", site, "floor");
    room = await makeLocation(t.db, lyon, "Salle 204", floor, "room");
    annex = await makeLocation(t.db, lyon, "Annexe");
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object = {}): Promise<Asset> => {
    const res = await call(tech.cookie, "POST", "/api/assets", { kindId: monitor, name: "Écran", ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const operate = (asset: Asset, op: object, cookie = tech.cookie) =>
    call(cookie, "POST", `/api/assets/${asset.id}/operations`, { version: asset.version, ...op });
  const ok = async (asset: Asset, op: object, cookie = tech.cookie): Promise<Asset> => {
    const res = await operate(asset, op, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const events = async (asset: Asset): Promise<AssetEvent[]> => (await call(tech.cookie, "GET", `/api/assets/${asset.id}/events`)).json().data;

  it("allows every transition of ASSET_TRANSITIONS through the status operation, and refuses the others", async () => {
    for (const [from, targets] of Object.entries(ASSET_TRANSITIONS) as [AssetStatus, readonly AssetStatus[]][]) {
      if (from === "loaned" || from === "disposed") continue;
      for (const to of targets.filter((s) => s !== "disposed")) {
        const asset = await create({ status: from });
        expect((await ok(asset, { type: "status", status: to })).status, `${from} → ${to}`).toBe(to);
      }
    }
    const ordered = await create({ status: "ordered" });
    const refused = await operate(ordered, { type: "status", status: "in_repair" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("ASSET_TRANSITION_REFUSED");
    const loan = await ok(await create(), { type: "loan", userId: employee.user.id, dueAt: "2099-01-01" });
    expect((await operate(loan, { type: "status", status: "in_stock" })).statusCode).toBe(409);
    expect((await ok(loan, { type: "status", status: "in_repair" })).loanDueAt).toBeNull();
  });

  it("assigns, takes back, lends and returns, each on the timeline with its reason", async () => {
    let asset = await create({ locationId: room.id });
    asset = await ok(asset, { type: "assign", userId: employee.user.id, reason: "Arrivée" });
    expect(asset).toMatchObject({ status: "in_use", userId: employee.user.id, version: 2 });
    asset = await ok(asset, { type: "assign", userId: null, locationId: annex.id, reason: "Départ" });
    expect(asset).toMatchObject({ status: "in_stock", userId: null, locationId: annex.id });
    asset = await ok(asset, { type: "loan", userId: employee.user.id, dueAt: "2099-12-31", reason: "Salon" });
    expect(asset).toMatchObject({ status: "loaned", loanDueAt: "2099-12-31", userId: employee.user.id });
    expect((await operate(asset, { type: "assign", userId: tech.user.id })).statusCode).toBe(409);
    asset = await ok(asset, { type: "return", locationId: room.id });
    expect(asset).toMatchObject({ status: "in_stock", loanDueAt: null, userId: null, locationId: room.id });
    const timeline = await events(asset);
    expect(timeline.map((e) => e.type)).toEqual(["return", "loan", "assign", "assign", "create"]);
    expect(timeline[2]).toMatchObject({ fromStatus: "in_use", toStatus: "in_stock", reason: "Départ", toLocationName: "Annexe",
      fromLocationName: "Lyon > 2e étage > Salle 204", actorName: expect.any(String) });
    const past = await operate(asset, { type: "loan", userId: employee.user.id, dueAt: "2001-01-01" });
    expect(past.statusCode).toBe(400);
    const stale = await operate({ ...asset, version: 1 }, { type: "move", locationId: annex.id });
    expect(stale.json().error.code).toBe("ASSET_VERSION_CONFLICT");
  });

  it("disposes of a retired asset for the manager only, keeps it and its history, and refuses every change after", async () => {
    let asset = await ok(await create(), { type: "status", status: "retired", reason: "Obsolète" });
    const early = await operate(await create(), { type: "dispose", recycler: "Ecologic", disposedAt: "2026-11-01", certificate: "C-1" }, supervisor.cookie);
    expect(early.json().error.code).toBe("ASSET_TRANSITION_REFUSED");
    const byTech = await operate(asset, { type: "dispose", recycler: "Ecologic", disposedAt: "2026-11-01", certificate: "C-1" });
    expect(byTech.statusCode).toBe(403);
    asset = await ok(asset, { type: "dispose", recycler: "Ecologic", disposedAt: "2026-11-01", certificate: "C-1" }, supervisor.cookie);
    expect(asset).toMatchObject({ status: "disposed", recycler: "Ecologic", disposalCertificate: "C-1", disposedAt: "2026-11-01" });
    expect((await call(tech.cookie, "GET", `/api/assets/${asset.id}`)).statusCode).toBe(200);
    expect((await events(asset)).map((e) => e.type)).toEqual(["dispose", "status", "create"]);
    const edit = await call(tech.cookie, "PATCH", `/api/assets/${asset.id}`, { version: asset.version, name: "Revenant" });
    expect(edit.json().error.code).toBe("ASSET_DISPOSED");
    expect((await operate(asset, { type: "status", status: "in_stock" })).json().error.code).toBe("ASSET_DISPOSED");
    const list = async (q: string) => (await call(tech.cookie, "GET", `/api/assets?limit=100${q}`)).json().data.map((a: Asset) => a.id);
    expect(await list("")).not.toContain(asset.id);
    expect(await list("&includeDisposed=true")).toContain(asset.id);
    expect(await list("&status=disposed")).toContain(asset.id);
  });

  it("lists movements into or out of a location subtree, by date and type, and moves assets for other parts", async () => {
    const a = await create({ locationId: annex.id });
    const b = await create({ locationId: annex.id });
    const moved = await t.db.transaction().execute(async (trx) => {
      const actor = { kind: "session" as const, userId: tech.user.id, name: "tech", grants: [{ entityId: lyon, role: "technician" as const, recursive: true }] };
      return moveAssets(trx, actor, [a.id, b.id, b.id], room.id, "Inventaire physique");
    });
    expect(moved).toBe(2);
    const into = (await call(tech.cookie, "GET", `/api/asset-movements?locationId=${floor.id}&type=move&limit=100`)).json().data as AssetEvent[];
    expect(into.filter((e) => e.reason === "Inventaire physique").map((e) => e.assetId).sort()).toEqual([a.id, b.id].sort());
    const leaving = (await call(tech.cookie, "GET", `/api/asset-movements?locationId=${annex.id}&type=move&limit=100`)).json().data as AssetEvent[];
    expect(leaving.map((e) => e.assetId)).toEqual(expect.arrayContaining([a.id, b.id]));
    const today = new Date().toISOString().slice(0, 10);
    const dated = await call(tech.cookie, "GET", `/api/asset-movements?from=${today}&to=${today}&limit=2`);
    expect(dated.json().data).toHaveLength(2);
    const next = await call(tech.cookie, "GET", `/api/asset-movements?from=${today}&to=${today}&limit=2&cursor=${dated.json().nextCursor}`);
    expect(next.json().data[0].id).toBeLessThan(dated.json().data[1].id);
    expect((await call(tech.cookie, "GET", "/api/asset-movements?from=2000-01-01&to=2000-12-31")).json().data).toEqual([]);
    expect((await call(tech.cookie, "GET", "/api/asset-movements?from=hier")).statusCode).toBe(400);
  });

  it("applies a bulk change all or nothing, each asset with its own event", async () => {
    const a = await create();
    const b = await create();
    const retired = await ok(await create(), { type: "status", status: "retired" });
    const refused = await call(tech.cookie, "POST", "/api/assets/bulk", { ids: [a.id, b.id, retired.id], change: { type: "status", status: "in_repair" } });
    expect(refused.statusCode).toBe(409);
    expect((await call(tech.cookie, "GET", `/api/assets/${a.id}`)).json().status).toBe("in_stock");
    const done = await call(tech.cookie, "POST", "/api/assets/bulk", { ids: [a.id, b.id], change: { type: "move", locationId: room.id }, reason: "Déménagement" });
    expect(done.json()).toEqual({ updated: 2 });
    expect((await events(b))[0]).toMatchObject({ type: "move", reason: "Déménagement", toLocationName: "Lyon > 2e étage > Salle 204" });
    const requester = await call(employee.cookie, "POST", "/api/assets/bulk", { ids: [a.id], change: { type: "assign", userId: null } });
    expect(requester.statusCode).toBe(404);
  });
});
