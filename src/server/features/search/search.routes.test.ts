import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchResults, Suggestions } from "../../../shared/api/search.js";
import { DIALECTS } from "../../../../test/db.js";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { insertArticle, insertAsset, insertTicket } from "./search.test-support.js";

for (const dialect of DIALECTS) {
  describe(`GET /api/search (${dialect})`, () => {
    let t: TestApp;
    let lyon: number;
    let paris: number;
    let tech: { cookie: string };
    let requester: { user: { id: number }; cookie: string };
    const ids = {} as Record<"stuck" | "screen" | "parisPrinter" | "mouse" | "printers" | "printing" | "faq" | "internal" | "parisFaq"
      | "script" | "draft" | "pc" | "parisPc", number>;

    const search = async (cookie: string, q: string, extra = "") => {
      const res = await t.app.inject({ method: "GET", url: `/api/search?q=${encodeURIComponent(q)}${extra}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as SearchResults;
    };
    const ticketIds = async (q: string, cookie = tech.cookie) => (await search(cookie, q, "&kinds=tickets&limit=20")).tickets.map((h) => h.id);

    beforeAll(async () => {
      t = await createTestApp(dialect);
      lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
      paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
      tech = await signedInUser(t, { entityId: lyon, role: "technician", login: "tech.lyon" });
      requester = await signedInUser(t, { entityId: lyon, role: "requester", login: "req.lyon" });
      ids.stuck = await insertTicket(t.db, { entityId: lyon, title: "Imprimante bloquee au 2e étage", description: "<p>Le bac papier est coincé</p>" });
      ids.screen = await insertTicket(t.db, { entityId: lyon, title: "Écran noir", description: "<p>Depuis ce matin, l'imprimante du couloir affiche aussi une erreur</p>" });
      ids.parisPrinter = await insertTicket(t.db, { entityId: paris, title: "Imprimante de la direction", description: "" });
      ids.mouse = await insertTicket(t.db, { entityId: lyon, title: "Souris cassée", requesterId: requester.user.id });
      ids.printers = await insertTicket(t.db, { entityId: lyon, title: "Printers offline in building B" });
      ids.printing = await insertTicket(t.db, { entityId: lyon, title: "Printing fails on the shared queue" });
      ids.faq = await insertArticle(t.db, { entityId: lyon, title: "Débloquer une imprimante", body: "Ouvrez le capot et retirez la feuille." });
      ids.internal = await insertArticle(t.db, { entityId: lyon, title: "Procédure interne imprimante", audience: "internal" });
      ids.parisFaq = await insertArticle(t.db, { entityId: paris, title: "Imprimante du siège parisien" });
      ids.script = await insertArticle(t.db, { entityId: lyon, title: "Toner vide", body: "Si l'imprimante dit <script>alert(1)</script> ou 2 < 3, changez le toner & relancez" });
      ids.draft = await insertArticle(t.db, { entityId: lyon, title: "Brouillon imprimante", status: "draft" });
      ids.pc = await insertAsset(t.db, { entityId: lyon, name: "PC-COMPTA-01", tag: "LYO-0042", serial: "SN123ABC", hostname: "compta01",
        mac: "02:fc:00:00:00:01", ip: "10.1.2.3" });
      ids.parisPc = await insertAsset(t.db, { entityId: paris, name: "PC-DIRECTION", tag: "PAR-0001" });
      await t.db.updateTable("app_user").set({ first_name: "Élodie", last_name: "Lefèvre", phone: "04 72 00 11 22" }).where("login", "=", "tech.lyon").execute();
    });
    afterAll(async () => t.close());

    it("ignores accents and case, both ways", async () => {
      expect(await ticketIds("imprimante bloquée")).toEqual([ids.stuck]);
      expect(await ticketIds("ECRAN")).toEqual([ids.screen]);
      expect(await ticketIds("écran NOIR")).toEqual([ids.screen]);
    });

    it("finds French word forms (plural, verb and participle)", async () => {
      expect(await ticketIds("imprimantes")).toContain(ids.stuck);
      expect(await ticketIds("bloquer")).toEqual([ids.stuck]);
      const articles = (await search(tech.cookie, "débloquée", "&kinds=articles")).articles.map((a) => a.id);
      expect(articles).toContain(ids.faq);
    });

    it("finds English word forms", async () => {
      expect(await ticketIds("printer")).toContain(ids.printers);
      expect(await ticketIds("printers")).toContain(ids.printers);
      expect(await ticketIds("printed")).toEqual(expect.arrayContaining([ids.printers, ids.printing]));
      expect(await ticketIds("printing")).toContain(ids.printing);
    });

    it("matches the words being typed by their start", async () => {
      expect(await ticketIds("impri")).toContain(ids.stuck);
      expect(await ticketIds("bloquee au 2e et")).toEqual([ids.stuck]);
    });

    it("ranks a title match before a match in the text", async () => {
      const found = await ticketIds("imprimante");
      expect(found.indexOf(ids.stuck)).toBeGreaterThanOrEqual(0);
      expect(found.indexOf(ids.stuck)).toBeLessThan(found.indexOf(ids.screen));
    });

    it("highlights the matching words and escapes everything else", async () => {
      const results = await search(tech.cookie, "imprimante", "&kinds=tickets,articles&limit=20");
      const screen = results.tickets.find((h) => h.id === ids.screen);
      expect(screen?.snippet).toContain("<mark>imprimante</mark>");
      expect(screen?.snippet).not.toContain("<p>");
      const toner = results.articles.find((a) => a.id === ids.script);
      expect(toner?.snippet).toContain("2 &#60; 3, changez le toner &#38; relancez");
      expect(toner?.snippet).not.toContain("<script");
      expect(toner?.snippet).not.toMatch(/<(?!\/?mark>)/);
      expect(results.articles.find((a) => a.id === ids.faq)?.titleHtml).toBe("Débloquer une <mark>imprimante</mark>");
    });

    it("answers any text, operators, quotes, emoji or 10 kB, without an error", async () => {
      const hostile = ['"', '"imprimante', "imprimante AND OR NOT", "NEAR(imprimante, 2)", "*", "^imprimante", "title:imprimante",
        "imprimante:*", "a & b | !c", "'; drop table ticket; --", "🖨️ imprimante 🔥", "\u0000", "(((", "-imprimante", "x".repeat(10_000),
        "é".repeat(5000), "imprimante ".repeat(1000)];
      for (const q of hostile) await search(tech.cookie, q);
      expect(await ticketIds('"imprimante" AND bloquée')).toEqual([ids.stuck]);
      expect(await ticketIds("🖨️ imprimante bloquée 🔥")).toEqual([ids.stuck]);
    });

    it("opens a ticket typed by its number first", async () => {
      for (const q of [`#${ids.screen}`, `${ids.screen}`]) {
        const results = await search(tech.cookie, q);
        expect(results.ticketNumber).toBe(ids.screen);
        expect(results.tickets[0]?.id).toBe(ids.screen);
      }
      expect((await search(tech.cookie, `#${ids.parisPrinter}`)).ticketNumber).toBeNull();
    });

    it("finds users by name, login and phone, and assets by tag, serial, name, IP and MAC", async () => {
      const userIds = async (q: string) => (await search(tech.cookie, q, "&kinds=users")).users.map((u) => u.login);
      expect(await userIds("elodie lefe")).toEqual(["tech.lyon"]);
      expect(await userIds("tech.lyon")).toEqual(["tech.lyon"]);
      expect(await userIds("04 72 00")).toEqual(["tech.lyon"]);
      const assetIds = async (q: string) => (await search(tech.cookie, q, "&kinds=assets")).assets.map((a) => a.id);
      for (const q of ["LYO-0042", "lyo-00", "sn123", "compta-01", "10.1.2.3", "02:fc:00:00:00:01", "compta01"]) {
        expect(await assetIds(q), q).toEqual([ids.pc]);
      }
      const hit = (await search(tech.cookie, "10.1.2.3", "&kinds=assets")).assets[0];
      expect(hit?.snippet).toContain("<mark>10</mark>.<mark>1</mark>.<mark>2</mark>.<mark>3</mark>");
    });

    it("keeps to what the caller may read", async () => {
      const all = await search(tech.cookie, "imprimante", "&limit=50");
      expect(all.tickets.map((h) => h.id)).not.toContain(ids.parisPrinter);
      expect(all.articles.map((a) => a.id)).toEqual(expect.arrayContaining([ids.faq, ids.internal, ids.draft]));
      expect(all.articles.map((a) => a.id)).not.toContain(ids.parisFaq);
      expect((await search(tech.cookie, "PC")).assets.map((a) => a.id)).toEqual([ids.pc]);
      const mine = await search(requester.cookie, "imprimante souris", "&limit=50");
      expect(mine.tickets).toEqual([]);
      const asRequester = await search(requester.cookie, "imprimante", "&limit=50");
      expect(asRequester.tickets).toEqual([]);
      expect(asRequester.articles.map((a) => a.id).sort()).toEqual([ids.faq, ids.script].sort());
      expect((await search(requester.cookie, "souris")).tickets.map((h) => h.id)).toEqual([ids.mouse]);
      expect((await search(requester.cookie, "PC elodie")).users).toEqual([]);
      expect((await search(requester.cookie, "PC")).assets).toEqual([]);
      expect((await search(requester.cookie, `#${ids.stuck}`)).ticketNumber).toBeNull();
    });

    it("keeps the index current as rows change and go", async () => {
      const id = await insertTicket(t.db, { entityId: lyon, title: "Clavier qui colle" });
      expect(await ticketIds("clavier")).toEqual([id]);
      await t.db.updateTable("ticket").set({ title: "Scanner hors service" }).where("id", "=", id).execute();
      expect(await ticketIds("clavier")).toEqual([]);
      expect(await ticketIds("scanner")).toEqual([id]);
      await t.db.deleteFrom("ticket").where("id", "=", id).execute();
      expect(await ticketIds("scanner")).toEqual([]);
      const article = await insertArticle(t.db, { entityId: lyon, title: "Wifi invités" });
      await t.db.updateTable("kb_article").set({ title: "Réseau invités" }).where("id", "=", article).execute();
      const articleIds = async (q: string) => (await search(tech.cookie, q, "&kinds=articles")).articles.map((a) => a.id);
      expect(await articleIds("wifi")).toEqual([]);
      expect(await articleIds("reseau")).toEqual([article]);
      await t.db.updateTable("asset_inventory").set({ hostname: "nouveau-nom" }).where("asset_id", "=", ids.pc).execute();
      expect((await search(tech.cookie, "nouveau", "&kinds=assets")).assets.map((a) => a.id)).toEqual([ids.pc]);
    });

    it("finds a ticket by its followups, private ones for staff only", async () => {
      const followup = async (ticketId: number, content: string, isPrivate: boolean) => {
        const res = await t.app.inject({ method: "POST", url: `/api/tickets/${ticketId}/followups`, headers: { cookie: tech.cookie },
          payload: { content, isPrivate } });
        expect(res.statusCode, res.body).toBe(201);
      };
      await followup(ids.mouse, "<p>Remplacée par une souris Logitech M185 du stock</p>", false);
      await followup(ids.mouse, "<p>Facturer le service comptabilité</p>", true);
      const hits = (await search(tech.cookie, "logitech", "&kinds=tickets")).tickets;
      expect(hits.map((h) => h.id)).toEqual([ids.mouse]);
      expect(hits[0]?.snippet).toContain("<mark>Logitech</mark>");
      expect(await ticketIds("facturer")).toEqual([ids.mouse]);
      // The requester reads the public answer on their ticket, never the private note.
      expect(await ticketIds("logitech", requester.cookie)).toEqual([ids.mouse]);
      expect(await ticketIds("facturer", requester.cookie)).toEqual([]);
      // A ticket matching by title and by a followup comes once.
      await followup(ids.stuck, "<p>Imprimante débloquée, bac papier remis</p>", false);
      expect((await ticketIds("imprimante")).filter((id) => id === ids.stuck)).toHaveLength(1);
    });

    it("suggests portal articles and the requester's own open tickets while a request is typed", async () => {
      const url = `/api/search/suggestions?title=${encodeURIComponent("Mon imprimante est bloquée")}&description=${encodeURIComponent("la souris aussi")}`;
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: requester.cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Suggestions;
      expect(body.articles[0]?.id).toBe(ids.faq);
      expect(body.articles.map((a) => a.id)).not.toContain(ids.internal);
      expect(body.tickets.map((h) => h.id)).toEqual([ids.mouse]);
      const asTech = (await t.app.inject({ method: "GET", url, headers: { cookie: tech.cookie } })).json() as Suggestions;
      expect(asTech.tickets.map((h) => h.id)).toEqual(expect.arrayContaining([ids.stuck, ids.mouse]));
    });
  });
}
