import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeBody } from "./decode-body.js";
import { parseAgentJson, type GlpiInventory } from "./normalize-json.js";
import { refusalOf } from "./refusal.test-support.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../../test/fixtures/inventory/glpi-format/inventory_format-examples-${name}.json`, import.meta.url));
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

function inventoryOf(bytes: Buffer): GlpiInventory {
  const message = parseAgentJson(bytes, "GLPI-Agent_v1.11");
  if (message.kind !== "inventory") throw new Error("expected an inventory");
  return message;
}


describe("parseAgentJson — contact", () => {
  it("reads what the agent can do", () => {
    const contact = {
      action: "contact",
      deviceid: "pc-2024-01-10-08-00-00",
      name: "GLPI-Agent",
      version: "1.11",
      "installed-tasks": ["inventory", "netdiscovery", "netinventory"],
      "enabled-tasks": ["inventory"],
      tag: "site-lyon",
    };
    expect(parseAgentJson(json(contact))).toEqual({
      kind: "contact",
      deviceId: "pc-2024-01-10-08-00-00",
      tag: "site-lyon",
      agent: { name: "GLPI-Agent", version: "1.11" },
      installedTasks: ["inventory", "netdiscovery", "netinventory"],
      enabledTasks: ["inventory"],
    });
  });

  it("refuses a contact without deviceid", () => {
    expect(refusalOf(() => parseAgentJson(json({ action: "contact" }))).reason).toBe("JSON_SCHEMA_INVALID");
  });
});

describe("parseAgentJson — computer", () => {
  const message = inventoryOf(fixture("computer_1"));
  const { inventory } = message;

  it("reads the envelope", () => {
    expect(message).toMatchObject({ kind: "inventory", action: "inventory", deviceId: "glpixps-2018-07-09-09-07-13", isPartial: false, jobId: null });
    expect(inventory).toMatchObject({ format: "json", itemtype: "Computer", tag: "000005" });
    expect(inventory.agent).toEqual({ name: "FusionInventory-Agent", version: "2.5.2-1.fc31" });
  });

  it("reads the machine", () => {
    expect(inventory.bios).toMatchObject({ manufacturer: "Dell Inc.", model: "XPS 13 9350", serial: "640HP72", date: "2016-02-06" });
    expect(inventory.hardware).toMatchObject({ name: "glpixps", uuid: "4c4c4544-0034-3010-8048-b6c04f503732", chassis: "Laptop", memoryMb: 7800 });
    expect(inventory.os).toMatchObject({ name: "Fedora", fullName: "Fedora 31 (Workstation Edition)", kernelVersion: "5.6.15-200.fc31.x86_64", lastBootAt: "2020-06-09T07:58:08" });
    expect(inventory.cpus).toEqual([
      { name: "Intel(R) Core(TM) i5-6200U CPU @ 2.30GHz", manufacturer: "Intel", cores: 2, threads: 4, speedMhz: 2300, arch: "i386", serial: "To Be Filled By O.E.M." },
    ]);
    expect(inventory.memories.map((m) => [m.capacityMb, m.speedMhz, m.serial])).toEqual([[4096, 1867, "12161217"], [4096, 1867, "12121212"]]);
  });

  it("reads parts and software", () => {
    expect(inventory.disks).toEqual([expect.objectContaining({ name: "nvme0n1", serial: "S29NNXAH146409", sizeMb: 256060 })]);
    expect(inventory.volumes).toHaveLength(6);
    expect(inventory.volumes[0]).toMatchObject({ mount: "/", device: "/dev/mapper/xps-root", totalMb: 40189, freeMb: 11683 });
    expect(inventory.monitors).toEqual([expect.objectContaining({ name: "DJCP6", manufacturer: "Sharp Corporation", serial: "ABH55D" })]);
    expect(inventory.printers).toEqual([expect.objectContaining({ name: "Officejet_Pro_8600_34AF9E_", serial: "MY47L1W1JHEB6" })]);
    expect(inventory.users.map((u) => u.login)).toEqual(["trasher", "root"]);
    expect(inventory.software).toHaveLength(6);
    expect(inventory.software[0]).toMatchObject({ name: "gitg", version: "3.32.1-1.fc31", publisher: "Fedora Project", installDate: "2019-12-19", arch: "x86_64" });
  });

  it("merges interfaces and normalizes MACs", () => {
    const macs = inventory.networks.map((n) => n.mac).filter((mac) => mac !== null);
    expect(macs.every((mac) => /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(mac))).toBe(true);
    expect(inventory.networks.find((n) => n.name === "lo")).toMatchObject({ mac: null, ipv4: ["127.0.0.1"], ipv6: ["::1"], isVirtual: true });
  });

  it("reads the same message gzipped, as glpi-agent may send it", () => {
    const { bytes } = decodeBody(zlib.gzipSync(fixture("computer_1")), "application/x-compress-gzip");
    expect(inventoryOf(bytes).inventory).toEqual(inventory);
  });

  it("never carries processes or envs", () => {
    const raw = JSON.parse(fixture("computer_1").toString()) as { content: Record<string, unknown> };
    raw.content["processes"] = [{ cmd: "/usr/bin/secret --password hunter2", pid: 1, user: "root" }];
    raw.content["envs"] = [{ key: "API_KEY", val: "s3cr3t" }];
    const text = JSON.stringify(inventoryOf(json(raw)));
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("s3cr3t");
  });
});

