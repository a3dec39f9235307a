/**
 * The catalogue filled by a real agent's inventory (the OCS agent of Debian 12), and a saved rule
 * taking effect at that machine's next inventory. The other tests insert their rows directly.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import type { Software, SoftwareInstallation, SoftwareSummary } from "../../../shared/api/software.js";

const OCS_INVENTORY = fs.readFileSync(new URL("../../../../test/fixtures/inventory/ocsinventory-2.10/inventory.zlib", import.meta.url));
type Page<T> = { data: T[]; nextCursor: string | null };

describe.each(DIALECTS)("the software catalogue of a real inventory on %s", (dialect) => {
  let t: TestApp;

  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  const sendInventory = async () => {
    const res = await t.app.inject({ method: "POST", url: "/ocsinventory", payload: OCS_INVENTORY,
      headers: { "user-agent": "OCS-NG_unified_unix_agent_v2.10.0", "content-type": "application/x-compress" } });
    expect(res.statusCode).toBe(200);
  };
  const get = async <T>(url: string): Promise<T> => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie: t.adminCookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("lists the machine's packages, each with its version and the machine", async () => {
    await sendInventory();
    const page = await get<Page<SoftwareSummary>>("/api/software?q=libacl");
    expect(page.data).toEqual([expect.objectContaining({ name: "libacl1", installations: 1, versions: 1 })]);
    const id = page.data[0]?.id as number;
    expect((await get<Software>(`/api/software/${id}`)).versions).toEqual([expect.objectContaining({ version: "2.3.1-3", installations: 1 })]);
    const machines = await get<Page<SoftwareInstallation>>(`/api/software/${id}/installations`);
    expect(machines.data).toEqual([expect.objectContaining({ assetTag: expect.any(String), version: "2.3.1-3" })]);
  });

  it("renames the software at the machine's next inventory once a rule is saved", async () => {
    // Rules see the name as the agent sent it: Debian's "libacl1:amd64".
    const rules = [{ match: { name: { regex: "^libacl(\\d+)" } }, set: { name: "ACL library $1", publisher: "Savannah" } }];
    const preview = await t.app.inject({ method: "POST", url: "/api/inventory/software-rules/preview", headers: { cookie: t.adminCookie },
      payload: { name: "libacl1:amd64", version: "2.3.1-3", rules } });
    expect(preview.json()).toEqual({ result: { name: "ACL library 1", publisher: "Savannah", version: "2.3.1-3" }, ruleIndex: 0 });
    const saved = await t.app.inject({ method: "PUT", url: "/api/inventory/software-rules", headers: { cookie: t.adminCookie }, payload: { rules } });
    expect(saved.statusCode).toBe(200);
    expect((await get<Page<SoftwareSummary>>("/api/software?q=acl")).data).toEqual([]);

    await sendInventory();
    expect((await get<Page<SoftwareSummary>>("/api/software?q=acl")).data)
      .toEqual([expect.objectContaining({ name: "ACL library 1", publisher: "Savannah", installations: 1 })]);
    // No machine has the old name any more: it leaves the catalogue.
    expect((await get<Page<SoftwareSummary>>("/api/software?q=libacl")).data).toEqual([]);
  });
});
