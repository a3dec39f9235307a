import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleHit, DeflectionStats } from "../../../shared/api/search.js";
import { DIALECTS } from "../../../../test/db.js";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { insertArticle } from "./search.test-support.js";
import { searchArticles } from "./search.service.js";

for (const dialect of DIALECTS) {
  describe(`deflections (${dialect})`, () => {
    let t: TestApp;
    let lyon: number;
    let paris: number;
    let requester: { cookie: string };
    let supervisor: { cookie: string };
    let parisSupervisor: { cookie: string };
    const ids = {} as Record<"faq" | "vpn" | "internal", number>;

    const deflect = (cookie: string, articleId: number, query = "imprimante bloquée") =>
      t.app.inject({ method: "POST", url: "/api/search/deflections", headers: { cookie }, payload: { articleId, query } });
    const stats = async (cookie: string) => {
      const res = await t.app.inject({ method: "GET", url: "/api/search/deflections/stats", headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as DeflectionStats;
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
      paris = (await makeEntity(t.db, t.rootId, "Paris")).id;
      requester = await signedInUser(t, { entityId: lyon, role: "requester" });
      supervisor = await signedInUser(t, { entityId: lyon, role: "supervisor" });
      parisSupervisor = await signedInUser(t, { entityId: paris, role: "supervisor" });
      ids.faq = await insertArticle(t.db, { entityId: lyon, title: "Débloquer une imprimante" });
      ids.vpn = await insertArticle(t.db, { entityId: lyon, title: "Se connecter au VPN" });
      ids.internal = await insertArticle(t.db, { entityId: lyon, title: "Procédure interne", audience: "internal" });
    });
    afterAll(async () => t.close());

    it("counts the requests an article solved, overall and per article, for the supervisors of the entity", async () => {
      for (const id of [ids.faq, ids.faq, ids.vpn]) expect((await deflect(requester.cookie, id)).statusCode).toBe(201);
      const counted = await stats(supervisor.cookie);
      expect(counted.total).toBe(3);
      expect(counted.articles).toEqual([
        { articleId: ids.faq, title: "Débloquer une imprimante", count: 2 },
        { articleId: ids.vpn, title: "Se connecter au VPN", count: 1 },
      ]);
      expect((await stats(parisSupervisor.cookie)).total).toBe(0);
      const refused = await t.app.inject({ method: "GET", url: "/api/search/deflections/stats", headers: { cookie: requester.cookie } });
      expect(refused.statusCode).toBe(403);
    });

    it("refuses an article the requester may not read, and counts nothing", async () => {
      const res = await deflect(requester.cookie, ids.internal);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("KB_ARTICLE_NOT_FOUND");
      expect((await deflect(requester.cookie, 999_999)).statusCode).toBe(404);
      expect((await stats(supervisor.cookie)).total).toBe(3);
    });

    it.runIf(dialect === "postgres")("finds an article title despite a typo (PostgreSQL trigrams)", async () => {
      const actor = { kind: "session" as const, userId: 1, name: "admin", grants: [{ entityId: t.rootId, role: "admin" as const, recursive: true, onRoot: true }] };
      const ctx = { db: t.db, actor, log: t.app.log, config: {} as never };
      const hits: ArticleHit[] = await searchArticles(ctx, { q: "dbloquer une imprimente", limit: 5 });
      expect(hits.map((h) => h.id)).toContain(ids.faq);
    });
  });
}
