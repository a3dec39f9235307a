import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf } from "../../../../test/app.js";
import { DIALECTS, createTestDatabase } from "../../../../test/db.js";
import type { Category, PortalCategory } from "../../../shared/api/categories.js";
import { VIGIE_VERSION } from "../../../shared/domain/version.js";
import { buildApp } from "../../app.js";
import type { Database } from "../../db/database.js";
import { DEMO_PASSWORDS } from "../../demo/accounts.js";
import { generateDemo } from "../../demo/demo.js";
import { generateTickets } from "../../demo/demo-tickets.js";

describe.each(DIALECTS)("the demo's categories on %s", (dialect) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const login = async (name: string, password: string) =>
    cookieOf(await app.inject({ method: "POST", url: "/api/auth/login", payload: { login: name, password } }));

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await generateDemo(database.db, { seed: 7, scale: 0.1 });
    await generateTickets(database.db, { count: 40, seed: 7 });
    app = await buildApp({ db: database.db, config: { sessionHours: 12, secureCookies: false, timeZone: "Europe/Paris", version: VIGIE_VERSION } });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("gives the technicians a tree with defaults, network issues going to the N2 network team", async () => {
    const cookie = await login("admin", DEMO_PASSWORDS.admin);
    const tree: Category[] = (await app.inject({ url: "/api/categories", headers: { cookie } })).json().data;
    expect(tree.map((c) => c.completeName)).toEqual(expect.arrayContaining([
      "Poste de travail > Lenteur", "Réseau > VPN", "Comptes et accès > Mot de passe", "Matériel > Demande de matériel",
    ]));
    expect(tree.find((c) => c.completeName === "Réseau > Wi-Fi")).toMatchObject({ defaultType: "incident", defaultGroupName: "Support N2 Réseau" });
    expect(tree.find((c) => c.completeName === "Impression")).toMatchObject({ defaultGroupName: "Hotline N1", inPortal: true });
  });

  it("offers the demo requester plain words, and files the demo tickets under categories", async () => {
    const cookie = await login("m.lefebvre", DEMO_PASSWORDS.requester);
    const portal: PortalCategory[] = (await app.inject({ url: "/api/categories/portal", headers: { cookie } })).json().data;
    expect(portal.map((c) => c.label)).toEqual(expect.arrayContaining(["Mon ordinateur est lent", "Je n'arrive plus à imprimer", "J'ai oublié mon mot de passe"]));
    expect(portal.map((c) => c.topName)).not.toContain("Serveurs");
    const filed = await database.db.selectFrom("ticket").select("id").where("category_id", "is not", null).execute();
    expect(filed).toHaveLength(40);
  });
});
