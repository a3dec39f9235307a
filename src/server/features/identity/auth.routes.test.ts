import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, type TestApp, cookieOf, createTestApp, makeUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

describe.each(DIALECTS)("auth on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  it("signs in, reads me with grants, and signs out", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: ADMIN });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ login: "admin", highestRole: "admin", grants: [{ role: "admin", recursive: true, entityName: "Groupe Durand" }] });
    const cookie = cookieOf(res);
    expect(res.cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const me = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.json().login).toBe("admin");
    await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    const after = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("SESSION_EXPIRED");
  });

  it("answers the same for an unknown login and a wrong password", async () => {
    const unknown = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "nobody", password: "whatever-123" } });
    const wrong = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "admin", password: "wrong-password" } });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it("rate-limits repeated failures on one login, even with the right password afterwards", async () => {
    const user = await makeUser(t.db, { entityId: t.rootId, password: "right-password-1" });
    for (let i = 0; i < 8; i++) {
      const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: user.login, password: "bad-password" } });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: user.login, password: "right-password-1" } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("RATE_LIMITED");
  });

  it("expires a session past its time", async () => {
    const user = await makeUser(t.db, { entityId: t.rootId, password: "some-password-1" });
    const cookie = await t.login(user.login, "some-password-1");
    await t.db.updateTable("session").set({ expires_at: "2000-01-01T00:00:00.000Z" }).where("user_id", "=", user.id).execute();
    const res = await t.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it("changes the password: the old one stops working and sessions end", async () => {
    const user = await makeUser(t.db, { entityId: t.rootId, password: "first-password-1" });
    const cookie = await t.login(user.login, "first-password-1");
    const short = await t.app.inject({ method: "POST", url: "/api/auth/password", headers: { cookie },
      payload: { currentPassword: "first-password-1", newPassword: "short" } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0].path).toBe("body.newPassword");
    const bad = await t.app.inject({ method: "POST", url: "/api/auth/password", headers: { cookie },
      payload: { currentPassword: "not-it-at-all", newPassword: "second-password-2" } });
    expect(bad.statusCode).toBe(401);
    const ok = await t.app.inject({ method: "POST", url: "/api/auth/password", headers: { cookie },
      payload: { currentPassword: "first-password-1", newPassword: "second-password-2" } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
    const old = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { login: user.login, password: "first-password-1" } });
    expect(old.statusCode).toBe(401);
    await t.login(user.login, "second-password-2");
    const stored = await t.db.selectFrom("app_user").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain("second-password-2");
  });

  it("keeps setup closed once an admin exists", async () => {
    const status = await t.app.inject({ url: "/api/setup" });
    expect(status.json().needsSetup).toBe(false);
    const res = await t.app.inject({ method: "POST", url: "/api/setup", payload: { organisation: "X", login: "evil",
      password: "evil-password-1", firstName: "E", lastName: "Vil" } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("SETUP_ALREADY_DONE");
  });

  it("updates the language of the signed-in user", async () => {
    const res = await t.app.inject({ method: "PATCH", url: "/api/auth/me", headers: { cookie: t.adminCookie }, payload: { language: "en" } });
    expect(res.statusCode).toBe(200);
    expect(res.json().language).toBe("en");
    const zone = await t.app.inject({ method: "PATCH", url: "/api/auth/me", headers: { cookie: t.adminCookie }, payload: { timeZone: "America/Martinique" } });
    expect(zone.json().timeZone).toBe("America/Martinique");
    const bad = await t.app.inject({ method: "PATCH", url: "/api/auth/me", headers: { cookie: t.adminCookie }, payload: { timeZone: "Mars/Olympus" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([{ path: "body.timeZone", message: "unknown time zone", code: "custom" }]);
  });
});
