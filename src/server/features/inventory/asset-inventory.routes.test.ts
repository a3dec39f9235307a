import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp, makeEntity, makeUser, signedInUser } from "../../../../test/app.js";
import { DIALECTS } from "../../../../test/db.js";
import {
  AssetChangePageSchema, AssetInventorySchema, AssetSoftwarePageSchema, FleetChangePageSchema,
} from "../../../shared/api/asset-inventory.js";
import type { InventoryDetails } from "./store/inventory-details.js";
import { addInstallation } from "./store/installations.js";

const DETAILS: InventoryDetails = {
  hardware: { name: "PC-COMPTA-01", uuid: "4c4c4544-0042", chassis: "Desktop", workgroup: "DURAND", dnsDomain: null, fqdn: null, memoryMb: 16000,
    swapMb: 2048, vmSystem: "Physical", lastLoggedUser: "DURAND\\JDupont", defaultGateway: "10.0.0.1", dns: "10.0.0.2" },
  bios: { manufacturer: "Dell Inc.", model: "OptiPlex 7090", serial: "8XK2Q53", assetTag: null, sku: null, biosManufacturer: "Dell Inc.",
    version: "1.21.0", date: "2024-03-12", boardManufacturer: null, boardModel: null, boardSerial: null },
  os: { name: "Windows", fullName: "Microsoft Windows 11 Professionnel", version: "23H2", kernelVersion: "10.0.22631", kernelName: "MSWin32",
    servicePack: null, arch: "64-bit", installDate: "2024-01-15", lastBootAt: null },
  cpus: [{ name: "Intel(R) Core(TM) i5-11500", manufacturer: "Intel", cores: 6, threads: 12, speedMhz: 2700, arch: "x86_64", serial: null }],
  memories: [{ capacityMb: 8192, type: "DDR4", speedMhz: 3200, serial: "A1", manufacturer: "Samsung", slot: "DIMM 1" },
    { capacityMb: 8192, type: "DDR4", speedMhz: 3200, serial: "A2", manufacturer: "Samsung", slot: "DIMM 2" }],
  disks: [{ name: "PhysicalDrive0", model: "Samsung SSD 870", manufacturer: "Samsung", serial: "S6P", sizeMb: 476940, type: "SSD", interface: "SATA", firmware: null }],
  volumes: [{ mount: "C:", device: null, label: "Windows", filesystem: "NTFS", totalMb: 476000, freeMb: 38000, serial: null }],
  networks: [{ name: "Ethernet", mac: "02:fc:00:00:00:01", ipv4: ["10.0.0.42"], ipv6: [], speedMbps: 1000, isVirtual: false, type: "ethernet",
    status: "up", driver: null }],
  monitors: [{ name: "P2422H", manufacturer: "Dell", serial: "CN-0ABC", altSerial: null, description: null }],
  printers: [], antivirus: [{ name: "Microsoft Defender", company: "Microsoft", isEnabled: true, isUpToDate: false, version: "4.18", expiresOn: null }],
  users: [{ login: "JDupont", domain: "DURAND" }], localUsers: ["administrateur"], firmwares: [], device: null,
};

type Page<T> = { data: T[]; nextCursor: string | null };