describe("parseAgentJson — network devices and phones", () => {
  it("maps a switch: identity, ports as interfaces, firmware", () => {
    const { inventory, action } = inventoryOf(fixture("networkequipment_3"));
    expect(action).toBe("netinventory");
    expect(inventory.itemtype).toBe("NetworkEquipment");
    expect(inventory.hardware.name).toBe("HP-2530-48G");
    expect(inventory.bios).toMatchObject({ manufacturer: "Hewlett-Packard", model: "2530-48G", serial: "CN5BFP62CP" });
    expect(inventory.device).toMatchObject({ type: "Networking", ips: ["192.168.63.30"], mac: "b0:5a:da:10:10:80" });
    expect(inventory.networks).toHaveLength(61);
    expect(inventory.networks[0]).toMatchObject({ name: "1", mac: "b0:5a:da:10:10:bf", speedMbps: 100, status: "up" });
    expect(inventory.firmwares).toEqual([{ name: "2530-48G", manufacturer: "Hewlett-Packard", version: "YA.15.12.0015", type: "device", date: null }]);
    expect(inventory.agent.version).toBe("2.5");
  });

  it("maps a printer: counters and cartridges", () => {
    const { inventory } = inventoryOf(fixture("printer_1"));
    expect(inventory.itemtype).toBe("Printer");
    expect(inventory.bios).toMatchObject({ manufacturer: "Hewlett-Packard", model: "HP LaserJet M507", serial: "PHCVN191TG" });
    expect(inventory.hardware.memoryMb).toBe(512);
    expect(inventory.device?.pageCounters).toEqual({ rectoverso: 831, total: 1802 });
    expect(inventory.device?.cartridges).toEqual([{ name: "tonerblack", value: "71" }]);
    expect(inventory.networks.find((n) => n.mac === "00:68:eb:f2:be:10")).toMatchObject({ ipv4: ["10.59.29.175"], speedMbps: 1000 });
  });

  it("maps a phone, dropping its impossible boot time", () => {
    const { inventory, deviceId } = inventoryOf(fixture("phone_1"));
    expect(deviceId).toBe("Mi9TPro-TéléphoneM-2019-12-18-14-30-16");
    expect(inventory.itemtype).toBe("Phone");
    expect(inventory.bios).toMatchObject({ manufacturer: "Xiaomi", model: "Mi 9T Pro", serial: "af8d8fcfa6fa4794" });
    expect(inventory.os).toMatchObject({ name: "Q Android 10.0", version: "29", lastBootAt: null }); // "2019-54-17"
    expect(inventory.networks).toEqual([expect.objectContaining({ mac: "e0:dc:ff:ed:09:59", speedMbps: 240 })]);
    expect(inventory.software).toHaveLength(3);
  });
});

describe("parseAgentJson — refusals", () => {
  it.each([
    ["truncated JSON", '{"action":"inventory","deviceid":'],
    ["not JSON", "<REQUEST/>"],
    ["an array", "[1,2]"],
  ])("refuses %s", (_what, text) => {
    expect(refusalOf(() => parseAgentJson(Buffer.from(text))).reason).toBe("JSON_MALFORMED");
  });

  it("lists every schema problem with its path", () => {
    const error = refusalOf(() =>
      parseAgentJson(
        json({
          action: "inventory",
          deviceid: "pc",
          itemtype: "Toaster",
          content: { versionclient: "GLPI-Agent_v1.11", hardware: { memory: "lots" }, cpus: [{ core: "two" }] },
          unknown: 1,
        }),
      ),
    );
    expect(error.reason).toBe("JSON_SCHEMA_INVALID");
    expect(error.code).toBe("VALIDATION_FAILED");
    const paths = error.issues?.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["itemtype", "content.hardware.memory", "content.cpus.0.core", "(root)"]));
    expect(error.issues?.find((issue) => issue.path === "(root)")?.message).toContain("unknown");
  });

  it("refuses a blank deviceid, which the schema lets through", () => {
    const blank = { action: "inventory", deviceid: " ", content: { versionclient: "GLPI-Agent_v1.11" } };
    expect(refusalOf(() => parseAgentJson(json(blank))).issues).toEqual([{ path: "deviceid", message: "Required, not blank" }]);
  });

  it("accepts a byte-order mark", () => {
    expect(parseAgentJson(Buffer.from('\ufeff{"action":"contact","deviceid":"pc"}')).kind).toBe("contact");
  });

  it("refuses an inventory without deviceid or content", () => {
    const error = refusalOf(() => parseAgentJson(json({ action: "inventory" })));
    expect(error.issues?.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("content"), expect.stringContaining("deviceid")]),
    );
  });
});
