import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Ticket } from "../../../shared/api/tickets.js";

type Person = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("GET /api/tickets filters on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let atelier: number;
  let paris: number;
  let tech: Person;
  let other: Person;
  let alice: Person;
  let bob: Person;
  let groupId: number;
  let categoryId: number;
  const made: Record<string, number> = {};

  const list = async (query: string, who: Person = tech): Promise<Ticket[]> => {
    const res = await t.app.inject({ url: `/api/tickets?limit=200&${query}`, headers: { cookie: who.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const named = async (query: string) => (await list(query)).map((x) => x.title).sort();

  async function open(title: string, payload: object, fields: Record<string, unknown> = {}) {
    const res = await t.app.inject({ method: "POST", url: "/api/tickets", headers: { cookie: t.adminCookie },
      payload: { title, requesterId: alice.user.id, ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    // Fields no API sets directly on creation (a creation date in the past, a level, a category).
    if (Object.keys(fields).length) await t.db.updateTable("ticket").set(fields).where("id", "=", id).execute();
    made[title] = id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    atelier = (await makeEntity(t.db, lyon, "Atelier")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    tech = await signedInUser(t, { entityId: t.rootId, role: "technician" });
    other = await signedInUser(t, { entityId: t.rootId, role: "technician" });
    alice = await signedInUser(t, { entityId: lyon, role: "requester" });
    bob = await signedInUser(t, { entityId: paris, role: "requester" });
    groupId = (await t.app.inject({ method: "POST", url: "/api/groups", headers: { cookie: t.adminCookie },
      payload: { name: "Réseau", entityId: t.rootId, recursive: true } })).json().id;
    const at = new Date().toISOString();
    categoryId = (await t.db.insertInto("ticket_category").values({ entity_id: t.rootId, parent_id: null, name: "Impression",
      complete_name: "Impression", depth: 0, portal_label: null, description: null, default_type: null, default_group_id: null,
      default_urgency: null, default_impact: null, in_portal: 1, is_active: 1, created_at: at, updated_at: at })
      .returning("id").executeTakeFirstOrThrow()).id;

    await open("Imprimante bloquée", { channel: "phone", type: "incident", urgency: 5, impact: 5, entityId: lyon },
      { category_id: categoryId, created_at: "2026-01-10T08:00:00.000Z" });
    await open("Demande d'écran", { channel: "portal", type: "request", urgency: 1, impact: 1, assigneeId: tech.user.id, entityId: atelier },
      { created_at: "2026-01-20T08:00:00.000Z" });
    await open("VPN_100% coupé", { channel: "email", type: "incident", groupId, requesterId: bob.user.id, entityId: paris,
      dueAt: "2026-02-01T00:00:00.000Z" }, { level: 2, created_at: "2026-02-05T08:00:00.000Z" });
    await open("Wi-Fi lent en salle B", { channel: "phone", type: "incident", assigneeId: other.user.id, entityId: lyon,
      dueAt: "2026-03-01T00:00:00.000Z" }, { category_id: categoryId, created_at: "2026-02-10T08:00:00.000Z" });
  });
  afterAll(async () => { await t.close(); });

  it("filters on channel, type, level, category and priority, alone and together", async () => {
    expect(await named("view=all&channel=phone")).toEqual(["Imprimante bloquée", "Wi-Fi lent en salle B"]);
    expect(await named("view=all&channel=email,portal")).toEqual(["Demande d'écran", "VPN_100% coupé"]);
    expect(await named("view=all&type=request")).toEqual(["Demande d'écran"]);
    expect(await named("view=all&level=2")).toEqual(["VPN_100% coupé"]);
    expect(await named(`view=all&categoryId=${categoryId}`)).toEqual(["Imprimante bloquée", "Wi-Fi lent en salle B"]);
    expect(await named(`view=all&categoryId=${categoryId}&priority=5`)).toEqual(["Imprimante bloquée"]);
    expect(await named(`view=all&categoryId=${categoryId}&channel=email`)).toEqual([]);
  });

  it("filters on who asked, who works on it, the team and the entity with its sub-entities", async () => {
    expect(await named(`view=all&requesterId=${bob.user.id}`)).toEqual(["VPN_100% coupé"]);
    expect(await named(`view=all&assigneeId=${other.user.id}`)).toEqual(["Wi-Fi lent en salle B"]);
    expect(await named(`view=all&groupId=${groupId}`)).toEqual(["VPN_100% coupé"]);
    expect(await named(`view=all&entityId=${lyon}`)).toEqual(["Demande d'écran", "Imprimante bloquée", "Wi-Fi lent en salle B"]);
    expect(await named(`view=all&entityId=${atelier}`)).toEqual(["Demande d'écran"]);
    expect(await named(`view=unassigned&entityId=${lyon}&channel=phone`)).toEqual(["Imprimante bloquée"]);
  });

  it("filters on the creation period and the due date", async () => {
    expect(await named("view=all&createdFrom=2026-01-15&createdBefore=2026-02-06")).toEqual(["Demande d'écran", "VPN_100% coupé"]);
    expect(await named("view=all&createdFrom=2026-02-10T08:00:00Z")).toEqual(["Wi-Fi lent en salle B"]);
    expect(await named("view=all&createdBefore=2026-01-10T08:00:00.001Z")).toEqual(["Imprimante bloquée"]);
    expect(await named("view=all&dueBefore=2026-02-15")).toEqual(["VPN_100% coupé"]);
    expect(await named("view=open&dueBefore=2027-01-01")).toEqual(["VPN_100% coupé", "Wi-Fi lent en salle B"]);
  });

  it("finds words in the title whatever their case, taking % and _ literally", async () => {
    expect(await named("view=all&q=IMPRIMANTE")).toEqual(["Imprimante bloquée"]);
    expect(await named("view=all&q=lent%20en")).toEqual(["Wi-Fi lent en salle B"]);
    expect(await named(`view=all&q=${encodeURIComponent("_100%")}`)).toEqual(["VPN_100% coupé"]);
    expect(await named(`view=all&q=${encodeURIComponent("%")}`)).toEqual(["VPN_100% coupé"]);
    expect(await named("view=all&q=&channel=portal")).toEqual(["Demande d'écran"]);
  });

  it("keeps the entity scope under every filter: a technician of Paris sees Paris only", async () => {
    const parisTech = await signedInUser(t, { entityId: paris, role: "technician" });
    expect((await list(`view=all&channel=phone,email&entityId=${lyon}`, parisTech)).map((x) => x.title)).toEqual([]);
    expect((await list("view=all&q=vpn", parisTech)).map((x) => x.title)).toEqual(["VPN_100% coupé"]);
    expect((await list("view=all&q=i", parisTech)).map((x) => x.title)).toEqual([]);
    expect((await list("view=all&q=i", alice)).map((x) => x.title).sort()).toEqual(["Imprimante bloquée", "Wi-Fi lent en salle B"]);
  });

  it("sorts by creation or priority and pages a filtered list without repeats or gaps", async () => {
    expect((await list("view=all&sort=created")).map((x) => x.id)).toEqual(
      [made["Wi-Fi lent en salle B"], made["VPN_100% coupé"], made["Demande d'écran"], made["Imprimante bloquée"]]);
    const byPriority = await list("view=all&sort=priority");
    expect(byPriority.map((x) => x.priority)).toEqual([...byPriority.map((x) => x.priority)].sort((a, b) => b - a));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/tickets?view=all&channel=phone,email,portal&sort=created&limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await t.app.inject({ url, headers: { cookie: tech.cookie } })).json();
      expect(page.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.data.map((x: Ticket) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual((await list("view=all&sort=created")).map((x) => x.id));
  });

  it("answers 400 naming every bad filter", async () => {
    const res = await t.app.inject({ url: "/api/tickets?channel=pigeon&createdFrom=hier&dueBefore=31/12/2026&categoryId=x",
      headers: { cookie: tech.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path.split(".").slice(0, 2).join(".")).sort())
      .toEqual(["query.categoryId", "query.channel", "query.createdFrom", "query.dueBefore"]);
  });
});
