import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Category, PortalCategory } from "../../../shared/api/categories.js";
import { DEFAULT_PRIORITY_MATRIX, priorityOf } from "../../../shared/domain/tickets.js";

type Caller = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("tickets filed under a category on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let tech: Caller;
  let requester: Caller;
  let hotline: number;
  let network: number;
  let printing: Category;
  let vpn: Category;
  let internal: Category;

  const call = (cookie: string, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const create = async (payload: object): Promise<Category> => {
    const res = await call(t.adminCookie, "POST", "/api/categories", { entityId: t.rootId, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    requester = await signedInUser(t, { entityId: lyon, role: "requester", recursive: false });
    const group = async (name: string) => (await call(t.adminCookie, "POST", "/api/groups", { name, entityId: t.rootId })).json().id as number;
    hotline = await group("Hotline N1");
    network = await group("Support N2 Réseau");
    const hardware = await create({ name: "Matériel", inPortal: false });
    printing = await create({ name: "Impression", parentId: hardware.id, portalLabel: "Je n'arrive plus à imprimer",
      description: "Bourrage, toner, imprimante introuvable", defaultType: "incident", defaultGroupId: hotline, defaultUrgency: 4, defaultImpact: 2 });
    const networkTop = await create({ name: "Réseau", portalLabel: "Un problème de réseau" });
    vpn = await create({ name: "VPN", parentId: networkTop.id, portalLabel: "Je n'arrive pas à me connecter à distance",
      defaultType: "request", defaultGroupId: network, defaultUrgency: 5, defaultImpact: 5 });
    internal = await create({ name: "Serveurs", inPortal: false, defaultGroupId: network });
  });
  afterAll(async () => { await t.close(); });

  it("fills type, group (so the ticket is assigned), urgency and impact from the category", async () => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { title: "VPN refusé depuis ce matin", requesterId: requester.user.id, categoryId: vpn.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      type: "request", groupId: network, groupName: "Support N2 Réseau", status: "assigned", urgency: 5, impact: 5,
      priority: priorityOf(DEFAULT_PRIORITY_MATRIX, 5, 5), categoryId: vpn.id, categoryName: "Réseau > VPN",
    });
  });

  it("keeps what the technician gave over the category's defaults", async () => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { title: "VPN lent", requesterId: requester.user.id, categoryId: vpn.id,
      type: "incident", groupId: hotline, urgency: 1, impact: 2 });
    expect(res.json()).toMatchObject({ type: "incident", groupId: hotline, urgency: 1, impact: 2,
      priority: priorityOf(DEFAULT_PRIORITY_MATRIX, 1, 2), categoryId: vpn.id });
  });

  it("leaves a ticket without a category as before: incident, new, medium", async () => {
    const res = await call(tech.cookie, "POST", "/api/tickets", { title: "Question diverse", requesterId: requester.user.id });
    expect(res.json()).toMatchObject({ type: "incident", status: "new", groupId: null, urgency: 3, impact: 3, categoryId: null, categoryName: null });
  });

  it("lists the portal's choices in plain words, grouped under their top-level category", async () => {
    const res = await call(requester.cookie, "GET", "/api/categories/portal");
    expect(res.statusCode).toBe(200);
    const choices: PortalCategory[] = res.json().data;
    expect(choices).toEqual([
      expect.objectContaining({ id: printing.id, label: "Je n'arrive plus à imprimer", topName: "Matériel", description: "Bourrage, toner, imprimante introuvable" }),
      expect.objectContaining({ label: "Un problème de réseau", topName: "Réseau" }),
      expect.objectContaining({ id: vpn.id, label: "Je n'arrive pas à me connecter à distance", topName: "Réseau" }),
    ]);
    expect(res.body).not.toContain("Serveurs");
    expect((await call(requester.cookie, "GET", "/api/categories")).statusCode).toBe(403);
    const other = await makeEntity(t.db, t.rootId, "Paris");
    expect((await call(requester.cookie, "GET", `/api/categories/portal?entityId=${other.id}`)).statusCode).toBe(403);
  });

  it("lets a requester open a ticket with a portal category, its defaults included", async () => {
    const res = await call(requester.cookie, "POST", "/api/tickets", { title: "L'imprimante du 2e ne répond plus", urgency: 2, categoryId: printing.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ requesterId: requester.user.id, channel: "portal", categoryName: "Matériel > Impression",
      type: "incident", groupId: hotline, status: "assigned", urgency: 2, impact: 2, priority: priorityOf(DEFAULT_PRIORITY_MATRIX, 2, 2) });
    const hidden = await call(requester.cookie, "POST", "/api/tickets", { title: "Serveur de fichiers", categoryId: internal.id });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("CATEGORY_NOT_FOUND");
  });
});
