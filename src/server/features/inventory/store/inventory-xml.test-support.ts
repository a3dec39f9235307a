/**
 * A FusionInventory-style INVENTORY message for tests and the benchmark: the sections
 * reconciliation and storage read, with the values a test needs to vary.
 */
export type MachineSpec = {
  deviceId: string;
  name: string;
  serial?: string;
  uuid?: string;
  manufacturer?: string;
  model?: string;
  chassis?: string;
  macs?: string[];
  memoriesMb?: number[];
  disks?: { name: string; serial: string; sizeMb: number }[];
  volumes?: { mount: string; totalMb: number; freeMb: number }[];
  software?: { name: string; version: string; publisher?: string }[];
  tag?: string;
  lastUser?: string;
  osVersion?: string;
  /** Screens as FusionInventory reads them from EDID: CAPTION, MANUFACTURER, SERIAL. */
  monitors?: { caption?: string; manufacturer?: string; serial?: string; altSerial?: string }[];
  /** Printers as Windows lists them; `network` is the agent's NETWORK flag. */
  printers?: { name: string; driver?: string; port?: string; serial?: string; network?: boolean }[];
};

const esc = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const el = (tag: string, value: string | number | undefined) => (value === undefined ? "" : `<${tag}>${esc(String(value))}</${tag}>`);

export function inventoryXml(spec: MachineSpec): string {
  const parts = [
    `<HARDWARE>${el("NAME", spec.name)}${el("UUID", spec.uuid)}${el("CHASSIS_TYPE", spec.chassis ?? "Desktop")}${el("LASTLOGGEDUSER", spec.lastUser)}<VMSYSTEM>Physical</VMSYSTEM></HARDWARE>`,
    `<BIOS>${el("SSN", spec.serial)}${el("SMANUFACTURER", spec.manufacturer ?? "Dell Inc.")}${el("SMODEL", spec.model ?? "OptiPlex 7010")}<BVERSION>1.2.3</BVERSION></BIOS>`,
    `<OPERATINGSYSTEM><NAME>Microsoft Windows</NAME><FULL_NAME>Microsoft Windows 11 Professionnel</FULL_NAME>${el("VERSION", spec.osVersion ?? "23H2")}<KERNEL_VERSION>10.0.22631</KERNEL_VERSION><ARCH>64-bit</ARCH></OPERATINGSYSTEM>`,
    `<CPUS><NAME>Intel(R) Core(TM) i5-13500</NAME><CORE>14</CORE><THREAD>20</THREAD><SPEED>2500</SPEED></CPUS>`,
    ...(spec.memoriesMb ?? [8192]).map((mb, i) => `<MEMORIES><CAPACITY>${mb}</CAPACITY><CAPTION>DIMM ${i}</CAPTION><TYPE>DDR5</TYPE></MEMORIES>`),
    ...(spec.disks ?? [{ name: "PhysicalDrive0", serial: `DSK-${spec.deviceId}`, sizeMb: 512_000 }])
      .map((d) => `<STORAGES>${el("NAME", d.name)}${el("SERIALNUMBER", d.serial)}${el("DISKSIZE", d.sizeMb)}<MODEL>NVMe SSD</MODEL></STORAGES>`),
    ...(spec.volumes ?? [{ mount: "C:", totalMb: 500_000, freeMb: 200_000 }])
      .map((v) => `<DRIVES>${el("LETTER", v.mount)}${el("TOTAL", v.totalMb)}${el("FREE", v.freeMb)}<FILESYSTEM>NTFS</FILESYSTEM></DRIVES>`),
    ...(spec.macs ?? []).map((mac, i) => `<NETWORKS><DESCRIPTION>Intel Ethernet ${i}</DESCRIPTION>${el("MACADDR", mac)}<IPADDRESS>10.0.${i}.${10 + i}</IPADDRESS><TYPE>ethernet</TYPE><VIRTUALDEV>0</VIRTUALDEV></NETWORKS>`),
    ...(spec.monitors ?? []).map((m) => `<MONITORS>${el("CAPTION", m.caption)}${el("MANUFACTURER", m.manufacturer)}${el("SERIAL", m.serial)}${el("ALTSERIAL", m.altSerial)}</MONITORS>`),
    ...(spec.printers ?? []).map((p) => `<PRINTERS>${el("NAME", p.name)}${el("DRIVER", p.driver)}${el("PORT", p.port)}${el("SERIAL", p.serial)}${el("NETWORK", p.network === undefined ? undefined : p.network ? 1 : 0)}</PRINTERS>`),
    ...(spec.software ?? []).map((s) => `<SOFTWARES>${el("NAME", s.name)}${el("VERSION", s.version)}${el("PUBLISHER", s.publisher)}</SOFTWARES>`),
    spec.tag ? `<ACCOUNTINFO><KEYNAME>TAG</KEYNAME>${el("KEYVALUE", spec.tag)}</ACCOUNTINFO>` : "",
    `<VERSIONCLIENT>FusionInventory-Agent_v2.6</VERSIONCLIENT>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<REQUEST><CONTENT>${parts.join("")}</CONTENT>${el("DEVICEID", spec.deviceId)}<QUERY>INVENTORY</QUERY></REQUEST>`;
}
