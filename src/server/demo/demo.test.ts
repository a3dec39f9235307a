import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf } from "../../../test/app.js";
import { DIALECTS, createTestDatabase } from "../../../test/db.js";
import { VIGIE_VERSION } from "../../shared/domain/version.js";
import { buildApp } from "../app.js";
import type { Database } from "../db/database.js";
import { DEMO_PASSWORDS } from "./accounts.js";
import { type DemoResult, generateDemo } from "./demo.js";

async function people(database: Database) {
  return database.db.selectFrom("app_user").select(["login", "first_name", "last_name", "email"]).orderBy("id").execute();
}

async function count(database: Database, table: "app_user" | "entity" | "user_group" | "role_grant") {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(DIALECTS)("generateDemo on %s", (dialect) => {
  let first: Database;
  let result: DemoResult;
  beforeAll(async () => {
    first = await createTestDatabase(dialect);
    result = await generateDemo(first.db, { seed: 7, scale: 0.5 });
  });
  afterAll(async () => { await first.close(); });

  it("creates the company, its sites, teams and about 300 × scale users with one grant each", async () => {
    expect(result.users).toBe(150);
    expect(await count(first, "app_user")).toBe(150);
    expect(await count(first, "role_grant")).toBe(150);
    expect(await count(first, "entity")).toBe(result.entities);
    expect(await count(first, "user_group")).toBe(result.groups);
    const root = await first.db.selectFrom("entity").select("name").where("parent_id", "is", null).executeTakeFirstOrThrow();
    expect(root.name).toBe("Groupe Durand Industrie");
    const groups = await first.db.selectFrom("user_group").select("name").execute();
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(["Hotline N1", "Support N2 Réseau", "Techniciens de proximité Lyon"]));
    expect(result.logins.map((l) => l.login)).toEqual(expect.arrayContaining(["admin", "n1.martin", "n2.bernard", "m.lefebvre"]));
  });

  it("produces the same people for the same seed, and others for another seed", async () => {
    const again = await createTestDatabase(dialect);
    const other = await createTestDatabase(dialect);
    try {
      await generateDemo(again.db, { seed: 7, scale: 0.5 });
      await generateDemo(other.db, { seed: 8, scale: 0.5 });
      const reference = await people(first);
      expect(await people(again)).toEqual(reference);
      expect((await people(other)).slice(20)).not.toEqual(reference.slice(20));
    } finally {
      await again.close();
      await other.close();
    }
  });

  it("scales the number of users", async () => {
    const small = await createTestDatabase(dialect);
    try {
      const r = await generateDemo(small.db, { seed: 7, scale: 2 });
      expect(r.users).toBe(600);
      expect(await count(small, "app_user")).toBe(600);
      expect(r.entities).toBeGreaterThan(result.entities);
    } finally {
      await small.close();
    }
  });

  it("refuses a database that already has users", async () => {
    await expect(generateDemo(first.db, { seed: 7, scale: 0.5 })).rejects.toThrow(/already has users/);
  });

  it("lets the demo admin and the demo requester sign in", async () => {
    const app = await buildApp({ db: first.db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION } });
    try {
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "admin", password: DEMO_PASSWORDS.admin } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ login: "admin", highestRole: "admin" });
      const list = await app.inject({ url: "/api/users?limit=50", headers: { cookie: cookieOf(res) } });
      expect(list.json().data).toHaveLength(50);
      const requester = await app.inject({ method: "POST", url: "/api/auth/login",
        payload: { login: "m.lefebvre", password: DEMO_PASSWORDS.requester } });
      expect(requester.json()).toMatchObject({ highestRole: "requester", lastName: "Lefebvre" });
    } finally {
      await app.close();
    }
  });
});
