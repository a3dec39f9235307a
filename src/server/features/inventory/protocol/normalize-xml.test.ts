import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAgentXml } from "./agent-xml.js";
import { decodeBody } from "./decode-body.js";
import { normalizeXmlInventory } from "./normalize-xml.js";
import { InventoryProtocolError } from "./protocol-error.js";

const fixture = (path: string) => readFileSync(new URL(`../../../../../test/fixtures/inventory/${path}`, import.meta.url));
const OCS_AGENT = "OCS-NG_unified_unix_agent_v2.10.0";
const FUSION_AGENT = "FusionInventory-Agent_v2.6-3";

function inventoryOf(path: string, userAgent: string) {
  return normalizeXmlInventory(parseAgentXml(decodeBody(fixture(path)).bytes), userAgent);
}

describe("normalizeXmlInventory — OCS 2.10", () => {
  const inventory = inventoryOf("ocsinventory-2.10/inventory.zlib", OCS_AGENT);

  it("names the agent from the User-Agent (OCS sends no VERSIONCLIENT)", () => {
    expect(inventory.agent).toEqual({ name: "OCS-NG_unified_unix_agent", version: "2.10.0" });
    expect(inventory).toMatchObject({ format: "xml", itemtype: "Computer" });
  });

  it("reads the OS from HARDWARE", () => {
    // As Fusion names it: the version apart, the full name from OSCOMMENTS.
    expect(inventory.os).toMatchObject({ name: "Debian GNU/Linux", fullName: "Debian GNU/Linux 12 (bookworm)", version: "12", arch: "x86_64", installDate: null });
    expect(inventory.hardware).toMatchObject({ name: "vm", memoryMb: 24105, swapMb: 0, workgroup: "WORKGROUP" });
  });

  it("has an empty BIOS as nulls (this machine has no DMI data)", () => {
    expect(Object.values(inventory.bios).every((value) => value === null)).toBe(true);
  });

  it("reads CPUs, disks and volumes, sizes as numbers", () => {
    expect(inventory.cpus).toEqual([
      { name: "AMD EPYC", manufacturer: "AMD", cores: 2, threads: 2, speedMhz: null, arch: "x86_64", serial: null },
    ]);
    expect(inventory.disks.map((d) => [d.name, d.sizeMb])).toEqual([["vda", 274878], ["zram0", null]]);
    expect(inventory.volumes).toEqual([
      { mount: "/", device: "/dev/vda", label: null, filesystem: "ext4", totalMb: 258019, freeMb: 78777, serial: null },
    ]);
  });

  it("merges one interface's IPv4 and IPv6 entries (OCS puts both in IPADDRESS)", () => {
    const eth0 = inventory.networks.filter((n) => n.name === "eth0");
    expect(eth0).toEqual([
      expect.objectContaining({ mac: "02:fc:00:00:00:01", ipv4: ["192.0.2.2"], ipv6: ["fe80::fc:ff:fe00:1"], speedMbps: null }),
    ]);
    expect(inventory.networks.map((n) => n.mac)).toEqual(["a2:7a:ea:5b:db:3a", "ee:a9:7e:c5:ba:84", "02:fc:00:00:00:01"]);
  });

  it("reads the 821 packages, with OCS's INSTALLDATE and ARCHITECTURE", () => {
    expect(inventory.software).toHaveLength(821);
    expect(inventory.software[0]).toEqual({
      name: "adduser",
      version: "3.134",
      publisher: null,
      installDate: "2025-04-20",
      arch: "all",
      from: "deb",
      guid: null,
    });
    expect(inventory.localUsers).toHaveLength(26);
  });
});

