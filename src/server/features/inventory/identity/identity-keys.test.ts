import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { identityKeys, type IdentityInput } from "./identity-keys.js";

const machines = (JSON.parse(readFileSync(new URL("../../../../../test/fixtures/inventory/identity-machines.json", import.meta.url), "utf8")) as {
  machines: Record<string, IdentityInput>;
}).machines;

function machine(name: string): IdentityInput {
  const found = machines[name];
  if (!found) throw new Error(`no fixture machine ${name}`);
  return found;
}

describe("identityKeys on the real inventories", () => {
  it("gives the CI machine the same keys from FusionInventory and from OCS (no serial, no UUID)", () => {
    const fusion = identityKeys(machine("fusioninventory-2.6"));
    const ocs = identityKeys(machine("ocsinventory-2.10"));
    expect(fusion).toMatchObject({ macs: ["02:fc:00:00:00:01"], name: "vm" });
    expect(fusion.serial).toBeUndefined();
    expect(fusion.uuid).toBeUndefined();
    const { ignored: _fusionIgnored, ...fusionKeys } = fusion;
    const { ignored: _ocsIgnored, ...ocsKeys } = ocs;
    expect(ocsKeys).toEqual(fusionKeys);
  });

  it("lists the loopback and ifb interfaces it left out", () => {
    const { ignored } = identityKeys(machine("fusioninventory-2.6"));
    expect(ignored).toContainEqual({ key: "mac", value: "00:00:00:00:00:00", reason: "placeholder" });
    expect(ignored).toContainEqual({ key: "mac", value: "a2:7a:ea:5b:db:3a", reason: "virtual-interface" });
    expect(ignored).toContainEqual({ key: "mac", value: "ee:a9:7e:c5:ba:84", reason: "virtual-interface" });
    // The OCS agent sends no VIRTUALDEV: the interface names tell.
    expect(identityKeys(machine("ocsinventory-2.10")).ignored.map((value) => value.value)).toEqual(["a2:7a:ea:5b:db:3a", "ee:a9:7e:c5:ba:84"]);
  });

  it("reads a Dell laptop's JSON inventory, without the libvirt bridge", () => {
    const keys = identityKeys(machine("json-computer-1"));
    expect(keys).toEqual({
      serial: "640HP72",
      uuid: "4c4c4544-0034-3010-8048-b6c04f503732",
      macs: ["00:e0:4c:68:01:db", "44:85:00:2b:90:bc"],
      name: "glpixps",
      ignored: [
        { key: "mac", value: "00:00:00:00:00:00", reason: "placeholder" },
        { key: "mac", value: "00:00:00:00:00:00", reason: "placeholder" },
        { key: "mac", value: "52:54:00:fa:20:0e", reason: "virtual-interface" },
        { key: "mac", value: "52:54:00:fa:20:0e", reason: "virtual-interface" },
      ],
    });
  });

  it("reads a Toshiba laptop's XML inventory, without its random Wi-Fi address", () => {
    const keys = identityKeys(machine("xml-computer-1"));
    expect(keys.serial).toBe("9E113232I");
    expect(keys.uuid).toBe("0055adc9-1d3a-e411-8043-b05d95113232");
    expect(keys.macs).toEqual(["b8:6b:23:e0:5c:81", "b8:6b:23:e0:5c:91"]);
    expect(keys.name).toBe("lf014");
    expect(keys.ignored).toContainEqual({ key: "mac", value: "ae:ed:e7:56:9d:a0", reason: "random-mac" });
  });

  it("keeps a phone's serial, Android id and Wi-Fi address", () => {
    expect(identityKeys(machine("json-phone-1"))).toEqual({
      serial: "af8d8fcfa6fa4794",
      uuid: "af8d3fcfa6fe4784",
      macs: ["e0:dc:ff:ed:09:59"],
      name: "mi9tpro-téléphonem",
      ignored: [],
    });
  });
});

