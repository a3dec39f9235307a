import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import { readInstallations } from "./store/installations.js";

const run = promisify(execFile);
const AGENTS = ["/usr/bin/fusioninventory-agent", "/usr/bin/ocsinventory-agent"];

/** The agents come from Debian (apt-get install fusioninventory-agent ocsinventory-agent); CI installs them. */
function missingAgents(): string | undefined {
  const missing = AGENTS.filter((file) => !fs.existsSync(file));
  if (missing.length === 0) return undefined;
  const reason = `not installed: ${missing.join(", ")}`;
  if (process.env.CI === "true") throw new Error(reason);
  return reason;
}

/**
 * Debian's FusionInventory and OCS agents inventory this machine into a running Vigie, twice
 * each, as they would on a workstation: they must finish without an error, and each stays one agent.
 */
describe.skipIf(missingAgents())("the real inventory agents", () => {
  describe.each(DIALECTS)("on %s", (dialect) => {
    let t: TestApp;
    let url: string;
    let ocsDir: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      url = await t.app.listen({ port: 0, host: "127.0.0.1" });
      ocsDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-ocs-agent-"));
    });
    afterAll(async () => {
      await t.close();
      fs.rmSync(ocsDir, { recursive: true, force: true });
    });

    const agentRows = (name: string) => t.db.selectFrom("inventory_agent").selectAll().where("name", "like", `${name}%`).execute();
    const inventoriesOf = (agentId: number) => t.db.selectFrom("inventory_import").select(["query", "outcome", "detail"])
      .where("agent_id", "=", agentId).orderBy("id").execute();

    it("FusionInventory 2.6 sends its PROLOG then its inventory to GLPI's address, twice, as one agent", async () => {
      for (let i = 0; i < 2; i++) {
        const { stderr } = await run("fusioninventory-agent", ["--server", `${url}/front/inventory.php`, "--logger=stderr", "--no-httpd",
          "--no-task=WakeOnLan,NetDiscovery,NetInventory,Deploy,Collect,ESX,WMI"], { timeout: 120_000 });
        // Fusion exits 0 even when the server refuses: its log tells.
        expect(stderr).not.toMatch(/communication error|No answer from server/);
        expect(stderr).toContain("New inventory from");
      }
      const [agent, ...others] = await agentRows("FusionInventory-Agent");
      expect(others).toEqual([]);
      expect(agent).toMatchObject({ version: expect.stringMatching(/^2\.6/) });
      const log = await inventoriesOf(agent!.id);
      expect(log.map((entry) => `${entry.query} ${entry.outcome}`)).toEqual(["PROLOG received", "INVENTORY received", "PROLOG received", "INVENTORY received"]);
      expect(log[1]?.detail).toMatch(/Debian GNU\/Linux .* · [1-9]\d* software/);
    }, 300_000);

    it("the OCS agent 2.10 does the same on /ocsinventory, reading only zlib replies", async () => {
      for (let i = 0; i < 2; i++) {
        // Debian's configuration sets `local`, which makes the agent ignore --server: emptied here.
        await run("ocsinventory-agent", ["--local", "", "--server", `${url}/ocsinventory`, `--basevardir=${ocsDir}`, "--force"], { timeout: 120_000 });
      }
      const [agent, ...others] = await agentRows("OCS-NG");
      expect(others).toEqual([]);
      expect(agent?.version).toBe("2.10.0");
      const log = await inventoriesOf(agent!.id);
      expect(log.filter((entry) => entry.query === "INVENTORY" && entry.outcome === "received")).toHaveLength(2);
      expect(log.every((entry) => entry.outcome === "received")).toBe(true);
    }, 300_000);

    it("FusionInventory sends its login and password when Vigie requires agents to authenticate", async () => {
      const login = await t.app.inject({ method: "POST", url: "/api/inventory/agent-auth/logins", headers: { cookie: t.adminCookie },
        payload: { entityId: t.rootId, login: "fusion-agents" } });
      const { secret, id } = login.json();
      await t.app.inject({ method: "PUT", url: "/api/inventory/agent-auth", headers: { cookie: t.adminCookie }, payload: { required: true } });
      const args = ["--server", `${url}/front/inventory.php`, "--logger=stderr", "--no-httpd",
        "--no-task=WakeOnLan,NetDiscovery,NetInventory,Deploy,Collect,ESX,WMI"];
      const refused = await run("fusioninventory-agent", [...args, "--user", "fusion-agents", "--password", "wrong"], { timeout: 120_000 });
      expect(refused.stderr).toMatch(/401|authentication/i);
      const { stderr } = await run("fusioninventory-agent", [...args, "--user", "fusion-agents", "--password", secret], { timeout: 120_000 });
      expect(stderr).not.toMatch(/communication error|No answer from server/);
      const refusals = await t.db.selectFrom("inventory_import").select("reason").where("outcome", "=", "refused").execute();
      expect(refusals.map((r) => r.reason)).toContain("AGENT_AUTH_INVALID");
      await t.app.inject({ method: "PUT", url: "/api/inventory/agent-auth", headers: { cookie: t.adminCookie }, payload: { required: false } });
      await t.app.inject({ method: "DELETE", url: `/api/inventory/agent-auth/logins/${id}`, headers: { cookie: t.adminCookie } });
    }, 300_000);

    it("makes this machine one asset, with its real system, processors, interfaces and software", async () => {
      const assets = await t.db.selectFrom("asset").innerJoin("asset_inventory as inv", "inv.asset_id", "asset.id")
        .select(["asset.id", "asset.name", "inv.os_name", "inv.software_count", "inv.details", "inv.agent_name"]).execute();
      // Four inventories from two agents, no BIOS serial here: found again by MAC address and name, never duplicated.
      expect(assets).toHaveLength(1);
      const [asset] = assets;
      expect(asset!.name.toLowerCase().split(".")[0]).toBe(os.hostname().toLowerCase().split(".")[0]);
      expect(asset!.os_name).toMatch(/Debian/);
      const details = JSON.parse(asset!.details) as { cpus: unknown[]; networks: { mac: string | null }[] };
      expect(details.cpus.length).toBeGreaterThan(0);
      const macs = Object.values(os.networkInterfaces()).flat().map((i) => i?.mac).filter((mac) => mac && mac !== "00:00:00:00:00:00");
      expect(details.networks.map((n) => n.mac)).toEqual(expect.arrayContaining(macs.slice(0, 1)));
      const installed = await readInstallations(t.db, asset!.id);
      const software = await t.db.selectFrom("software").select("name").where("id", "in", installed.map((i) => i.softwareId)).execute();
      expect(installed.length).toBe(asset!.software_count);
      expect(software.map((row) => row.name)).toContain("bash");
      const decisions = await t.db.selectFrom("inventory_import").select(["decision", "detail"]).where("query", "=", "INVENTORY").orderBy("id").execute();
      expect(decisions.map((row) => row.decision)).toEqual(["create", "match", "match", "match", "match"]);
    }, 60_000);
  });
});
