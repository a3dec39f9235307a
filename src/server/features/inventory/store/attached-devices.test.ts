import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../../../../test/app.js";
import { DIALECTS } from "../../../../../test/db.js";
import type { InventoryPrinter } from "../protocol/inventory-model.js";
import { isLocalPrinter } from "./attached-device-values.js";
import { type MachineSpec, inventoryXml } from "./inventory-xml.test-support.js";

const printer = (over: Partial<InventoryPrinter>): InventoryPrinter => ({
  name: "Imprimante", driver: "HP LaserJet Pro M404 PCL 6", port: "USB001", serial: "PHBQK12345", isNetwork: null, isShared: null, ...over,
});

describe("isLocalPrinter", () => {
  it("keeps a printer on a USB or parallel port", () => {
    expect(isLocalPrinter(printer({ port: "USB001" }))).toBe(true);
    expect(isLocalPrinter(printer({ port: "LPT1:" }))).toBe(true);
    expect(isLocalPrinter(printer({ port: "DOT4_001" }))).toBe(true);
  });

  it("leaves network, shared, redirected and virtual printers", () => {
    for (const port of ["192.168.1.20", "IP_10.0.0.5", "socket://10.0.0.5:9100", "\\\\SRV-PRINT\\Compta", "WSD-4a8c1e2f-0b3c", "imp-rdc.corp.example:9100", "TS001"]) {
      expect(isLocalPrinter(printer({ port })), port).toBe(false);
    }
    expect(isLocalPrinter(printer({ isNetwork: true }))).toBe(false);
    for (const name of ["Microsoft Print to PDF", "Microsoft XPS Document Writer", "OneNote (Desktop)", "Fax", "PDFCreator"]) {
      expect(isLocalPrinter(printer({ name, driver: null, port: "USB001" })), name).toBe(false);
    }
    expect(isLocalPrinter(printer({ port: "PORTPROMPT:" }))).toBe(false);
  });
});

