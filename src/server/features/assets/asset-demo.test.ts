import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, cookieOf } from "../../../../test/app.js";
import { createTestDatabase, DIALECTS } from "../../../../test/db.js";
import { TEST_CONFIG } from "../../../../test/app.js";
import { buildApp } from "../../app.js";
import type { Database } from "../../db/database.js";
import { generateDemo } from "../../demo/demo.js";
import type { AssetSummary } from "../../../shared/api/assets.js";

describe.each(DIALECTS)("the demo's fleet on %s", (dialect) => {
  let database: Database;
  let app: TestApp["app"];
  let users: number;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    users = (await generateDemo(database.db, { seed: 2026, scale: 0.2 })).users;
    app = await buildApp({ db: database.db, config: TEST_CONFIG });
  });
  afterAll(async () => { await app.close(); await database.close(); });

  it("gives every user a laptop and a monitor, with locations, warranties and a timeline", async () => {
    const assigned = await database.db.selectFrom("asset").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "is not", null).executeTakeFirstOrThrow();
    expect(Number(assigned.n)).toBe(2 * users);
    const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: "admin", password: "demo-admin-2026" } });
    const cookie = cookieOf(login);
    const printers = await app.inject({ url: "/api/assets?family=printer&limit=5", headers: { cookie } });
    const first = printers.json().data[0] as AssetSummary;
    expect(first).toMatchObject({ modelName: "LaserJet Enterprise M507", manufacturerName: "HP", status: "in_use" });
    expect(first.locationName).toMatch(/ > Bâtiment A > /);
    const movements = await app.inject({ url: "/api/asset-movements?limit=5", headers: { cookie } });
    expect(movements.json().data.length).toBeGreaterThan(0);
    // A new laptop's tag follows the demo's in the same sequence.
    const laptop = await database.db.selectFrom("asset_kind").select("id").where("code", "=", "laptop").executeTakeFirstOrThrow();
    const created = await app.inject({ method: "POST", url: "/api/assets", headers: { cookie }, payload: { kindId: laptop.id, name: "Neuf" } });
    expect(created.statusCode, created.body).toBe(201);
  });
});
