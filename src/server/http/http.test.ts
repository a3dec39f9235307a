import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../test/app.js";
import { ROUTES } from "../app.js";

describe("HTTP edge", () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp("sqlite"); });
  afterAll(async () => { await t.close(); });

  it("answers 404 with a code for an unknown API route", async () => {
    const res = await t.app.inject({ url: "/api/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("ROUTE_NOT_FOUND");
  });

  it("answers 401 before validating a request of a signed-out caller", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/users", payload: { bad: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("answers 400 to malformed JSON, never 500", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: t.adminCookie, "content-type": "application/json" }, payload: "{\"login\": " });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses an oversized body from its announced length, before reading it", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/users", headers: { cookie: t.adminCookie, "content-type": "application/json" },
      payload: JSON.stringify({ login: "x".repeat(2 * 1024 * 1024) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("validates path and query parameters", async () => {
    const res = await t.app.inject({ url: "/api/users/abc?limit=5000&isActive=maybe", headers: { cookie: t.adminCookie } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(["params.id"]);
    const list = await t.app.inject({ url: "/api/users?limit=5000&isActive=maybe&sort=age", headers: { cookie: t.adminCookie } });
    expect(list.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["query.limit", "query.isActive", "query.sort"]);
  });

  it("hides internals of an unexpected failure behind INTERNAL and the request id", async () => {
    const broken = await createTestApp("sqlite");
    await broken.db.schema.dropTable("history").execute();
    const res = await broken.app.inject({ method: "POST", url: "/api/entities", headers: { cookie: broken.adminCookie }, payload: { name: "X", parentId: broken.rootId } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("INTERNAL");
    expect(res.body).not.toMatch(/history|SQLITE|sqlite/i);
    expect((await broken.db.selectFrom("entity").select("id").where("name", "=", "X").execute())).toEqual([]);
    await broken.close();
  });

  it("reports health with the database up", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers 503 on health when the database is gone", async () => {
    const gone = await createTestApp("sqlite");
    await gone.database.close();
    const res = await gone.app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(503);
    await gone.app.close();
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  it("documents every route in the OpenAPI document, and serves a browsable page", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const r of ROUTES) {
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
    const users = doc.paths["/api/users"].get.parameters.map((p: { name: string }) => p.name);
    expect(users).toEqual(expect.arrayContaining(["limit", "cursor", "q", "entityId", "sort"]));
    const page = await t.app.inject({ url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("swagger");
  });
});