describe.each(DIALECTS)("an asset's inventory, software and changes on %s", (dialect) => {
  let t: TestApp;
  let entityA: number;
  let entityB: number;
  let inventoried: number;
  let bare: number;
  let other: number;
  let techA: string;
  let techB: string;
  let dupont: number;

  async function makeAsset(entityId: number, tag: string, userId?: number): Promise<number> {
    const kind = await t.db.selectFrom("asset_kind").select("id").where("code", "=", "desktop").executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: "POST", url: "/api/assets", headers: { cookie: t.adminCookie },
      payload: { kindId: kind.id, name: `Poste ${tag}`, assetTag: tag, entityId, userId } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  /** What the inventory store writes for one machine: its agent, its inventory, its software and its changes. */
  async function inventory(assetId: number, entityId: number, software: [string, string][], changes: [string, string, string | null, string | null][]) {
    const at = "2026-11-20T08:00:00.000Z";
    const agent = await t.db.insertInto("inventory_agent").values({ device_id: `device-${assetId}`, entity_id: entityId, name: "OCS-NG_WINDOWS_AGENT",
      version: "2.10.1.0", last_ip: "10.0.0.42", last_contact_at: at, last_inventory_at: at, asset_id: assetId, tag: null, created_at: at,
    }).returning("id").executeTakeFirstOrThrow();
    await t.db.insertInto("asset_inventory").values({ asset_id: assetId, agent_id: agent.id, agent_name: "OCS-NG_WINDOWS_AGENT", agent_version: "2.10.1.0",
      hostname: "PC-COMPTA-01", uuid: "4c4c4544-0042", os_name: "Microsoft Windows 11 Professionnel", os_version: "23H2", os_build: "10.0.22631",
      os_arch: "64-bit", os_install_date: "2024-01-15", memory_mb: 16384, disk_mb: 476940, fullest_volume_pct: 92, last_user: "DURAND\\JDupont",
      software_count: software.length, details: JSON.stringify(DETAILS), details_hash: "d", software_hash: "s", inventoried_at: "2026-11-20T09:00:00",
      received_at: at, first_received_at: "2026-10-01T08:00:00.000Z" }).execute();
    for (const [name, version] of software) {
      const key = `${name.toLowerCase()}|${assetId}`;
      const s = await t.db.insertInto("software").values({ name, publisher: "Éditeur", name_key: key, created_at: at }).returning("id").executeTakeFirstOrThrow();
      const v = await t.db.insertInto("software_version").values({ software_id: s.id, version, created_at: at }).returning("id").executeTakeFirstOrThrow();
      await addInstallation(t.db, { id: assetId, entity_id: entityId }, { versionId: v.id, softwareId: s.id, installDate: "2026-01-02", arch: "x64" });
    }
    for (const [i, [section, item, oldValue, newValue]] of changes.entries()) {
      const change = oldValue === null ? "added" : newValue === null ? "removed" : "changed";
      await t.db.insertInto("asset_change").values({ asset_id: assetId, entity_id: entityId, section, change, item, old_value: oldValue,
        new_value: newValue, changed_at: `2026-11-${String(10 + i).padStart(2, "0")}T08:00:00.000Z` }).execute();
    }
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    entityA = (await makeEntity(t.db, t.rootId, "Agence de Lyon")).id;
    entityB = (await makeEntity(t.db, t.rootId, "Agence de Nantes")).id;
    techA = (await signedInUser(t, { entityId: entityA, role: "technician" })).cookie;
    techB = (await signedInUser(t, { entityId: entityB, role: "technician" })).cookie;
    dupont = (await makeUser(t.db, { entityId: entityA, login: "jdupont" })).id;
    inventoried = await makeAsset(entityA, "PC-0001");
    bare = await makeAsset(entityA, "PC-0002");
    other = await makeAsset(entityB, "PC-0003");
    await inventory(inventoried, entityA, [["Mozilla Firefox", "131.0"], ["7-Zip", "23.01"], ["LibreOffice", "24.2"], ["mozilla Thunderbird", "128.3"],
      ["Adobe Acrobat Reader", "24.1"]], [["memory", "total", "8192", "16384"], ["software", "Mozilla Firefox", "128.0", "131.0"],
      ["software", "VLC media player", "3.0.20", null], ["disk", "Samsung SSD 870 PhysicalDrive0", null, "476940"]]);
    await inventory(other, entityB, [["Nantes Secret App", "1.0"]], [["software", "Mozilla Firefox", "115.0", "131.0"], ["memory", "total", "4096", "8192"]]);
    await t.db.updateTable("asset").set({ inventory_locks: JSON.stringify(["fields.cpu", "name", "serial"]) }).where("id", "=", inventoried).execute();
  });
  afterAll(async () => { await t.close(); });

  const get = async <T>(url: string, cookie: string): Promise<T> => {
    const res = await t.app.inject({ method: "GET", url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("says plainly that an asset was never inventoried", async () => {
    const view = AssetInventorySchema.parse(await get(`/api/assets/${bare}/inventory`, techA));
    expect(view).toEqual({ assetId: bare, inventory: null, locks: [], suggestedUser: null });
  });

  it("shows the last inventory: agent, dates, system, figures, hardware, and the last user as the user to assign", async () => {
    const view = AssetInventorySchema.parse(await get(`/api/assets/${inventoried}/inventory`, techA));
    expect(view.inventory).toMatchObject({
      agent: { deviceId: `device-${inventoried}`, name: "OCS-NG_WINDOWS_AGENT", version: "2.10.1.0" },
      receivedAt: "2026-11-20T08:00:00.000Z", firstReceivedAt: "2026-10-01T08:00:00.000Z", inventoriedAt: "2026-11-20T09:00:00",
      os: { name: "Microsoft Windows 11 Professionnel", version: "23H2", build: "10.0.22631" }, memoryMb: 16384, fullestVolumePct: 92,
      lastUser: "DURAND\\JDupont", softwareCount: 5,
    });
    const details = view.inventory?.details;
    expect(details?.cpus[0]).toMatchObject({ name: "Intel(R) Core(TM) i5-11500", cores: 6 });
    expect(details?.memories.map((m) => m.slot)).toEqual(["DIMM 1", "DIMM 2"]);
    expect(details?.volumes[0]).toMatchObject({ mount: "C:", freeMb: 38000 });
    expect(details?.networks[0]?.ipv4).toEqual(["10.0.0.42"]);
    expect(details?.antivirus[0]).toMatchObject({ isEnabled: true, isUpToDate: false });
    expect(view.locks).toEqual(["fields.cpu", "name", "serial"]);
    expect(view.suggestedUser).toMatchObject({ id: dupont, login: "jdupont" });
  });

  it("suggests nobody once the asset is that user's, nor a namesake outside the entity's reach", async () => {
    const res = await t.app.inject({ method: "POST", url: `/api/assets/${inventoried}/operations`, headers: { cookie: techA },
      payload: { type: "assign", userId: dupont, version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await get<{ suggestedUser: unknown }>(`/api/assets/${inventoried}/inventory`, techA)).suggestedUser).toBeNull();
    // Asset B's last user is "DURAND\JDupont" too, but jdupont belongs to entity A: not a user B's asset may have.
    expect((await get<{ suggestedUser: unknown }>(`/api/assets/${other}/inventory`, t.adminCookie)).suggestedUser).toBeNull();
  });

  it("lists the software by name, searches part of the name whatever its case, and walks the pages", async () => {
    const page = AssetSoftwarePageSchema.parse(await get(`/api/assets/${inventoried}/software`, techA));
    expect(page.data.map((s) => s.name)).toEqual(["7-Zip", "Adobe Acrobat Reader", "LibreOffice", "Mozilla Firefox", "mozilla Thunderbird"]);
    expect(page.data[3]).toMatchObject({ version: "131.0", publisher: "Éditeur", installDate: "2026-01-02", arch: "x64" });
    const search = await get<Page<{ name: string }>>(`/api/assets/${inventoried}/software?q=MOZILLA`, techA);
    expect(search.data.map((s) => s.name)).toEqual(["Mozilla Firefox", "mozilla Thunderbird"]);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const next: Page<{ name: string }> = await get(`/api/assets/${inventoried}/software?limit=2${cursor ? `&cursor=${cursor}` : ""}`, techA);
      seen.push(...next.data.map((s) => s.name));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual(page.data.map((s) => s.name));
  });

  it("lists the asset's changes newest first, page by page", async () => {
    const page = AssetChangePageSchema.parse(await get(`/api/assets/${inventoried}/changes?limit=3`, techA));
    expect(page.data.map((c) => [c.section, c.change, c.item])).toEqual([["disk", "added", "Samsung SSD 870 PhysicalDrive0"],
      ["software", "removed", "VLC media player"], ["software", "changed", "Mozilla Firefox"]]);
    const rest = await get<Page<{ item: string; oldValue: string }>>(`/api/assets/${inventoried}/changes?limit=3&cursor=${page.nextCursor}`, techA);
    expect(rest).toEqual({ data: [expect.objectContaining({ item: "total", oldValue: "8192", newValue: "16384" })], nextCursor: null });
  });

  it("lists the fleet's changes in the caller's entities only, filtered by section and by exact item", async () => {
    const mine = FleetChangePageSchema.parse(await get("/api/inventory/changes", techA));
    expect(mine.data).toHaveLength(4);
    expect(mine.data[0]).toMatchObject({ assetId: inventoried, assetTag: "PC-0001", assetName: "Poste PC-0001", item: "Samsung SSD 870 PhysicalDrive0" });
    const all = await get<Page<{ assetTag: string }>>("/api/inventory/changes", t.adminCookie);
    expect(all.data).toHaveLength(6);
    const firefox = await get<Page<{ assetTag: string; newValue: string }>>(`/api/inventory/changes?section=software&item=${encodeURIComponent("Mozilla Firefox")}`, t.adminCookie);
    expect(firefox.data.map((c) => c.assetTag)).toEqual(["PC-0003", "PC-0001"]);
    const memory = await get<Page<{ assetTag: string }>>("/api/inventory/changes?section=memory", techB);
    expect(memory.data.map((c) => c.assetTag)).toEqual(["PC-0003"]);
    for (const filter of ["", `&item=${encodeURIComponent("Mozilla Firefox")}`]) {
      const seen: number[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const next: Page<{ id: number }> = await get(`/api/inventory/changes?limit=1${filter}${cursor ? `&cursor=${cursor}` : ""}`, t.adminCookie);
        seen.push(...next.data.map((c) => c.id));
        cursor = next.nextCursor;
      }
      expect(new Set(seen).size).toBe(filter ? 2 : 6);
    }
  });

  it("shows a technician of another entity nothing of this asset, and none of its changes", async () => {
    for (const path of ["inventory", "software", "changes"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/assets/${inventoried}/${path}`, headers: { cookie: techB } });
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.code).toBe("ASSET_NOT_FOUND");
    }
    const res = await t.app.inject({ method: "DELETE", url: `/api/assets/${inventoried}/inventory-locks/name`, headers: { cookie: techB } });
    expect(res.statusCode).toBe(404);
    const theirs = await get<Page<{ assetId: number; item: string }>>("/api/inventory/changes", techB);
    expect(theirs.data.map((c) => c.assetId)).toEqual([other, other]);
    const search = await get<Page<{ assetId: number }>>(`/api/inventory/changes?item=${encodeURIComponent("Samsung SSD 870 PhysicalDrive0")}`, techB);
    expect(search.data).toEqual([]);
    const secret = await t.app.inject({ method: "GET", url: `/api/assets/${other}/software`, headers: { cookie: techA } });
    expect(secret.statusCode).toBe(404);
    expect(secret.body).not.toContain("Nantes Secret App");
  });

  it("unlocks one field, records it in the history, and answers 404 for a field that is not locked", async () => {
    const res = await t.app.inject({ method: "DELETE", url: `/api/assets/${inventoried}/inventory-locks/serial`, headers: { cookie: techA } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ locks: ["fields.cpu", "name"] });
    expect((await get<{ locks: string[] }>(`/api/assets/${inventoried}/inventory`, techA)).locks).toEqual(["fields.cpu", "name"]);
    const history = await t.db.selectFrom("history").select(["field", "old_value", "new_value"]).where("record_type", "=", "asset")
      .where("record_id", "=", inventoried).where("field", "=", "inventoryLocks").execute();
    expect(history).toEqual([{ field: "inventoryLocks", old_value: "fields.cpu, name, serial", new_value: "fields.cpu, name" }]);
    for (const field of ["serial", "warranty"]) {
      const again = await t.app.inject({ method: "DELETE", url: `/api/assets/${inventoried}/inventory-locks/${field}`, headers: { cookie: techA } });
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe("INVENTORY_LOCK_NOT_FOUND");
    }
    for (const field of ["fields.cpu", "name"]) {
      const done = await t.app.inject({ method: "DELETE", url: `/api/assets/${inventoried}/inventory-locks/${field}`, headers: { cookie: techA } });
      expect(done.statusCode).toBe(200);
    }
    const row = await t.db.selectFrom("asset").select("inventory_locks").where("id", "=", inventoried).executeTakeFirstOrThrow();
    expect(row.inventory_locks).toBeNull();
  });

  it("answers 400 to a bad cursor or an unknown section, and 404 to an asset that does not exist", async () => {
    for (const url of [`/api/assets/${inventoried}/software?cursor=nope`, `/api/assets/${inventoried}/changes?cursor=nope`,
      "/api/inventory/changes?cursor=nope", "/api/inventory/changes?section=firmware", "/api/assets/abc/inventory"]) {
      const res = await t.app.inject({ method: "GET", url, headers: { cookie: techA } });
      expect(res.statusCode, url).toBe(400);
    }
    const missing = await t.app.inject({ method: "GET", url: "/api/assets/999999/inventory", headers: { cookie: techA } });
    expect(missing.statusCode).toBe(404);
  });
});
