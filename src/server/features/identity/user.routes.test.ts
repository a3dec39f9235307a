import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";

describe.each(DIALECTS)("users API on %s", (dialect) => {
  let t: TestApp;
  let lyon: number;
  let paris: number;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
  });
  afterAll(async () => { await t.close(); });

  const post = (payload: object, cookie = t.adminCookie) =>
    t.app.inject({ method: "POST", url: "/api/users", headers: { cookie }, payload });

  it("creates a user, normalising login and email, and records the creation in the history", async () => {
    const res = await post({ login: "EDupont", firstName: "Élodie", lastName: "Dupont", email: "Elodie.Dupont@Durand.fr", entityId: lyon });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ login: "edupont", email: "elodie.dupont@durand.fr", entityName: "Groupe Durand > Lyon", isActive: true, hasPassword: false });
    const history = await t.app.inject({ url: `/api/history/user/${user.id}`, headers: { cookie: t.adminCookie } });
    expect(history.json().data[0]).toMatchObject({ action: "create", actorName: "Alice Admin", newValue: "Élodie Dupont (edupont)" });
  });

  it("lists every validation problem at once", async () => {
    const res = await post({ login: "x", firstName: "", email: "not-an-email", entityId: "abc" });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["body.login", "body.firstName", "body.lastName", "body.email", "body.entityId"]));
  });

  it("refuses a login already used, whatever its case", async () => {
    await post({ login: "bmoreau", firstName: "Bruno", lastName: "Moreau", entityId: paris });
    const res = await post({ login: "BMoreau", firstName: "Bruno", lastName: "Moreau", entityId: paris });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("LOGIN_TAKEN");
  });

  it("records each changed field, old → new, and never the password", async () => {
    const created = (await post({ login: "cpetit", firstName: "Claire", lastName: "Petit", entityId: paris, phone: "01 02 03 04 05" })).json();
    const res = await t.app.inject({ method: "PATCH", url: `/api/users/${created.id}`, headers: { cookie: t.adminCookie },
      payload: { lastName: "Petit-Roux", phone: "06 07 08 09 10", password: "secret-password-9" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lastName: "Petit-Roux", hasPassword: true });
    const rows = await t.db.selectFrom("history").selectAll().where("record_type", "=", "user").where("record_id", "=", created.id)
      .where("action", "=", "update").execute();
    const byField = Object.fromEntries(rows.map((r) => [r.field, [r.old_value, r.new_value]]));
    expect(byField).toEqual({ lastName: ["Petit", "Petit-Roux"], phone: ["01 02 03 04 05", "06 07 08 09 10"], password: [null, "••••"] });
    expect(JSON.stringify(rows)).not.toContain("secret-password-9");
  });

  it("paginates with a cursor in name order, without repeating or skipping", async () => {
    const dept = (await makeEntity(t.db, lyon, "Atelier")).id;
    for (const last of ["Zola", "Arnaud", "Ménard", "Bernard", "Leroy"]) {
      await post({ login: `p.${last.toLowerCase()}`, firstName: "Paul", lastName: last, entityId: dept });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/users?entityId=${dept}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await t.app.inject({ url, headers: { cookie: t.adminCookie } })).json();
      seen.push(...page.data.map((u: { lastName: string }) => u.lastName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Arnaud", "Bernard", "Leroy", "Ménard", "Zola"]);
    const inLyon = (await t.app.inject({ url: `/api/users?entityId=${lyon}&recursive=false`, headers: { cookie: t.adminCookie } })).json();
    expect(inLyon.data.map((u: { login: string }) => u.login)).toEqual(["edupont"]);
    const search = (await t.app.inject({ url: `/api/users?q=men`, headers: { cookie: t.adminCookie } })).json();
    expect(search.data.map((u: { login: string }) => u.login)).toEqual(["p.ménard"]);
  });

  it("rejects a forged cursor with 400", async () => {
    const res = await t.app.inject({ url: "/api/users?cursor=garbage", headers: { cookie: t.adminCookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("cursor");
  });

  it("lets an admin of one entity manage only that entity's users", async () => {
    const { cookie } = await signedInUser(t, { entityId: lyon, role: "admin" });
    expect((await post({ login: "in.lyon", firstName: "A", lastName: "B", entityId: lyon }, cookie)).statusCode).toBe(201);
    const outside = await post({ login: "in.paris", firstName: "A", lastName: "B", entityId: paris }, cookie);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toEqual({ code: "FORBIDDEN", message: "You are not allowed to do this" });
    const list = (await t.app.inject({ url: "/api/users?limit=200", headers: { cookie } })).json();
    expect(list.data.every((u: { entityName: string }) => u.entityName.startsWith("Groupe Durand > Lyon"))).toBe(true);
  });

  it("does not let the last administrator be deactivated or deleted", async () => {
    const admin = await t.db.selectFrom("app_user").select("id").where("login", "=", "admin").executeTakeFirstOrThrow();
    // Other admins exist (Lyon's), so remove them for this check.
    await t.db.deleteFrom("role_grant").where("role", "=", "admin").where("user_id", "!=", admin.id).execute();
    const res = await t.app.inject({ method: "PATCH", url: `/api/users/${admin.id}`, headers: { cookie: t.adminCookie }, payload: { isActive: false } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("LAST_ADMIN");
  });

  it("imports users from CSV all or nothing, reporting every wrong line", async () => {
    const csv = "identifiant;prénom;nom;courriel;entité\njlefevre;Jeanne;Lefèvre;j.lefevre@durand.fr;Groupe Durand > Paris\nbad;;;not-an-email;Nowhere\n";
    const rejected = await t.app.inject({ method: "POST", url: "/api/users/import", headers: { cookie: t.adminCookie, "content-type": "text/csv" }, payload: csv });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toEqual({ created: 0, updated: 0, errors: [{ line: 3, code: "ENTITY_NOT_FOUND", message: 'unknown entity "Nowhere"' }] });
    expect(await t.db.selectFrom("app_user").select("id").where("login", "=", "jlefevre").executeTakeFirst()).toBeUndefined();
    const good = "login,firstName,lastName,email,entity\njlefevre,Jeanne,Lefèvre,j.lefevre@durand.fr,Paris\ncpetit,Claire,Petit,claire@durand.fr,Paris\n";
    const res = await t.app.inject({ method: "POST", url: "/api/users/import", headers: { cookie: t.adminCookie, "content-type": "text/csv" }, payload: good });
    expect(res.json()).toEqual({ created: 1, updated: 1, errors: [] });
  });

  it("refuses an import sent as a form or as plain text", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/users/import", headers: { cookie: t.adminCookie, "content-type": "text/plain" }, payload: "login,lastName\nx,y" });
    expect(res.statusCode).toBe(415);
  });

  it("finds a caller by the number on the phone's screen, however it is typed", async () => {
    const res = await post({ login: "appelant", firstName: "Paul", lastName: "Appelant", entityId: paris, phone: "04 72 10 20 30", mobile: "+33 6 12 34 56 78" });
    expect(res.statusCode).toBe(201);
    for (const typed of ["0472", "04 72 10", "06.12.34", "+33 6 12 34 56 78", "0612345678"]) {
      const found = (await t.app.inject({ url: `/api/users?q=${encodeURIComponent(typed)}`, headers: { cookie: t.adminCookie } })).json();
      expect(found.data.map((u: { login: string }) => u.login), typed).toEqual(["appelant"]);
    }
    await t.app.inject({ method: "PATCH", url: `/api/users/${res.json().id}`, headers: { cookie: t.adminCookie }, payload: { mobile: null } });
    const gone = (await t.app.inject({ url: "/api/users?q=0612", headers: { cookie: t.adminCookie } })).json();
    expect(gone.data).toEqual([]);
  });
});
