import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { AssetSummary } from "../../../shared/api/assets.js";
import { kindId } from "./asset-fixtures.js";

/**
 * A search first looks among the 10,000 rows next in sort order, then beyond them: with more
 * assets than that, a page may join matches from both sides, and paging must neither skip nor
 * repeat one, whatever the sort.
 */
describe.each(DIALECTS)("asset search over a large fleet on %s", (dialect) => {
  let t: TestApp;
  let cookie: string;
  const COUNT = 10_600;
  /** The "MIX-" assets: three among the newest 10,000 (too few for a page), the rest older. */
  const isMix = (i: number) => (i < 600 && i % 4 === 0) || [10_000, 10_300, 10_599].includes(i);
  const tagOf = (i: number) => `${isMix(i) ? "MIX" : "OTH"}-${String(i).padStart(5, "0")}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const lyon = (await makeEntity(t.db, t.rootId, "Lyon")).id;
    cookie = (await signedInUser(t, { entityId: lyon, role: "technician" })).cookie;
    const laptop = await kindId(t.db, "laptop");
    const rows = Array.from({ length: COUNT }, (_, i) => {
      // The higher i, the newer (two at a time: ties are broken by id) and the first by name.
      const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 60_000).toISOString();
      return { entity_id: lyon, kind_id: laptop, name: `Portable ${String(COUNT - i).padStart(5, "0")}`, asset_tag: tagOf(i), serial: null, status: "in_use",
        version: 1, created_at: at, updated_at: at };
    });
    for (let i = 0; i < rows.length; i += 1000) await t.db.insertInto("asset").values(rows.slice(i, i + 1000)).execute();
  });
  afterAll(async () => { await t.close(); });

  async function everyPage(query: string): Promise<AssetSummary[]> {
    const seen: AssetSummary[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({ method: "GET", url: `/api/assets?limit=7&${query}${cursor ? `&cursor=${cursor}` : ""}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { data: AssetSummary[]; nextCursor: string | null };
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it("pages through every match, newest first, across the window's edge", async () => {
    const found = await everyPage("q=mix-");
    const all = await t.db.selectFrom("asset").select(["id", "updated_at"]).where("asset_tag", "like", "MIX-%").execute();
    const expected = all.sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id).map((r) => r.id);
    expect(found.map((a) => a.id)).toEqual(expected);
    expect(found.every((a) => a.assetTag.startsWith("MIX-"))).toBe(true);
  });

  it("pages through every match in name order too, and finds one asset among thousands", async () => {
    const byName = await everyPage("q=MIX&sort=name&order=asc");
    const names = byName.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(byName.map((a) => a.id)).size).toBe(byName.length);
    expect(byName.length).toBe(Array.from({ length: COUNT }, (_, i) => i).filter(isMix).length);
    expect((await everyPage("q=OTH-00001")).map((a) => a.assetTag)).toEqual(["OTH-00001"]);
  });
});
