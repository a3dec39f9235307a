import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Entity } from "../../../shared/api/entities.js";
import type { InventoryAgent, InventoryImport } from "../../../shared/api/inventory-agents.js";
import { MATCH_CRITERIA as SHARED_CRITERIA } from "../../../shared/api/inventory-settings.js";
import { DEFAULT_MATCH_RULES, MATCH_CRITERIA } from "./identity/match-rules.js";
import { inventorySettings } from "./store/inventory-settings.js";

type Page<T> = { data: T[]; nextCursor: string | null };

it("offers the web app the reconciliation's criteria, in the same order", () => {
  expect([...SHARED_CRITERIA]).toEqual([...MATCH_CRITERIA]);
});

describe.each(DIALECTS)("import rules, entity agent tags and the import log's decisions on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  let lyonTech: { cookie: string };
  let lyonAdmin: { cookie: string };

  const call = (method: "GET" | "PUT" | "DELETE" | "PATCH", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  async function makeAsset(entityId: number, tag: string): Promise<number> {
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    return (await t.db.insertInto("asset").values({ entity_id: entityId, kind_id: kind.id, name: `Poste ${tag}`, asset_tag: tag, status: "in_use",
      version: 1, created_at: at, updated_at: at }).returning("id").executeTakeFirstOrThrow()).id;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
    lyonTech = await signedInUser(t, { entityId: lyon, role: "technician" });
    // An admin of a sub-entity is not an admin of the whole organisation.
    lyonAdmin = await signedInUser(t, { entityId: lyon, role: "admin" });
  });
  afterAll(async () => { await t.close(); });

  describe("GET, PUT and DELETE /api/inventory/match-rules", () => {
    const reordered = [
      { criteria: ["serial"], enabled: true },
      { criteria: ["uuid", "serial"], enabled: true },
      { criteria: ["mac"], enabled: false },
      { criteria: ["name"], enabled: true },
    ];

    it("shows the built-in rules until an admin saves others, to a technician too (who may not change them)", async () => {
      const res = await call("GET", "/api/inventory/match-rules", lyonTech.cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ rules: DEFAULT_MATCH_RULES, isDefault: true, canManage: false });
      expect((await call("GET", "/api/inventory/match-rules", t.adminCookie)).json()).toMatchObject({ canManage: true });
      for (const cookie of [lyonTech.cookie, lyonAdmin.cookie]) {
        expect((await call("PUT", "/api/inventory/match-rules", cookie, { rules: reordered })).statusCode).toBe(403);
        expect((await call("DELETE", "/api/inventory/match-rules", cookie)).statusCode).toBe(403);
      }
      const requester = await signedInUser(t, { entityId: lyon, role: "requester" });
      expect((await call("GET", "/api/inventory/match-rules", requester.cookie)).statusCode).toBe(403);
    });

    it("saves the admin's order and switches; the next inventory reads them, and the root's history keeps the change", async () => {
      const res = await call("PUT", "/api/inventory/match-rules", t.adminCookie, { rules: reordered });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ rules: reordered, isDefault: false, canManage: true });
      expect((await call("GET", "/api/inventory/match-rules", lyonTech.cookie)).json()).toEqual({ rules: reordered, isDefault: false, canManage: false });
      expect((await inventorySettings(t.db)).matchRules).toEqual(reordered);
      // Saving again replaces them (the setting row is updated, not duplicated).
      const again = await call("PUT", "/api/inventory/match-rules", t.adminCookie, { rules: reordered.slice(0, 2) });
      expect(again.json().rules).toHaveLength(2);
      const history = await t.db.selectFrom("history").select(["old_value", "new_value"]).where("record_type", "=", "entity")
        .where("record_id", "=", t.rootId).where("field", "=", "inventoryMatchRules").orderBy("id").execute();
      expect(history).toEqual([
        { old_value: "serial + uuid; serial; uuid; mac; name", new_value: "serial; uuid + serial; mac (off); name" },
        { old_value: "serial; uuid + serial; mac (off); name", new_value: "serial; uuid + serial" },
      ]);
    });

    it("refuses a rule without criteria or with the same criterion twice, and two rules alike, pointing at the rule", async () => {
      const cases: [unknown[], string][] = [
        [[{ criteria: ["serial"] }, { criteria: [] }], "body.rules.1.criteria"],
        [[{ criteria: ["mac", "mac"] }], "body.rules.0.criteria"],
        [[{ criteria: ["serial", "uuid"] }, { criteria: ["name"] }, { criteria: ["uuid", "serial"] }], "body.rules.2.criteria"],
        [[{ criteria: ["barcode"] }], "body.rules.0.criteria.0"],
        [[{ criteria: ["name"], enabled: true, extra: 1 }], "body.rules.0"],
      ];
      for (const [rules, path] of cases) {
        const res = await call("PUT", "/api/inventory/match-rules", t.adminCookie, { rules });
        expect(res.statusCode, JSON.stringify(rules)).toBe(400);
        expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(path);
      }
      expect((await call("PUT", "/api/inventory/match-rules", t.adminCookie, {})).statusCode).toBe(400);
      expect((await call("GET", "/api/inventory/match-rules", t.adminCookie)).json().rules).toHaveLength(2);
    });

    it("goes back to the built-in rules on DELETE", async () => {
      const res = await call("DELETE", "/api/inventory/match-rules", t.adminCookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ rules: DEFAULT_MATCH_RULES, isDefault: true, canManage: true });
      expect((await inventorySettings(t.db)).matchRules).toEqual(DEFAULT_MATCH_RULES);
      expect((await call("DELETE", "/api/inventory/match-rules", t.adminCookie)).statusCode).toBe(200);
    });
  });

  describe("the entity's agent tag", () => {
    it("is set trimmed, shown, removed with null or an empty text, and another entity cannot take it (409)", async () => {
      const set = await call("PATCH", `/api/entities/${lyon}`, t.adminCookie, { inventoryTag: "  LYON-SIEGE_2.0 " });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json<Entity>().inventoryTag).toBe("LYON-SIEGE_2.0");
      expect((await call("GET", `/api/entities/${lyon}`, lyonTech.cookie)).json<Entity>().inventoryTag).toBe("LYON-SIEGE_2.0");

      const taken = await call("PATCH", `/api/entities/${paris}`, t.adminCookie, { inventoryTag: "LYON-SIEGE_2.0" });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error).toMatchObject({ code: "INVENTORY_TAG_TAKEN", issues: [{ path: "body.inventoryTag" }] });
      // Saving the entity's own tag again is no conflict.
      expect((await call("PATCH", `/api/entities/${lyon}`, t.adminCookie, { inventoryTag: "LYON-SIEGE_2.0", town: "Lyon" })).statusCode).toBe(200);

      for (const bad of ["Lyon Siège", "a/b", "x".repeat(101)]) {
        const res = await call("PATCH", `/api/entities/${paris}`, t.adminCookie, { inventoryTag: bad });
        expect(res.statusCode, bad).toBe(400);
        expect(res.json().error.issues[0].path).toBe("body.inventoryTag");
      }
      expect((await call("PATCH", `/api/entities/${lyon}`, lyonTech.cookie, { inventoryTag: "MINE" })).statusCode).toBe(403);

      const cleared = await call("PATCH", `/api/entities/${lyon}`, t.adminCookie, { inventoryTag: "" });
      expect(cleared.json<Entity>().inventoryTag).toBeNull();
      expect((await call("PATCH", `/api/entities/${paris}`, t.adminCookie, { inventoryTag: "LYON-SIEGE_2.0" })).json<Entity>().inventoryTag).toBe("LYON-SIEGE_2.0");
      expect((await call("PATCH", `/api/entities/${paris}`, t.adminCookie, { inventoryTag: null })).json<Entity>().inventoryTag).toBeNull();
      const history = await t.db.selectFrom("history").select(["old_value", "new_value"]).where("record_type", "=", "entity")
        .where("record_id", "=", lyon).where("field", "=", "inventoryTag").orderBy("id").execute();
      expect(history).toEqual([{ old_value: null, new_value: "LYON-SIEGE_2.0" }, { old_value: "LYON-SIEGE_2.0", new_value: null }]);
    });
  });

  describe("GET /api/inventory/imports and /api/inventory/agents: the decisions", () => {
    let lyonAsset: number;
    let parisAsset: number;

    beforeAll(async () => {
      lyonAsset = await makeAsset(lyon, "PC-0042");
      parisAsset = await makeAsset(paris, "PC-PARIS-7");
      const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes)).toISOString();
      const agent = await t.db.insertInto("inventory_agent").values({ device_id: "pc-0042-2026-11-01", entity_id: lyon, name: "FusionInventory-Agent",
        version: "2.6", last_ip: "10.0.0.42", last_contact_at: at(30), last_inventory_at: at(30), asset_id: lyonAsset, tag: "LYON",
        created_at: at(0) }).returning("id").executeTakeFirstOrThrow();
      // This one's machine was since moved to Paris: Lyon's technicians see the agent, not the asset.
      await t.db.insertInto("inventory_agent").values({ device_id: "pc-moved-2026-11-01", entity_id: lyon, name: "GLPI-Agent", version: "1.11",
        last_ip: null, last_contact_at: at(20), last_inventory_at: at(20), asset_id: parisAsset, tag: null, created_at: at(0) }).execute();
      const line = (minutes: number, values: Partial<{ query: string; outcome: "received" | "refused"; reason: string; detail: string; asset_id: number;
        decision: "match" | "create" | "refuse"; rule: string; trace: string }>) => ({
        agent_id: agent.id, entity_id: lyon, device_id: "pc-0042-2026-11-01", ip: "10.0.0.42", query: "INVENTORY", outcome: "received" as const,
        reason: null, detail: null, asset_id: null, decision: null, rule: null, trace: null, received_at: at(minutes), ...values,
      });
      await t.db.insertInto("inventory_import").values([
        line(1, { query: "PROLOG" }),
        line(2, { decision: "create", asset_id: lyonAsset, detail: "new asset: no asset matched by serial + uuid, serial",
          trace: "serial + uuid: no asset\nserial: no asset" }),
        line(3, { decision: "match", asset_id: lyonAsset, rule: "serial + uuid", detail: "matched asset PC-0042 by serial ABC and uuid 42",
          trace: "serial + uuid: asset PC-0042" }),
        line(4, { outcome: "refused", decision: "refuse", reason: "MATCH_AMBIGUOUS", rule: "mac",
          detail: "refused: assets PC-0042, PC-0043 all match by mac 00:11:22:33:44:55; a person must choose",
          trace: "serial + uuid: skipped, the inventory has no usable serial\nmac: 2 assets (PC-0042, PC-0043)" }),
        line(5, { decision: "match", asset_id: parisAsset, rule: "serial" }),
      ]).execute();
    });

    const get = async <T>(url: string, cookie = t.adminCookie): Promise<Page<T>> => {
      const res = await call("GET", url, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    it("gives each inventory its decision, asset, rule and trace lines, newest first", async () => {
      const log = await get<InventoryImport>("/api/inventory/imports", lyonTech.cookie);
      expect(log.data.map((e) => [e.query, e.decision, e.assetTag])).toEqual([
        ["INVENTORY", "match", null], ["INVENTORY", "refuse", null], ["INVENTORY", "match", "PC-0042"], ["INVENTORY", "create", "PC-0042"], ["PROLOG", null, null],
      ]);
      expect(log.data[2]).toMatchObject({ assetId: lyonAsset, rule: "serial + uuid", trace: ["serial + uuid: asset PC-0042"] });
      expect(log.data[1]).toMatchObject({ outcome: "refused", reason: "MATCH_AMBIGUOUS", rule: "mac", assetId: null,
        trace: ["serial + uuid: skipped, the inventory has no usable serial", "mac: 2 assets (PC-0042, PC-0043)"] });
      expect(log.data[4]).toMatchObject({ decision: null, assetId: null, rule: null, trace: [] });
      // The asset moved to Paris is not Lyon's technician's to see; the admin sees it.
      expect(log.data[0]).toMatchObject({ decision: "match", assetId: null, assetTag: null, rule: "serial" });
      expect((await get<InventoryImport>("/api/inventory/imports")).data[0]).toMatchObject({ assetId: parisAsset, assetTag: "PC-PARIS-7" });
    });

    it("keeps the refused ones, or one decision, alone; and walks them with a cursor", async () => {
      const refused = await get<InventoryImport>("/api/inventory/imports?outcome=refused", lyonTech.cookie);
      expect(refused.data.map((e) => e.reason)).toEqual(["MATCH_AMBIGUOUS"]);
      const matched = await get<InventoryImport>("/api/inventory/imports?decision=match&limit=1", lyonTech.cookie);
      expect(matched.data.map((e) => e.rule)).toEqual(["serial"]);
      const next = await get<InventoryImport>(`/api/inventory/imports?decision=match&limit=1&cursor=${matched.nextCursor}`, lyonTech.cookie);
      expect(next.data.map((e) => e.rule)).toEqual(["serial + uuid"]);
      expect(next.nextCursor).toBeNull();
      expect((await get<InventoryImport>("/api/inventory/imports?decision=create", lyonTech.cookie)).data).toHaveLength(1);
      expect((await call("GET", "/api/inventory/imports?decision=merge", t.adminCookie)).statusCode).toBe(400);
    });

    it("lists each agent with its asset (when readable) and the tag it sent", async () => {
      const agents = await get<InventoryAgent>("/api/inventory/agents?days=3650", lyonTech.cookie);
      expect(agents.data.map((a) => [a.deviceId, a.assetId, a.assetTag, a.tag])).toEqual([
        ["pc-0042-2026-11-01", lyonAsset, "PC-0042", "LYON"], ["pc-moved-2026-11-01", null, null, null],
      ]);
      const all = await get<InventoryAgent>("/api/inventory/agents?days=3650");
      expect(all.data[1]).toMatchObject({ assetId: parisAsset, assetTag: "PC-PARIS-7" });
    });

    it("shows nothing of Lyon's log nor agents to a technician of Paris", async () => {
      const parisTech = await signedInUser(t, { entityId: paris, role: "technician" });
      expect((await get("/api/inventory/imports", parisTech.cookie)).data).toEqual([]);
      expect((await get("/api/inventory/imports?decision=match", parisTech.cookie)).data).toEqual([]);
      expect((await get("/api/inventory/agents", parisTech.cookie)).data).toEqual([]);
    });
  });
});