describe.each(DIALECTS)("monitors and printers attached to inventoried computers on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  let seq = 0;
  const machine = (over: Partial<MachineSpec> = {}): MachineSpec => {
    seq++;
    const hex = seq.toString(16).padStart(2, "0");
    return { deviceId: `pc-${dialect}-${seq}`, name: `PC-${dialect.toUpperCase()}-${seq}`, serial: `SN${dialect}${seq}X`,
      uuid: `4c4c4544-0000-1000-8000-0000000000${hex}`, macs: [`00:1b:21:aa:00:${hex}`], ...over };
  };
  const send = async (spec: MachineSpec): Promise<number> => {
    const res = await t.app.inject({ method: "POST", url: "/plugins/fusioninventory/", payload: inventoryXml(spec),
      headers: { "content-type": "application/xml", "user-agent": "FusionInventory-Agent_v2.6" } });
    expect(res.statusCode).toBe(200);
    const log = await t.db.selectFrom("inventory_import").selectAll().where("device_id", "=", spec.deviceId).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(log.outcome, log.trace ?? "").toBe("received");
    return log.asset_id as number;
  };
  /** The devices a computer is plugged into now, with their kind, maker and model. */
  const connected = (computerId: number) => t.db.selectFrom("asset_connection as c").innerJoin("asset as d", "d.id", "c.device_id")
    .innerJoin("asset_kind as k", "k.id", "d.kind_id").leftJoin("manufacturer as m", "m.id", "d.manufacturer_id")
    .leftJoin("asset_model as mo", "mo.id", "d.model_id")
    .select(["d.id", "d.serial", "d.name", "d.asset_tag", "d.entity_id", "k.code as kind", "m.name as maker", "mo.name as model", "c.source"])
    .where("c.asset_id", "=", computerId).where("c.disconnected_at", "is", null).orderBy("k.code").execute();
  const history = (assetId: number) => t.db.selectFrom("history").select(["action", "field", "old_value", "new_value"])
    .where("record_type", "=", "asset").where("record_id", "=", assetId).where("field", "in", ["connectedDevice", "connectedTo"]).orderBy("id").execute();
  const count = async (table: "asset" | "asset_connection" | "history" | "manufacturer" | "asset_model") =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const kindId = async (code: string) => (await t.db.selectFrom("asset_kind").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const handTyped = async (serial: string, name: string, locks: string[] | null = null) => {
    const maker = await t.db.insertInto("manufacturer").values({ name: "DELL", created_at: "2026-01-01T00:00:00.000Z" })
      .onConflict((oc) => oc.column("name").doNothing()).execute()
      .then(() => t.db.selectFrom("manufacturer").select("id").where("name", "=", "DELL").executeTakeFirstOrThrow());
    const at = "2026-01-01T00:00:00.000Z";
    return (await t.db.insertInto("asset").values({
      entity_id: t.rootId, kind_id: await kindId("monitor"), name, asset_tag: `ECR-HAND-${++seq}`, serial, manufacturer_id: maker.id, model_id: null,
      status: "in_stock", location_id: null, user_id: null, group_id: null, tech_contact_id: null, notes: null, fields: null, supplier_id: null,
      order_number: null, invoice_number: null, purchase_date: null, price_cents: null, warranty_start: null, warranty_months: null, warranty_end: null,
      depreciation_years: null, disposed_at: null, recycler: null, disposal_certificate: null, loan_due_at: null,
      inventory_locks: locks ? JSON.stringify(locks) : null, version: 1, created_by: null, created_at: at, updated_at: at,
    }).returning("id").executeTakeFirstOrThrow()).id;
  };

  const dell = (serial: string) => ({ caption: "DELL P2419H", manufacturer: "Dell Inc.", serial });
  const devices = (monitorSerial: string, printerSerial: string): Partial<MachineSpec> => ({
    monitors: [dell(monitorSerial), { caption: "Generic PnP Monitor", manufacturer: "Samsung", serial: "00000000" }],
    printers: [
      { name: "HP LaserJet Pro M404", driver: "HP LaserJet Pro M404-M405 PCL 6", port: "USB001", serial: printerSerial },
      { name: "Microsoft Print to PDF", driver: "Microsoft Print To PDF", port: "PORTPROMPT:", serial: `PDF-${printerSerial}` },
      { name: "Compta", driver: "Xerox VersaLink C405", port: "IP_10.0.0.50", serial: `NET-${printerSerial}`, network: true },
    ],
  });

  it("makes one asset of each monitor and local printer with a real serial, in the computer's entity, connected to it", async () => {
    const before = await count("asset");
    const computer = await send(machine(devices(`CN0MON${dialect}1`, `PHB${dialect}1`)));
    expect(await count("asset")).toBe(before + 3);
    const plugged = await connected(computer);
    expect(plugged).toEqual([
      expect.objectContaining({ kind: "monitor", serial: `CN0MON${dialect}1`, name: "DELL P2419H", maker: "Dell", model: "P2419H", source: "inventory", entity_id: t.rootId }),
      expect.objectContaining({ kind: "printer", serial: `PHB${dialect}1`, name: "HP LaserJet Pro M404", maker: "HP", model: "LaserJet Pro M404-M405 PCL 6", source: "inventory" }),
    ]);
    expect(plugged[0]?.asset_tag).toMatch(/^ECR-\d{4}-\d{5}$/);
    const monitor = plugged[0]?.id as number;
    expect(await history(computer)).toEqual([
      { action: "link", field: "connectedDevice", old_value: null, new_value: `${plugged[0]?.asset_tag} DELL P2419H` },
      { action: "link", field: "connectedDevice", old_value: null, new_value: `${plugged[1]?.asset_tag} HP LaserJet Pro M404` },
    ]);
    expect((await history(monitor))[0]).toMatchObject({ action: "link", field: "connectedTo", new_value: expect.stringMatching(/^PC-\d{4}-\d{5} PC-/) });
  });

  it("writes nothing for an unchanged re-inventory", async () => {
    const spec = machine(devices(`CN0MON${dialect}2`, `PHB${dialect}2`));
    await send(spec);
    const counts = [await count("asset"), await count("asset_connection"), await count("history"), await count("manufacturer"), await count("asset_model")];
    await send(spec);
    expect([await count("asset"), await count("asset_connection"), await count("history"), await count("manufacturer"), await count("asset_model")]).toEqual(counts);
  });

  it("moves a monitor reported by another computer, with the history on both, and unplugs one no longer reported", async () => {
    const serial = `CN0MOVE${dialect.toUpperCase()}`;
    const first = machine({ monitors: [dell(serial)] });
    const a = await send(first);
    const monitor = (await connected(a))[0]?.id as number;
    const moved = machine({ monitors: [dell(serial.toLowerCase())] });
    const b = await send(moved);
    expect(await connected(a)).toEqual([]);
    expect((await connected(b)).map((row) => row.id)).toEqual([monitor]);
    expect((await history(a)).map((row) => row.action)).toEqual(["link", "unlink"]);
    expect((await history(b)).map((row) => row.action)).toEqual(["link"]);
    expect((await history(monitor)).map((row) => row.action)).toEqual(["link", "unlink", "link"]);

    await send({ ...moved, monitors: [] });
    expect(await connected(b)).toEqual([]);
    expect((await history(b)).at(-1)).toMatchObject({ action: "unlink", field: "connectedDevice", old_value: expect.stringContaining("DELL P2419H") });
    expect(await t.db.selectFrom("asset").select("status").where("id", "=", monitor).executeTakeFirst()).toEqual({ status: "in_use" });
  });

  it("links the monitor a person typed with its serial in another case, instead of making a second one", async () => {
    const typed = await handTyped(`cn0typed${dialect}`, "Écran de l'accueil");
    const before = await count("asset");
    const computer = await send(machine({ monitors: [dell(`CN0TYPED${dialect}`)] }));
    expect(await count("asset")).toBe(before + 1);
    expect(await connected(computer)).toEqual([expect.objectContaining({ id: typed, serial: `cn0typed${dialect}`, name: "DELL P2419H", model: "P2419H" })]);
  });

  it("leaves the fields a person locked on the device", async () => {
    const typed = await handTyped(`CN0LOCK${dialect}`, "Écran de l'accueil", ["name"]);
    const computer = await send(machine({ monitors: [dell(`CN0LOCK${dialect}`)] }));
    expect(await connected(computer)).toEqual([expect.objectContaining({ id: typed, name: "Écran de l'accueil", model: "P2419H" })]);
  });

  it("takes the other EDID serial when the first is filler, and makes nothing of devices without a serial", async () => {
    const before = await count("asset");
    const computer = await send(machine({
      monitors: [{ caption: "LG ULTRAFINE", manufacturer: "LG Electronics", serial: "0", altSerial: `ALT${dialect}` }, { caption: "Écran intégré" }],
      printers: [{ name: "Canon LBP", driver: "Canon LBP6030", port: "USB002" }],
    }));
    expect(await count("asset")).toBe(before + 2);
    expect((await connected(computer)).map((row) => row.serial)).toEqual([`ALT${dialect}`]);
  });

  it("adds a new maker and model once when two inventories report them at the same moment", async () => {
    const screen = (serial: string) => ({ caption: `IIYAMA XUB${dialect}`, manufacturer: `Iiyama ${dialect} Corporation`, serial });
    const [a, b] = await Promise.all([send(machine({ monitors: [screen(`IIY${dialect}A1`)] })), send(machine({ monitors: [screen(`IIY${dialect}B2`)] }))]);
    const [onA, onB] = [await connected(a), await connected(b)];
    expect(onA).toEqual([expect.objectContaining({ maker: `Iiyama ${dialect}`, model: `XUB${dialect}` })]);
    expect(onB).toEqual([expect.objectContaining({ maker: `Iiyama ${dialect}`, model: `XUB${dialect}` })]);
    const models = await t.db.selectFrom("asset_model").select("id").where("name", "=", `XUB${dialect}`).execute();
    expect(models).toHaveLength(1);
  });
});