describe("normalizeXmlInventory — FusionInventory 2.6", () => {
  const inventory = inventoryOf("fusioninventory-2.6/inventory-full.xml", FUSION_AGENT);

  it("names the agent from VERSIONCLIENT", () => {
    expect(inventory.agent).toEqual({ name: "FusionInventory-Inventory", version: "2.6-3" });
    expect(inventory.inventoriedAt).toBe("2026-11-22T13:41:52");
  });

  it("reads OPERATINGSYSTEM, with the kernel and the last boot", () => {
    expect(inventory.os).toEqual({
      name: "Debian GNU/Linux",
      fullName: "Debian GNU/Linux 12 (bookworm)",
      version: "12.11",
      kernelVersion: "6.18.44-fc-v657",
      kernelName: "linux",
      servicePack: null,
      arch: "x86_64",
      installDate: null,
      lastBootAt: "2026-11-22T13:31:44",
    });
    expect(inventory.hardware).toMatchObject({ name: "vm", fqdn: "vm", vmSystem: "Docker" });
  });

  it("reads the disk's SERIALNUMBER and the virtual flags", () => {
    expect(inventory.disks).toEqual([expect.objectContaining({ name: "vda", serial: "1666630515204377", sizeMb: 274877 })]);
    const lo = inventory.networks.find((n) => n.name === "lo");
    expect(lo).toMatchObject({ mac: null, ipv4: ["127.0.0.1"], ipv6: ["::1"], isVirtual: true });
    const eth0 = inventory.networks.find((n) => n.name === "eth0");
    expect(eth0).toMatchObject({ isVirtual: false, ipv6: ["fd00::2", "fe80::fc:ff:fe00:1"] });
  });

  it("reads the same 821 packages as OCS, with publishers", () => {
    expect(inventory.software).toHaveLength(821);
    expect(inventory.software[0]).toMatchObject({ name: "adduser", publisher: "Debian", installDate: null });
  });

  it("reads an inventory without software", () => {
    const light = inventoryOf("fusioninventory-2.6/inventory-no-software.xml", FUSION_AGENT);
    expect(light.software).toEqual([]);
    expect(light.cpus).toHaveLength(1);
  });
});

describe("normalizeXmlInventory — a laptop (GLPI format test data)", () => {
  const inventory = inventoryOf("glpi-format/inventory_format-tests-data-1-computer-INVENTORY.xml", FUSION_AGENT);

  it("reads the BIOS: system serial, SMBIOS month-first date, board", () => {
    expect(inventory.bios).toEqual({
      manufacturer: "TOSHIBA",
      model: "PORTEGE Z30-A",
      serial: "9E113232I",
      assetTag: "0000000000",
      sku: "PT243E",
      biosManufacturer: "TOSHIBA",
      version: "Version 3.70",
      date: "2014-07-25",
      boardManufacturer: "TOSHIBA",
      boardModel: "PORTEGE Z30-A",
      boardSerial: "C0366791B0E970WU",
    });
    expect(inventory.hardware).toMatchObject({ uuid: "0055ADC9-1D3A-E411-8043-B05D95113232", chassis: "Notebook" });
    expect(inventory.tag).toBe("teclib");
    expect(inventory.agent).toEqual({ name: "FusionInventory-Agent", version: "2.3.20" });
  });

  it("keeps memory modules, not empty slots", () => {
    expect(inventory.memories).toEqual([
      { capacityMb: 8192, type: "DDR3", speedMhz: 1600, serial: "23853943", manufacturer: "Samsung", slot: "DIMM0" },
    ]);
  });

  it("reads monitors, printers, users and software", () => {
    expect(inventory.monitors).toEqual([
      { name: "N133BGE-EAA CMN N133BGE-EAA", manufacturer: "CMN", serial: "00000000", altSerial: null, description: "11/2013" },
    ]);
    expect(inventory.printers).toEqual([
      { name: "Deskjet-2540", driver: "HP Deskjet 2540 Series, hpcups 3.17.4", port: "Deskjet-2540", serial: null, isNetwork: null, isShared: null },
    ]);
    expect(inventory.users).toEqual([{ login: "johan", domain: null }]);
    expect(inventory.software).toHaveLength(42);
    expect(inventory.software.find((s) => s.name === "xerces-j2")?.installDate).toBeNull(); // "N/A"
    expect(inventory.volumes.map((v) => v.mount)).toEqual(["/", "/boot", "/home"]);
  });

  it("never carries PROCESSES or ENVS", () => {
    const text = JSON.stringify(inventory);
    expect(text).not.toContain("systemd --switched-root");
    expect(text).not.toContain("xterm");
    expect(inventory).not.toHaveProperty("processes");
    expect(inventory).not.toHaveProperty("envs");
  });
});