describe("identityKeys", () => {
  it("drops placeholder serials and UUIDs and says so", () => {
    const keys = identityKeys({ serial: "To be filled by O.E.M.", uuid: "03000200-0400-0500-0006-000700080009", name: "PC-COMPTA.corp.local" });
    expect(keys).toEqual({
      macs: [],
      name: "pc-compta",
      ignored: [
        { key: "serial", value: "To be filled by O.E.M.", reason: "placeholder" },
        { key: "uuid", value: "03000200-0400-0500-0006-000700080009", reason: "placeholder" },
      ],
    });
  });

  it("says nothing about values that are simply missing", () => {
    expect(identityKeys({ serial: "", uuid: null, networks: [{ description: "eth0" }] })).toEqual({ macs: [], ignored: [] });
    expect(identityKeys({})).toEqual({ macs: [], ignored: [] });
  });

  it("keeps the machine's own adapters on Windows and drops the software ones", () => {
    const keys = identityKeys({
      networks: [
        { description: "Intel(R) Ethernet Connection (7) I219-LM", mac: "C8-D9-D2-11-22-33", type: "ethernet" },
        { description: "Intel(R) Wi-Fi 6 AX201 160MHz", mac: "D0-AB-D5-44-55-66", type: "wifi" },
        { description: "Microsoft Hyper-V Network Adapter", mac: "00:15:5D:01:02:03" },
        { description: "vmxnet3 Ethernet Adapter", mac: "00:50:56:AA:BB:CC" },
        { description: "VMware Virtual Ethernet Adapter for VMnet8", mac: "00:50:56:C0:00:08" },
        { description: "VirtualBox Host-Only Ethernet Adapter", mac: "0A:00:27:00:00:0E" },
        { description: "TAP-Windows Adapter V9", mac: "00:FF:12:34:56:78" },
        { description: "WAN Miniport (IP)", mac: "20:41:53:59:4E:FF" },
        { description: "Bluetooth Device (Personal Area Network)", mac: "D0:AB:D5:44:55:6A" },
        { description: "Microsoft Wi-Fi Direct Virtual Adapter", mac: "D2:AB:D5:44:55:66" },
        { description: "Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64", mac: "00:05:9A:3C:7A:00" },
      ],
    });
    expect(keys.macs).toEqual(["00:15:5d:01:02:03", "00:50:56:aa:bb:cc", "c8:d9:d2:11:22:33", "d0:ab:d5:44:55:66"]);
  });

  it("drops the Linux software interfaces, flagged or not", () => {
    const names = ["lo", "docker0", "veth1a2b3c", "br-0f1e2d", "virbr0", "virbr0-nic", "vmnet8", "vboxnet0", "tun0", "tap0", "wg0", "ifb0", "dummy0", "bond0", "tailscale0", "zt5u4y"];
    const networks = names.map((description, index) => ({ description, mac: `00:11:22:33:44:${String(index).padStart(2, "0")}` }));
    expect(identityKeys({ networks: [...networks, { description: "enp0s31f6", mac: "00:11:22:33:44:ff" }] }).macs).toEqual(["00:11:22:33:44:ff"]);
  });

  it("trusts the agent's virtual flag and interface type", () => {
    const keys = identityKeys({
      networks: [
        { description: "eth1", mac: "00:11:22:33:44:01", virtual: true },
        { description: "eth2", mac: "00:11:22:33:44:02", type: "bridge" },
        { description: "eth3", mac: "00:11:22:33:44:03", type: "loopback" },
        { description: "eth4", mac: "00:11:22:33:44:04", virtual: false, type: "ethernet" },
      ],
    });
    expect(keys.macs).toEqual(["00:11:22:33:44:04"]);
  });

  it("keeps a virtual machine's own locally administered Ethernet address, not a Wi-Fi one", () => {
    expect(identityKeys({ networks: [{ description: "eth0", mac: "02:fc:00:00:00:01", type: "ethernet" }] }).macs).toEqual(["02:fc:00:00:00:01"]);
    expect(identityKeys({ networks: [{ description: "wlan0", mac: "02:fc:00:00:00:02", type: "wifi" }] }).macs).toEqual([]);
  });

  it("lists each address once, sorted", () => {
    const keys = identityKeys({ networks: [{ mac: "B8:00:00:00:00:01" }, { mac: "0a:00:00:00:00:01" }, { mac: "b8-00-00-00-00-01" }] });
    expect(keys.macs).toEqual(["0a:00:00:00:00:01", "b8:00:00:00:00:01"]);
  });
});
