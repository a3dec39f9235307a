import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Asset, AssetSummary } from "../../../shared/api/assets.js";
import { kindId } from "./asset-fixtures.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("tickets and assets on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let tech: Caller;
  let employee: Caller;
  let laptop: Asset;
  let screen: Asset;
  let parisAsset: Asset;
  let ticketId: number;

  const call = (cookie: string, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const createAsset = async (payload: object, cookie: string): Promise<Asset> => {
    const res = await call(cookie, "POST", "/api/assets", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    employee = await signedInUser(t, { entityId: lyon, role: "requester" });
    laptop = await createAsset({ kindId: await kindId(t.db, "laptop"), name: "Portable de Jean", userId: employee.user.id }, tech.cookie);
    screen = await createAsset({ kindId: await kindId(t.db, "monitor"), name: "Écran 24\"" }, tech.cookie);
    parisAsset = await createAsset({ kindId: await kindId(t.db, "monitor"), name: "Écran Paris", entityId: paris }, t.adminCookie);
    const ticket = await call(tech.cookie, "POST", "/api/tickets", { title: "L'écran clignote", entityId: lyon, requesterId: employee.user.id });
    ticketId = ticket.json().id;
  });
  afterAll(async () => { await t.close(); });

  it("links assets of the ticket's entity and reads the link both ways", async () => {
    const linked = await call(tech.cookie, "POST", `/api/tickets/${ticketId}/assets`, { assetIds: [laptop.id, screen.id, laptop.id] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().data.map((a: AssetSummary) => a.id).sort()).toEqual([laptop.id, screen.id].sort());
    const again = await call(tech.cookie, "POST", `/api/tickets/${ticketId}/assets`, { assetIds: [screen.id] });
    expect(again.json().data).toHaveLength(2);
    const tickets = await call(tech.cookie, "GET", `/api/assets/${screen.id}/tickets`);
    expect(tickets.json().data).toEqual([expect.objectContaining({ id: ticketId, title: "L'écran clignote" })]);
    // The requester reads their ticket's equipment from the portal.
    expect((await call(employee.cookie, "GET", `/api/tickets/${ticketId}/assets`)).json().data).toHaveLength(2);
    const history = await call(tech.cookie, "GET", `/api/history/ticket/${ticketId}`);
    expect(history.json().data).toEqual(expect.arrayContaining([expect.objectContaining({ action: "link", field: "asset", newValue: screen.assetTag })]));
  });

  it("refuses another entity's asset, a requester's link, and unlinks", async () => {
    const foreign = await call(tech.cookie, "POST", `/api/tickets/${ticketId}/assets`, { assetIds: [parisAsset.id] });
    expect(foreign.statusCode).toBe(404);
    const admin = await call(t.adminCookie, "POST", `/api/tickets/${ticketId}/assets`, { assetIds: [parisAsset.id] });
    expect(admin.statusCode).toBe(400);
    expect((await call(employee.cookie, "POST", `/api/tickets/${ticketId}/assets`, { assetIds: [screen.id] })).statusCode).toBe(403);
    const unlinked = await call(tech.cookie, "DELETE", `/api/tickets/${ticketId}/assets/${screen.id}`);
    expect(unlinked.json().data.map((a: AssetSummary) => a.id)).toEqual([laptop.id]);
    expect((await call(tech.cookie, "DELETE", `/api/tickets/${ticketId}/assets/${screen.id}`)).statusCode).toBe(404);
    expect((await call(tech.cookie, "GET", `/api/assets/${screen.id}/tickets`)).json().data).toEqual([]);
  });

  it("shows a requester the equipment assigned to them, and staff a user's assets", async () => {
    const mine = await call(employee.cookie, "GET", "/api/me/assets");
    expect(mine.json().data).toEqual([{ id: laptop.id, assetTag: laptop.assetTag, name: "Portable de Jean", kindName: "Ordinateur portable", family: "computer" }]);
    expect((await call(tech.cookie, "GET", "/api/me/assets")).json().data).toEqual([]);
    const staff = await call(tech.cookie, "GET", `/api/assets?userId=${employee.user.id}`);
    expect(staff.json().data.map((a: AssetSummary) => a.id)).toEqual([laptop.id]);
  });
});