describe("normalizeXmlInventory — a Windows machine", () => {
  const windows = Buffer.from(`<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST><DEVICEID>PC-COMPTA-2024-01-10-08-00-00</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT>
  <ANTIVIRUS><COMPANY>Microsoft Corporation</COMPANY><ENABLED>1</ENABLED><NAME>Microsoft Defender</NAME>
    <UPTODATE>0</UPTODATE><VERSION>4.18.24090.11</VERSION><EXPIRATION>2026-12-31</EXPIRATION></ANTIVIRUS>
  <DRIVES><FILESYSTEM>NTFS</FILESYSTEM><FREE>51200</FREE><LETTER>C:</LETTER><TOTAL>476000</TOTAL>
    <TYPE>Local Disk</TYPE><VOLUMN>Windows</VOLUMN></DRIVES>
  <HARDWARE><NAME>PC-COMPTA</NAME><WORKGROUP>corp.example</WORKGROUP><MEMORY>16384</MEMORY></HARDWARE>
  <NETWORKS><DESCRIPTION>Intel(R) Ethernet I219-LM</DESCRIPTION><MACADDR>AC-1F-6B-00-11-22</MACADDR>
    <IPADDRESS>10.1.2.3</IPADDRESS><SPEED>1 Gb/s</SPEED><VIRTUALDEV>0</VIRTUALDEV><STATUS>Up</STATUS></NETWORKS>
  <OPERATINGSYSTEM><NAME>Windows</NAME><FULL_NAME>Microsoft Windows 11 Professionnel</FULL_NAME>
    <VERSION>23H2</VERSION><KERNEL_VERSION>10.0.22631</KERNEL_VERSION><ARCH>64-bit</ARCH>
    <INSTALL_DATE>2024-01-09 17:12:03</INSTALL_DATE></OPERATINGSYSTEM>
  <PROCESSES><CMD>C:\\secret.exe --password hunter2</CMD><PID>4</PID></PROCESSES>
  <ENVS><KEY>API_KEY</KEY><VAL>s3cr3t</VAL></ENVS>
  <SOFTWARES><NAME>Mozilla Firefox (x64 fr)</NAME><VERSION>131.0</VERSION><PUBLISHER>Mozilla</PUBLISHER>
    <INSTALLDATE>20241015</INSTALLDATE><ARCH>x86_64</ARCH><GUID>Mozilla Firefox 131.0 (x64 fr)</GUID></SOFTWARES>
  <USERS><DOMAIN>CORP</DOMAIN><LOGIN>mdupont</LOGIN></USERS>
  <VERSIONCLIENT>FusionInventory-Agent_v2.6</VERSIONCLIENT>
</CONTENT></REQUEST>`);
  const inventory = normalizeXmlInventory(parseAgentXml(windows), null);

  it("reads a single element as a one-item list", () => {
    expect(inventory.software).toEqual([
      {
        name: "Mozilla Firefox (x64 fr)",
        version: "131.0",
        publisher: "Mozilla",
        installDate: "2024-10-15",
        arch: "x86_64",
        from: null,
        guid: "Mozilla Firefox 131.0 (x64 fr)",
      },
    ]);
    expect(inventory.users).toEqual([{ login: "mdupont", domain: "CORP" }]);
  });

  it("reads the antivirus state", () => {
    expect(inventory.antivirus).toEqual([
      { name: "Microsoft Defender", company: "Microsoft Corporation", isEnabled: true, isUpToDate: false, version: "4.18.24090.11", expiresOn: "2026-12-31" },
    ]);
  });

  it("reads a Windows drive letter, MAC and speed", () => {
    expect(inventory.volumes).toEqual([
      { mount: "C:", device: null, label: "Windows", filesystem: "NTFS", totalMb: 476000, freeMb: 51200, serial: null },
    ]);
    expect(inventory.networks).toEqual([
      { name: "Intel(R) Ethernet I219-LM", mac: "ac:1f:6b:00:11:22", ipv4: ["10.1.2.3"], ipv6: [], speedMbps: 1000, isVirtual: false, type: null, status: "up", driver: null },
    ]);
    expect(inventory.os).toMatchObject({ fullName: "Microsoft Windows 11 Professionnel", kernelVersion: "10.0.22631", installDate: "2024-01-09" });
  });

  it("drops PROCESSES and ENVS", () => {
    const text = JSON.stringify(inventory);
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("s3cr3t");
  });
});

describe("normalizeXmlInventory — refusals", () => {
  it("refuses an INVENTORY without CONTENT", () => {
    const request = parseAgentXml(Buffer.from("<REQUEST><DEVICEID>pc</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"));
    expect(() => normalizeXmlInventory(request, null)).toThrow(InventoryProtocolError);
  });
});
