import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { SavedView } from "../../../shared/api/saved-views.js";

type Person = { user: { id: number }; cookie: string };

describe.each(DIALECTS)("saved views API on %s", (dialect) => {
  let t: TestApp;
  let nina: Person;
  let rachid: Person;

  const call = (who: Person, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload ? { payload } : {}) });
  const create = async (who: Person, payload: object): Promise<SavedView> => {
    const res = await call(who, "POST", "/api/saved-views", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const names = async (who: Person) => ((await call(who, "GET", "/api/saved-views")).json().data as SavedView[]).map((v) => v.name);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    nina = await signedInUser(t, { entityId: lyon, role: "technician" });
    rachid = await signedInUser(t, { entityId: lyon, role: "technician" });
  });
  afterAll(async () => { await t.close(); });

  it("saves filters and columns under a name, and lists my views by name", async () => {
    const view = await create(nina, { name: "Urgences réseau", query: { view: "open", priority: "4,5", channel: "phone" },
      columns: ["number", "title", "priority", "assignee"] });
    expect(view).toMatchObject({ name: "Urgences réseau", query: { view: "open", priority: "4,5", channel: "phone" },
      columns: ["number", "title", "priority", "assignee"] });
    await create(nina, { name: "Non assignés", query: { view: "unassigned" } });
    expect(await names(nina)).toEqual(["Non assignés", "Urgences réseau"]);
    const stored = (await call(nina, "GET", "/api/saved-views")).json().data.find((v: SavedView) => v.name === "Non assignés");
    expect(stored.columns).toBeNull();
    // The saved query opens the queue as it is.
    const queue = await call(nina, "GET", `/api/tickets?${new URLSearchParams(view.query).toString()}`);
    expect(queue.statusCode).toBe(200);
  });

  it("refuses a second view of the same name for the same user, not for another user", async () => {
    await create(nina, { name: "Mes retards", query: { view: "late" } });
    const again = await call(nina, "POST", "/api/saved-views", { name: "  Mes retards ", query: { view: "all" } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("VIEW_NAME_TAKEN");
    await create(rachid, { name: "Mes retards", query: { view: "late" } });
  });

  it("renames a view and replaces its filters or columns; a rename onto another view's name is refused", async () => {
    const view = await create(nina, { name: "Imprimantes", query: { view: "all", q: "imprimante" } });
    const renamed = await call(nina, "PATCH", `/api/saved-views/${view.id}`, { name: "Imprimantes du siège" });
    expect(renamed.json()).toMatchObject({ name: "Imprimantes du siège", query: { view: "all", q: "imprimante" } });
    const changed = await call(nina, "PATCH", `/api/saved-views/${view.id}`, { query: { view: "open", q: "toner" }, columns: ["title", "due"] });
    expect(changed.json()).toMatchObject({ name: "Imprimantes du siège", query: { view: "open", q: "toner" }, columns: ["title", "due"] });
    const back = await call(nina, "PATCH", `/api/saved-views/${view.id}`, { columns: null });
    expect(back.json().columns).toBeNull();
    const taken = await call(nina, "PATCH", `/api/saved-views/${view.id}`, { name: "Mes retards" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("VIEW_NAME_TAKEN");
    const same = await call(nina, "PATCH", `/api/saved-views/${view.id}`, { name: "Imprimantes du siège" });
    expect(same.statusCode).toBe(200);
  });

  it("keeps views private: another user's view is not listed and is not found to change or delete", async () => {
    const view = await create(nina, { name: "Privée", query: { view: "mine" } });
    expect(await names(rachid)).not.toContain("Privée");
    for (const res of [
      await call(rachid, "PATCH", `/api/saved-views/${view.id}`, { name: "Volée" }),
      await call(rachid, "DELETE", `/api/saved-views/${view.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("SAVED_VIEW_NOT_FOUND");
    }
    expect(await names(nina)).toContain("Privée");
    expect((await call(nina, "DELETE", `/api/saved-views/${view.id}`)).statusCode).toBe(204);
    expect(await names(nina)).not.toContain("Privée");
    expect((await call(nina, "DELETE", `/api/saved-views/${view.id}`)).statusCode).toBe(404);
  });

  it("checks the query with the queue's own rules and the columns against the known ones", async () => {
    const res = await call(nina, "POST", "/api/saved-views", {
      name: "Cassée", query: { view: "someday", status: "lost", cursor: "abc", color: "red" }, columns: ["title", "mood", "title"],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.query.view", "body.query.status.0", "body.query.cursor", "body.query.color", "body.columns.1"]));
    const twice = await call(nina, "POST", "/api/saved-views", { name: "Deux fois", query: {}, columns: ["title", "title"] });
    expect(twice.statusCode).toBe(400);
    const empty = await call(nina, "POST", "/api/saved-views", { name: "   ", query: {} });
    expect(empty.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["body.name"]);
    const badPatch = await call(nina, "PATCH", "/api/saved-views/999999", { query: { priority: "9" } });
    expect(badPatch.statusCode).toBe(400);
  });

  describe("asset views (scope=assets)", () => {
    const assetNames = async (who: Person) =>
      ((await call(who, "GET", "/api/saved-views?scope=assets")).json().data as SavedView[]).map((v) => v.name);

    it("saves the asset list's filters and columns, listed apart from the queue's views", async () => {
      const view = await create(nina, { scope: "assets", name: "PC en service", query: { family: "computer", status: "in_use,in_repair",
        sort: "warranty", order: "asc", includeDisposed: "true", q: "PC" }, columns: ["tag", "name", "serial", "warranty", "value"] });
      expect(view).toMatchObject({ scope: "assets", name: "PC en service", columns: ["tag", "name", "serial", "warranty", "value"],
        query: { family: "computer", status: "in_use,in_repair", sort: "warranty", order: "asc", includeDisposed: "true", q: "PC" } });
      await create(nina, { scope: "assets", name: "Tout le parc", query: {} });
      expect(await assetNames(nina)).toEqual(["PC en service", "Tout le parc"]);
      expect(await names(nina)).not.toContain("PC en service");
      const queueViews = (await call(nina, "GET", "/api/saved-views")).json().data as SavedView[];
      expect(queueViews.every((v) => v.scope === "tickets")).toBe(true);
      // The saved query opens the asset list as it is.
      const list = await call(nina, "GET", `/api/assets?${new URLSearchParams(view.query).toString()}`);
      expect(list.statusCode, list.body).toBe(200);
      expect((await call(nina, "GET", "/api/saved-views?scope=printers")).statusCode).toBe(400);
    });

    it("keeps names unique per user and per list: the same name may name a queue view and an asset view", async () => {
      await create(nina, { name: "Lyon", query: { view: "open" } });
      await create(nina, { scope: "assets", name: "Lyon", query: { family: "printer" } });
      const again = await call(nina, "POST", "/api/saved-views", { scope: "assets", name: "Lyon ", query: {} });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("VIEW_NAME_TAKEN");
      const other = await create(nina, { scope: "assets", name: "Lyon bis", query: {} });
      const rename = await call(nina, "PATCH", `/api/saved-views/${other.id}`, { name: "Lyon" });
      expect(rename.json().error.code).toBe("VIEW_NAME_TAKEN");
      await create(rachid, { scope: "assets", name: "Lyon", query: {} });
    });

    it("checks the query with the asset list's rules and the columns against the asset columns", async () => {
      const res = await call(nina, "POST", "/api/saved-views", { scope: "assets", name: "Cassée",
        query: { family: "spaceship", priority: "4", cursor: "abc", sort: "due" }, columns: ["tag", "title", "tag"] });
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.issues.map((i: { path: string }) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["body.query.family", "body.query.priority", "body.query.cursor", "body.query.sort", "body.columns.1"]));
      const twice = await call(nina, "POST", "/api/saved-views", { scope: "assets", name: "Deux fois", query: {}, columns: ["tag", "tag"] });
      expect(twice.statusCode).toBe(400);
      const badScope = await call(nina, "POST", "/api/saved-views", { scope: "printers", name: "X", query: {} });
      expect(badScope.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["body.scope"]);
      // A queue filter fits the queue, not an asset view; asset columns do not fit a queue view.
      const assetView = await create(nina, { scope: "assets", name: "À changer", query: {} });
      const queueFilter = await call(nina, "PATCH", `/api/saved-views/${assetView.id}`, { query: { view: "late" }, columns: ["title"] });
      expect(queueFilter.statusCode).toBe(400);
      expect(queueFilter.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(["body.query.view", "body.columns.0"]));
      const queueView = await create(nina, { name: "File à changer", query: {} });
      const assetColumns = await call(nina, "PATCH", `/api/saved-views/${queueView.id}`, { columns: ["tag", "serial"] });
      expect(assetColumns.statusCode).toBe(400);
      const changed = await call(nina, "PATCH", `/api/saved-views/${assetView.id}`, { query: { status: "in_stock" }, columns: ["name", "tag"] });
      expect(changed.json()).toMatchObject({ scope: "assets", query: { status: "in_stock" }, columns: ["name", "tag"] });
    });

    it("keeps asset views private too", async () => {
      const view = await create(nina, { scope: "assets", name: "Mes écrans", query: { family: "monitor" } });
      expect(await assetNames(rachid)).not.toContain("Mes écrans");
      for (const res of [
        await call(rachid, "PATCH", `/api/saved-views/${view.id}`, { name: "Volée" }),
        await call(rachid, "DELETE", `/api/saved-views/${view.id}`),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe("SAVED_VIEW_NOT_FOUND");
      }
      expect((await call(nina, "DELETE", `/api/saved-views/${view.id}`)).statusCode).toBe(204);
      expect(await assetNames(nina)).not.toContain("Mes écrans");
    });
  });
});
