import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { tagPatternProblem, type AssetKind } from "../../../shared/api/asset-references.js";

type Caller = { user: { id: number }; cookie: string };

describe("tagPatternProblem", () => {
  it("accepts literal text with {YYYY}, {YY}, {MM} and one counter of 1 to 10 #", () => {
    for (const ok of ["PC-{YYYY}-{#####}", "{#}", "LYON/{YY}{MM}.{##########}", "Écran {####}"]) expect(tagPatternProblem(ok), ok).toBeNull();
  });
  it("refuses no counter, two counters, unknown tokens, too many # and stray braces", () => {
    for (const bad of ["PC-{YYYY}", "{##}-{###}", "PC-{DD}-{###}", "{###########}", "PC-{###", "PC-}{###}", "PC {###} ;"]) {
      expect(tagPatternProblem(bad), bad).not.toBeNull();
    }
  });
});

describe.each(DIALECTS)("asset kinds API on %s", (dialect) => {
  let t: TestApp;
  let tech: Caller;
  let localSupervisor: Caller;
  let rootSupervisor: Caller;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    tech = await signedInUser(t, { entityId: lyon, role: "technician" });
    localSupervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
    rootSupervisor = await signedInUser(t, { entityId: t.rootId, role: "supervisor" });
  });
  afterAll(async () => { await t.close(); });

  const call = (cookie: string, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const list = async (query = "", cookie = t.adminCookie): Promise<AssetKind[]> => {
    const res = await call(cookie, "GET", `/api/asset-kinds${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data;
  };
  const create = async (payload: object, cookie = rootSupervisor.cookie): Promise<AssetKind> => {
    const res = await call(cookie, "POST", "/api/asset-kinds", payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("lists the 13 built-in kinds with their fields in order, to a technician too", async () => {
    const kinds = await list("", tech.cookie);
    expect(kinds.filter((k) => k.isBuiltin)).toHaveLength(13);
    const laptop = kinds.find((k) => k.code === "laptop");
    expect(laptop).toMatchObject({ family: "computer", tagPattern: "PC-{YYYY}-{#####}", isActive: true, isUsed: false });
    expect(laptop?.fields.map((f) => f.key)).toEqual(["cpu", "ram_gb", "disk_gb", "os", "hostname", "ip", "mac"]);
    const printer = kinds.find((k) => k.code === "printer");
    expect(printer?.fields.find((f) => f.key === "color")).toMatchObject({ fieldType: "choice", choices: ["Oui", "Non"], isBuiltin: true });
  });

  it("creates an admin's kind, refusing a bad pattern, an unknown family and a duplicate name", async () => {
    const tablet = await create({ name: "Tablette", family: "phone", tagPattern: "TAB-{YY}{MM}-{####}" });
    expect(tablet).toMatchObject({ code: null, isBuiltin: false, fields: [], tagPattern: "TAB-{YY}{MM}-{####}" });
    const badPattern = await call(rootSupervisor.cookie, "POST", "/api/asset-kinds", { name: "Badge", family: "other", tagPattern: "BDG-{YYYY}" });
    expect(badPattern.statusCode).toBe(400);
    expect(badPattern.json().error.issues[0]).toMatchObject({ path: "body.tagPattern" });
    expect((await call(rootSupervisor.cookie, "POST", "/api/asset-kinds", { name: "Badge", family: "vehicle" })).statusCode).toBe(400);
    const dup = await call(rootSupervisor.cookie, "POST", "/api/asset-kinds", { name: "TABLETTE", family: "other" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: "CONFLICT", issues: [{ path: "body.name" }] });
  });

  it("renames, changes the pattern of and deactivates a built-in kind, but never deletes it nor changes its family", async () => {
    const monitor = (await list()).find((k) => k.code === "monitor") as AssetKind;
    const changed = await call(rootSupervisor.cookie, "PATCH", `/api/asset-kinds/${monitor.id}`, { name: "Moniteur", tagPattern: "MON-{######}" });
    expect(changed.json()).toMatchObject({ name: "Moniteur", tagPattern: "MON-{######}", code: "monitor" });
    expect((await call(rootSupervisor.cookie, "PATCH", `/api/asset-kinds/${monitor.id}`, { family: "peripheral" })).json().error.code).toBe("BUILTIN_LOCKED");
    expect((await call(rootSupervisor.cookie, "PATCH", `/api/asset-kinds/${monitor.id}`, { isActive: false })).json().isActive).toBe(false);
    expect((await list()).some((k) => k.id === monitor.id)).toBe(false);
    expect((await list("?includeInactive=true")).some((k) => k.id === monitor.id)).toBe(true);
    const del = await call(rootSupervisor.cookie, "DELETE", `/api/asset-kinds/${monitor.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe("BUILTIN_LOCKED");
  });

  it("deletes an unused admin kind, refuses one an asset uses", async () => {
    const drone = await create({ name: "Drone", family: "other" });
    const kiosk = await create({ name: "Borne", family: "other", tagPattern: "BOR-{###}" });
    const at = new Date().toISOString();
    await t.db.insertInto("asset").values({ entity_id: t.rootId, kind_id: kiosk.id, name: "Borne hall", asset_tag: "BOR-001", status: "in_use",
      version: 1, created_at: at, updated_at: at }).execute();
    const used = await call(rootSupervisor.cookie, "DELETE", `/api/asset-kinds/${kiosk.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.code).toBe("REFERENCE_IN_USE");
    expect((await call(rootSupervisor.cookie, "DELETE", `/api/asset-kinds/${drone.id}`)).statusCode).toBe(204);
    expect((await list("?includeInactive=true")).some((k) => k.id === drone.id)).toBe(false);
  });

  it("adds, edits, reorders and deletes custom fields; a choice needs options; a built-in field stays", async () => {
    const kind = await create({ name: "Vidéoprojecteur", family: "peripheral" });
    const url = `/api/asset-kinds/${kind.id}/fields`;
    const noOptions = await call(rootSupervisor.cookie, "POST", url, { label: "Connectique", fieldType: "choice" });
    expect(noOptions.statusCode).toBe(400);
    expect(noOptions.json().error.issues[0].path).toBe("body.choices");
    await call(rootSupervisor.cookie, "POST", url, { label: "Connectique", fieldType: "choice", choices: ["HDMI", "VGA"], isRequired: true });
    await call(rootSupervisor.cookie, "POST", url, { label: "Heures de lampe", fieldType: "number" });
    const added = await call(rootSupervisor.cookie, "POST", url, { label: "Date de révision", fieldType: "date" });
    expect(added.statusCode).toBe(201);
    const fields = (added.json() as AssetKind).fields;
    expect(fields.map((f) => [f.key, f.fieldType, f.position])).toEqual([["connectique", "choice", 0], ["heures_de_lampe", "number", 1], ["date_de_revision", "date", 2]]);
    expect(fields[0]).toMatchObject({ choices: ["HDMI", "VGA"], isRequired: true, isBuiltin: false });
    const dupKey = await call(rootSupervisor.cookie, "POST", url, { label: "Connectique", fieldType: "text" });
    expect(dupKey.statusCode).toBe(409);

    const [choice, lamp, revision] = fields as [typeof fields[0], typeof fields[0], typeof fields[0]];
    const edited = await call(rootSupervisor.cookie, "PATCH", `${url}/${choice.id}`, { label: "Entrées", choices: ["HDMI", "VGA", "USB-C"], isRequired: false });
    expect(edited.json().fields[0]).toMatchObject({ key: "connectique", label: "Entrées", choices: ["HDMI", "VGA", "USB-C"], isRequired: false });
    expect((await call(rootSupervisor.cookie, "PATCH", `${url}/${choice.id}`, { choices: [] })).statusCode).toBe(400);
    expect((await call(rootSupervisor.cookie, "PATCH", `${url}/${lamp.id}`, { choices: ["a"] })).statusCode).toBe(400);

    const reordered = await call(rootSupervisor.cookie, "PUT", `${url}/order`, { fieldIds: [revision.id, choice.id, lamp.id] });
    expect(reordered.json().fields.map((f: { id: number }) => f.id)).toEqual([revision.id, choice.id, lamp.id]);
    expect((await call(rootSupervisor.cookie, "PUT", `${url}/order`, { fieldIds: [revision.id, choice.id] })).statusCode).toBe(400);
    const history = (await call(t.adminCookie, "GET", `/api/history/asset_kind/${kind.id}`)).json().data;
    expect(history[0]).toMatchObject({ field: "fieldOrder", oldValue: "connectique, heures_de_lampe, date_de_revision",
      newValue: "date_de_revision, connectique, heures_de_lampe" });

    expect((await call(rootSupervisor.cookie, "DELETE", `${url}/${lamp.id}`)).statusCode).toBe(204);
    expect((await list()).find((k) => k.id === kind.id)?.fields.map((f) => f.key)).toEqual(["date_de_revision", "connectique"]);

    const laptop = (await list()).find((k) => k.code === "laptop") as AssetKind;
    const builtin = laptop.fields[0] as AssetKind["fields"][0];
    const locked = await call(rootSupervisor.cookie, "DELETE", `/api/asset-kinds/${laptop.id}/fields/${builtin.id}`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe("BUILTIN_LOCKED");
    expect((await call(rootSupervisor.cookie, "PATCH", `/api/asset-kinds/${laptop.id}/fields/${builtin.id}`, { label: "CPU" })).json().fields[0].label).toBe("CPU");
    // A field asked for under another kind is not found.
    expect((await call(rootSupervisor.cookie, "PATCH", `/api/asset-kinds/${laptop.id}/fields/${choice.id}`, { label: "X" })).statusCode).toBe(404);
  });

  it("lets only those managing the fleet at the root change kinds, the global list", async () => {
    const kind = (await list())[0] as AssetKind;
    expect((await call(localSupervisor.cookie, "GET", "/api/asset-kinds")).json().canManage).toBe(false);
    expect((await call(rootSupervisor.cookie, "GET", "/api/asset-kinds")).json().canManage).toBe(true);
    for (const caller of [tech, localSupervisor]) {
      expect((await call(caller.cookie, "POST", "/api/asset-kinds", { name: "Interdit", family: "other" })).statusCode).toBe(403);
      expect((await call(caller.cookie, "PATCH", `/api/asset-kinds/${kind.id}`, { name: "Interdit" })).statusCode).toBe(403);
      expect((await call(caller.cookie, "POST", `/api/asset-kinds/${kind.id}/fields`, { label: "Interdit", fieldType: "text" })).statusCode).toBe(403);
    }
    expect((await call(rootSupervisor.cookie, "PATCH", "/api/asset-kinds/99999", { name: "Fantôme" })).statusCode).toBe(404);
  });
});
