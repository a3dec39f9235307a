import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { SoftwarePreview, SoftwareRule } from "../../../shared/api/software.js";

const URL = "/api/inventory/software-rules";
const ACROBAT: SoftwareRule = { match: { name: { regex: "^Adobe Acrobat Reader (DC|XI)" } }, set: { name: "Adobe Acrobat Reader $1", publisher: "Adobe" } };
const ORACLE_JAVA: SoftwareRule = { match: { name: { regex: "^Java \\d+ Update" }, publisher: { exact: "oracle corporation" } }, set: { name: "Java", publisher: "Oracle" } };

describe.each(DIALECTS)("the software normalisation rules on %s", (dialect) => {
  let t: TestApp;
  let tech: string;
  let branchAdmin: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const branch = await makeEntity(t.db, t.rootId, "Agence Lyon");
    tech = (await signedInUser(t, { entityId: t.rootId, role: "technician" })).cookie;
    branchAdmin = (await signedInUser(t, { entityId: branch.id, role: "admin" })).cookie;
  });
  afterAll(async () => { await t.close(); });

  const call = (method: "GET" | "PUT" | "POST", url: string, payload?: unknown, cookie = t.adminCookie) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

  it("starts with no rule, which everyone who reads the fleet reads, and only the root's admin may change", async () => {
    expect((await call("GET", URL)).json()).toEqual({ rules: [], canManage: true });
    expect((await call("GET", URL, undefined, tech)).json()).toEqual({ rules: [], canManage: false });
    expect((await call("GET", URL, undefined, branchAdmin)).json()).toEqual({ rules: [], canManage: false });
    for (const cookie of [tech, branchAdmin]) {
      expect((await call("PUT", URL, { rules: [ACROBAT] }, cookie)).statusCode).toBe(403);
    }
    expect((await call("GET", URL)).json().rules).toEqual([]);
  });

  it("saves the ordered rules, keeps them for the inventories, and writes the change in the root's history", async () => {
    const res = await call("PUT", URL, { rules: [ACROBAT, ORACLE_JAVA] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rules: [ACROBAT, ORACLE_JAVA], canManage: true });
    expect((await call("GET", URL, undefined, tech)).json().rules).toEqual([ACROBAT, ORACLE_JAVA]);
    const stored = await t.db.selectFrom("setting").select("value").where("key", "=", "inventory.software_rules").executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value)).toEqual([ACROBAT, ORACLE_JAVA]);
    const history = await t.db.selectFrom("history").select(["field", "new_value"]).where("record_type", "=", "entity")
      .where("record_id", "=", t.rootId).where("field", "=", "inventorySoftwareRules").execute();
    expect(history).toHaveLength(1);
    expect(history[0]?.new_value).toContain("Adobe Acrobat Reader $1");
  });

  it("refuses a bad regular expression with a 400 naming the rule, and keeps the saved rules", async () => {
    const bad: SoftwareRule = { match: { name: { regex: "^Office (20" } }, set: { name: "Office" } };
    const res = await call("PUT", URL, { rules: [ACROBAT, bad] });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues).toEqual([expect.objectContaining({ path: "body.rules.1.match.name.regex", message: expect.stringMatching(/^Rule 2: Invalid regular expression/) })]);
    expect(error.message).toContain("Rule 2");
    expect((await call("GET", URL)).json().rules).toEqual([ACROBAT, ORACLE_JAVA]);
  });

  it("refuses a rule that matches nothing or sets nothing, an empty matcher, and an unknown field", async () => {
    const res = await call("PUT", URL, { rules: [
      { match: {}, set: { name: "X" } },
      { match: { name: { exact: "Foo" } }, set: {} },
      { match: { name: {} }, set: { name: "X" } },
    ] });
    expect(res.statusCode).toBe(400);
    const messages: string[] = res.json().error.issues.map((i: { message: string }) => i.message);
    expect(messages.map((m) => m.slice(0, 7))).toEqual(["Rule 1:", "Rule 2:", "Rule 3:"]);
    expect((await call("PUT", URL, { rules: [{ ...ACROBAT, when: "always" }] })).statusCode).toBe(400);
    expect((await call("PUT", URL, {})).statusCode).toBe(400);
  });

  describe("POST /api/inventory/software-rules/preview", () => {
    const preview = async (body: object, cookie = t.adminCookie): Promise<SoftwarePreview> => {
      const res = await call("POST", `${URL}/preview`, body, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    it("applies the saved rules, and says which one decided", async () => {
      expect(await preview({ name: "Adobe Acrobat Reader DC - Français", publisher: "Adobe Systems Incorporated", version: "24.1" }, tech))
        .toEqual({ result: { name: "Adobe Acrobat Reader DC", publisher: "Adobe", version: "24.1" }, ruleIndex: 0 });
      expect(await preview({ name: "Java 8 Update 431 (64-bit)", publisher: "Oracle Corporation", version: "8.0.4310" }))
        .toEqual({ result: { name: "Java", publisher: "Oracle", version: "8.0.4310" }, ruleIndex: 1 });
    });

    it("falls back to the built-in normalisation when no rule matches", async () => {
      expect(await preview({ name: "Java 8 Update 431", publisher: "Azul Systems" })).toMatchObject({ ruleIndex: null, result: { publisher: "Azul Systems" } });
      expect(await preview({ name: "Mozilla Firefox 131.0 (x64 en-US)", publisher: "Mozilla", version: "131.0" }))
        .toEqual({ result: { name: "Mozilla Firefox", publisher: "Mozilla", version: "131.0" }, ruleIndex: null });
    });

    it("tries unsaved rules instead of the saved ones, and checks them", async () => {
      const rules: SoftwareRule[] = [{ match: { publisher: { regex: "^Mozilla" } }, set: { publisher: "Fondation Mozilla" } }];
      expect(await preview({ name: "Mozilla Firefox", publisher: "Mozilla Corporation", version: "131.0", rules }))
        .toEqual({ result: { name: "Mozilla Firefox", publisher: "Fondation Mozilla", version: "131.0" }, ruleIndex: 0 });
      expect(await preview({ name: "Adobe Acrobat Reader DC", publisher: "Adobe Systems", rules: [] })).toMatchObject({ ruleIndex: null });
      const bad = await call("POST", `${URL}/preview`, { name: "x", rules: [{ match: { name: { regex: "(" } }, set: { name: "y" } }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0]).toMatchObject({ path: "body.rules.0.match.name.regex", message: expect.stringMatching(/^Rule 1: /) });
    });

    it("refuses a requester and a body without a name", async () => {
      const requester = await signedInUser(t, { entityId: t.rootId, role: "requester" });
      expect((await call("POST", `${URL}/preview`, { name: "x" }, requester.cookie)).statusCode).toBe(403);
      expect((await call("GET", URL, undefined, requester.cookie)).statusCode).toBe(403);
      expect((await call("POST", `${URL}/preview`, { publisher: "x" })).statusCode).toBe(400);
    });
  });
});
