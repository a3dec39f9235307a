import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, signedInUser } from "../../../../../test/app.js";
import { DIALECTS } from "../../../../../test/db.js";
import type { PrinterSupplies, SnmpCredential, SnmpRange, SnmpScan } from "../../../../shared/api/snmp.js";
import { runSnmpScan } from "./snmp-scan.jobs.js";
import { COMMUNITY, PRINTER, type Snmpd, V3, missingSnmpd, startSnmpd } from "./snmpd.test-support.js";

/**
 * Vigie scans a real SNMP agent — Debian's snmpd on a loopback port, answering like a printer —
 * and files what it finds through the inventory store, with the printer's supplies and alerts.
 */
describe.skipIf(missingSnmpd())("SNMP discovery against Debian's snmpd", () => {
  describe.each(DIALECTS)("on %s", (dialect) => {
    let t: TestApp;
    let snmpd: Snmpd;
    const entity = { lyon: 0, paris: 0 };
    let parisTech: string;
    let lyonTech: string;

    const call = async <T>(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object, cookie = t.adminCookie) => {
      const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, body: res.json() as T, text: res.body };
    };
    const addCredential = async (payload: object) => {
      const res = await call<SnmpCredential>("POST", "/api/inventory/snmp/credentials", { entityId: entity.lyon, ...payload });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    const addRange = async (name: string, credentialIds: number[]) => {
      const res = await call<SnmpRange>("POST", "/api/inventory/snmp/ranges", { entityId: entity.lyon, name, range: "127.0.0.1/32", port: snmpd.port, credentialIds });
      expect(res.status, res.text).toBe(201);
      return res.body;
    };
    /** Starts a scan through the API, runs its job, and answers the finished run. */
    const scan = async (rangeId: number): Promise<SnmpScan> => {
      const started = await call<SnmpScan>("POST", `/api/inventory/snmp/ranges/${rangeId}/scans`);
      expect(started.status, started.text).toBe(201);
      expect(started.body).toMatchObject({ status: "queued", total: 1, done: 0 });
      await runSnmpScan(t.db, started.body.id);
      return (await call<SnmpScan>("GET", `/api/inventory/snmp/scans/${started.body.id}`)).body;
    };
    const printers = () => t.db.selectFrom("asset").innerJoin("asset_kind as k", "k.id", "asset.kind_id")
      .leftJoin("manufacturer as m", "m.id", "asset.manufacturer_id").leftJoin("asset_model as am", "am.id", "asset.model_id")
      .select(["asset.id", "asset.name", "asset.serial", "asset.entity_id", "k.code", "m.name as maker", "am.name as model"]).execute();
    const lowTickets = () => t.db.selectFrom("ticket").select(["id", "title", "entity_id"]).where("channel", "=", "monitoring").orderBy("id").execute();

    beforeAll(async () => {
      t = await createTestApp(dialect);
      entity.lyon = (await makeEntity(t.db, t.rootId, "Agence Lyon")).id;
      entity.paris = (await makeEntity(t.db, t.rootId, "Agence Paris")).id;
      snmpd = await startSnmpd(PRINTER);
      parisTech = (await signedInUser(t, { entityId: entity.paris, role: "supervisor" })).cookie;
      lyonTech = (await signedInUser(t, { entityId: entity.lyon, role: "technician" })).cookie;
    });
    afterAll(async () => {
      await snmpd?.stop();
      await t?.close();
    });

    it("refuses a range of more than 4096 addresses, and one that is no range", async () => {
      const credential = await addCredential({ name: "Communauté refus", version: "v2c", community: COMMUNITY });
      const tooLarge = await call<{ error: { code: string } }>("POST", "/api/inventory/snmp/ranges",
        { entityId: entity.lyon, name: "Tout le /19", range: "10.0.0.0/19", credentialIds: [credential.id] });
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body.error.code).toBe("SNMP_RANGE_TOO_LARGE");
      const garbage = await call<{ error: { code: string } }>("POST", "/api/inventory/snmp/ranges",
        { entityId: entity.lyon, name: "Faux", range: "10.0.0.300", credentialIds: [credential.id] });
      expect(garbage.body.error.code).toBe("VALIDATION_FAILED");
      const ok = await call<SnmpRange>("POST", "/api/inventory/snmp/ranges",
        { entityId: entity.lyon, name: "Un /20", range: "10.0.0.0/20", credentialIds: [credential.id] });
      expect(ok.status).toBe(201);
      expect(ok.body.addressCount).toBe(4094);
      await call("DELETE", `/api/inventory/snmp/ranges/${ok.body.id}`);
      await call("DELETE", `/api/inventory/snmp/credentials/${credential.id}`);
    });

    it("a v2c scan creates the printer with its serial, maker, model, supplies and page counter, and opens one ticket for the low toner", async () => {
      const credential = await addCredential({ name: "Communauté Lyon", version: "v2c", community: COMMUNITY });
      expect(credential).toMatchObject({ communitySet: true, version: "v2c" });
      const listed = await call<{ data: SnmpCredential[] }>("GET", "/api/inventory/snmp/credentials");
      expect(listed.text).not.toContain(COMMUNITY);
      // Stored sealed (security/secret-box): the scan below proves it is opened to talk to the device.
      const stored = await t.db.selectFrom("snmp_credential").select("community").where("id", "=", credential.id).executeTakeFirstOrThrow();
      expect(stored.community).toMatch(/^v1:/);
      const range = await addRange("Imprimantes Lyon", [credential.id]);
      const run = await scan(range.id);
      expect(run).toMatchObject({ status: "done", total: 1, done: 1, found: 1, error: null, finishedAt: expect.any(String) });
      const [printer, ...others] = await printers();
      expect(others).toEqual([]);
      expect(printer).toMatchObject({ name: "PRN-ACCUEIL", serial: "CNB1234567", code: "printer", maker: "HP", model: "LaserJet Pro M404dn", entity_id: entity.lyon });
      const supplies = await call<PrinterSupplies>("GET", `/api/assets/${printer!.id}/printer-supplies`);
      expect(supplies.body.counters).toEqual([{ name: "total", value: 12345, readAt: expect.any(String) }]);
      expect(supplies.body.supplies.map((s) => [s.description, s.kind, s.colour, s.percent, s.low])).toEqual([
        ["Black Toner Cartridge HP 59A", "toner", "black", 5, true],
        ["Imaging Drum", "opc", null, 60, false],
        // A waste box nearly full is not "low": it fills up.
        ["Waste Toner Box", "wasteToner", null, 98, false],
      ]);
      const tickets = await lowTickets();
      expect(tickets).toHaveLength(1);
      expect(tickets[0]).toMatchObject({ entity_id: entity.lyon, title: expect.stringContaining("Black Toner Cartridge HP 59A") });
      expect(supplies.body.supplies[0]?.ticketId).toBe(tickets[0]?.id);
      const fleet = await call<{ data: { assetName: string; pageCount: number; supplies: { percent: number | null }[] }[] }>("GET", "/api/inventory/snmp/printers");
      expect(fleet.body.data).toEqual([expect.objectContaining({ assetName: "PRN-ACCUEIL", pageCount: 12345 })]);
      expect(fleet.body.data[0]?.supplies.map((s) => s.percent)).toEqual([5, 60, 98]);
      const log = await t.db.selectFrom("inventory_import").select(["decision", "ip"]).where("query", "=", "SNMP").execute();
      expect(log).toEqual([{ decision: "create", ip: "127.0.0.1" }]);
    });

    it("a second scan updates the same printer: no duplicate, no second ticket", async () => {
      const [range] = (await call<{ data: SnmpRange[] }>("GET", "/api/inventory/snmp/ranges")).body.data;
      const run = await scan(range!.id);
      expect(run).toMatchObject({ status: "done", found: 1 });
      expect(await printers()).toHaveLength(1);
      expect(await lowTickets()).toHaveLength(1);
      const log = await t.db.selectFrom("inventory_import").select("decision").where("query", "=", "SNMP").orderBy("id").execute();
      expect(log.map((row) => row.decision)).toEqual(["create", "match"]);
    });

    it("a v3 user with authentication and privacy reads the same printer", async () => {
      const credential = await addCredential({ name: "Utilisateur v3", version: "v3", ...V3 });
      expect(credential).toMatchObject({ username: V3.username, authProtocol: "sha", authKeySet: true, privProtocol: "aes", privKeySet: true });
      const listed = await call<unknown>("GET", "/api/inventory/snmp/credentials");
      expect(listed.text).not.toContain(V3.authKey);
      expect(listed.text).not.toContain(V3.privKey);
      const range = await addRange("Imprimantes Lyon en v3", [credential.id]);
      expect(await scan(range.id)).toMatchObject({ status: "done", found: 1 });
      expect(await printers()).toHaveLength(1);
    });

    it("a wrong community finds nothing, and the scan still ends without an error", async () => {
      const credential = await addCredential({ name: "Mauvaise communauté", version: "v2c", community: "not-the-community" });
      const range = await addRange("Plage muette", [credential.id]);
      expect(await scan(range.id)).toMatchObject({ status: "done", done: 1, found: 0, error: null });
    });

    it("closes the alert and solves its ticket once the toner is refilled, and a low toner later opens a new ticket", async () => {
      const [range] = (await call<{ data: SnmpRange[] }>("GET", "/api/inventory/snmp/ranges")).body.data;
      const refill = (level: number) => ({ ...PRINTER, supplies: PRINTER.supplies!.map((s, i) => (i === 0 ? { ...s, level } : s)) });
      const port = snmpd.port;
      await snmpd.stop();
      snmpd = await startSnmpd(refill(80), port);
      await scan(range!.id);
      const [printer] = await printers();
      const supplies = (await call<PrinterSupplies>("GET", `/api/assets/${printer!.id}/printer-supplies`)).body;
      expect(supplies.supplies[0]).toMatchObject({ percent: 80, low: false, ticketId: null });
      const alerts = await t.db.selectFrom("printer_supply_alert").select(["cleared_at"]).execute();
      expect(alerts).toEqual([{ cleared_at: expect.any(String) }]);
      // The toner's ticket is solved by Vigie, saying why.
      const [first] = await lowTickets();
      expect(await t.db.selectFrom("ticket").select(["status", "is_open"]).where("id", "=", first!.id).executeTakeFirst()).toEqual({ status: "solved", is_open: 0 });
      const solution = await t.db.selectFrom("ticket_followup").select(["kind", "content"]).where("ticket_id", "=", first!.id).execute();
      expect(solution).toEqual([{ kind: "solution", content: expect.stringContaining("Black Toner Cartridge HP 59A") }]);
      await snmpd.stop();
      snmpd = await startSnmpd(refill(3), port);
      await scan(range!.id);
      expect(await lowTickets()).toHaveLength(2);
    });

    it("follows the organisation's threshold, and raises the alert without a ticket when tickets are off", async () => {
      const [range] = (await call<{ data: SnmpRange[] }>("GET", "/api/inventory/snmp/ranges")).body.data;
      const put = (body: object, cookie = t.adminCookie) => t.app.inject({ method: "PUT", url: "/api/inventory/snmp/settings", headers: { cookie }, payload: body });
      expect((await put({ lowSupplyPct: 2, openTickets: false }, lyonTech)).statusCode).toBe(403);
      expect((await put({ lowSupplyPct: 2, openTickets: false })).statusCode).toBe(200);
      await scan(range!.id);
      const open = () => t.db.selectFrom("printer_supply_alert").select(["ticket_id", "percent"]).where("cleared_at", "is", null).execute();
      // The toner at 3 % is no longer under 2 %.
      expect(await open()).toEqual([]);
      expect((await put({ lowSupplyPct: 5, openTickets: false })).statusCode).toBe(200);
      await scan(range!.id);
      expect(await open()).toEqual([{ ticket_id: null, percent: 3 }]);
      expect(await lowTickets()).toHaveLength(2);
      expect((await call<{ lowSupplyPct: number }>("GET", "/api/inventory/snmp/settings", undefined, lyonTech)).body).toMatchObject({ lowSupplyPct: 5, canManage: false });
    });

    it("an agent that forwards IP and has no Printer-MIB is filed as a router", async () => {
      const router = await startSnmpd({ sysName: "RTR-LYON", sysDescr: "Cisco IOS Software, C1100", sysObjectId: "1.3.6.1.4.1.9.1.2345",
        serial: "FGL2231AB01", model: "C1111-8P", forwarding: true });
      try {
        const [credential] = (await call<{ data: SnmpCredential[] }>("GET", "/api/inventory/snmp/credentials")).body.data;
        const res = await call<SnmpRange>("POST", "/api/inventory/snmp/ranges", { entityId: entity.lyon, name: "Routeurs", range: "127.0.0.1",
          port: router.port, credentialIds: [credential!.id] });
        expect(await scan(res.body.id)).toMatchObject({ status: "done", found: 1 });
        expect((await printers()).find((a) => a.name === "RTR-LYON")).toMatchObject({ code: "router", serial: "FGL2231AB01", model: "C1111-8P" });
      } finally {
        await router.stop();
      }
    });

    it("a user of another entity sees none of it, and a technician reads but cannot manage", async () => {
      const [range] = (await call<{ data: SnmpRange[] }>("GET", "/api/inventory/snmp/ranges")).body.data;
      const [printer] = await printers();
      for (const url of ["/api/inventory/snmp/credentials", "/api/inventory/snmp/ranges", "/api/inventory/snmp/scans", "/api/inventory/snmp/printers"]) {
        const res = await call<{ data: unknown[] }>("GET", url, undefined, parisTech);
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
      }
      expect((await call("GET", `/api/inventory/snmp/ranges/${range!.id}`, undefined, parisTech)).status).toBe(404);
      expect((await call("POST", `/api/inventory/snmp/ranges/${range!.id}/scans`, undefined, parisTech)).status).toBe(404);
      expect((await call("GET", `/api/assets/${printer!.id}/printer-supplies`, undefined, parisTech)).status).toBe(404);
      expect((await call("GET", "/api/inventory/snmp/ranges", undefined, lyonTech)).body).toMatchObject({ data: expect.arrayContaining([expect.objectContaining({ id: range!.id, canManage: false })]) });
      expect((await call("POST", `/api/inventory/snmp/ranges/${range!.id}/scans`, undefined, lyonTech)).status).toBe(403);
      const [credential] = (await call<{ data: SnmpCredential[] }>("GET", "/api/inventory/snmp/credentials")).body.data;
      expect((await call("POST", "/api/inventory/snmp/ranges", { entityId: entity.paris, name: "Emprunt", range: "10.1.0.1",
        credentialIds: [credential!.id] }, parisTech)).status).toBe(404);
    });
  });
});
