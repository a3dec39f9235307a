/**
 * One inventory, whatever agent sent it: OCS 2.10 XML, FusionInventory 2.6 XML or GLPI agent JSON.
 * Reconciliation and storage work on this shape only, never on what the agents sent.
 *
 * Rules every mapper follows: an empty string is null; sizes are numbers in MB; speeds numbers
 * (MHz, MT/s, Mbit/s); a MAC address is lower-case colon form ("02:fc:00:00:00:01"); dates are
 * "YYYY-MM-DD" and times "YYYY-MM-DDTHH:MM:SS" in the agent's local time (agents send no zone);
 * a value that cannot be read is null, never a guess. Process lists and environment variables are
 * never carried: the type has no place for them.
 */

export const ITEM_TYPES = ["Computer", "Phone", "NetworkEquipment", "Printer", "Unmanaged"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export type AgentInventory = {
  format: "xml" | "json";
  itemtype: ItemType;
  /** Agent name and version, from VERSIONCLIENT or, for OCS which sends none, the User-Agent header. */
  agent: { name: string | null; version: string | null };
  /** The agent's TAG (ACCOUNTINFO in XML, `tag` in JSON): places the machine in an entity. */
  tag: string | null;
  /** When the agent ran the inventory (ACCESSLOG). */
  inventoriedAt: string | null;
  hardware: InventoryHardware;
  bios: InventoryBios;
  os: InventoryOs | null;
  cpus: InventoryCpu[];
  memories: InventoryMemory[];
  disks: InventoryDisk[];
  volumes: InventoryVolume[];
  networks: InventoryNetwork[];
  monitors: InventoryMonitor[];
  printers: InventoryPrinter[];
  antivirus: InventoryAntivirus[];
  /** Who is logged in (USERS); the last one to log in is hardware.lastLoggedUser. */
  users: InventoryUser[];
  localUsers: InventoryLocalUser[];
  software: InventorySoftware[];
  /** Switches, printers and phones scanned over SNMP (JSON netinventory); null for computers. */
  device: InventoryNetworkDevice | null;
  firmwares: InventoryFirmware[];
};

export type InventoryHardware = {
  name: string | null;
  uuid: string | null;
  /** "Laptop", "Notebook", "Desktop"… as the agent says it. */
  chassis: string | null;
  /** Windows workgroup or AD domain (OCS and Fusion put either in WORKGROUP). */
  workgroup: string | null;
  dnsDomain: string | null;
  fqdn: string | null;
  memoryMb: number | null;
  swapMb: number | null;
  /** "Physical", "VMware", "Docker"… */
  vmSystem: string | null;
  lastLoggedUser: string | null;
  defaultGateway: string | null;
  dns: string | null;
};

/** The SMBIOS system (what the asset is), its BIOS firmware and its motherboard. */
export type InventoryBios = {
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  assetTag: string | null;
  sku: string | null;
  biosManufacturer: string | null;
  version: string | null;
  date: string | null;
  boardManufacturer: string | null;
  boardModel: string | null;
  boardSerial: string | null;
};

export type InventoryOs = {
  /** Short name: "Debian GNU/Linux", "Windows". */
  name: string | null;
  /** "Debian GNU/Linux 12 (bookworm)", "Microsoft Windows 11 Professionnel". */
  fullName: string | null;
  version: string | null;
  /** Kernel version: the Linux kernel, or the Windows build ("10.0.22631"). */
  kernelVersion: string | null;
  kernelName: string | null;
  servicePack: string | null;
  arch: string | null;
  installDate: string | null;
  lastBootAt: string | null;
};

export type InventoryCpu = {
  name: string | null;
  manufacturer: string | null;
  cores: number | null;
  threads: number | null;
  speedMhz: number | null;
  arch: string | null;
  serial: string | null;
};

export type InventoryMemory = {
  capacityMb: number | null;
  type: string | null;
  speedMhz: number | null;
  serial: string | null;
  manufacturer: string | null;
  slot: string | null;
};

export type InventoryDisk = {
  name: string | null;
  model: string | null;
  manufacturer: string | null;
  serial: string | null;
  sizeMb: number | null;
  type: string | null;
  interface: string | null;
  firmware: string | null;
};

export type InventoryVolume = {
  /** Where it is mounted: "/home", or a Windows letter "C:". */
  mount: string | null;
  /** The block device on Unix ("/dev/sda1"). */
  device: string | null;
  label: string | null;
  filesystem: string | null;
  totalMb: number | null;
  freeMb: number | null;
  serial: string | null;
};

/** One interface; the agents send one entry per address, merged here by name and MAC. */
export type InventoryNetwork = {
  name: string | null;
  mac: string | null;
  ipv4: string[];
  ipv6: string[];
  speedMbps: number | null;
  isVirtual: boolean | null;
  type: string | null;
  status: string | null;
  driver: string | null;
};

export type InventoryMonitor = {
  name: string | null;
  manufacturer: string | null;
  serial: string | null;
  altSerial: string | null;
  description: string | null;
};

export type InventoryPrinter = {
  name: string | null;
  driver: string | null;
  port: string | null;
  serial: string | null;
  isNetwork: boolean | null;
  isShared: boolean | null;
};

export type InventoryAntivirus = {
  name: string | null;
  company: string | null;
  isEnabled: boolean | null;
  isUpToDate: boolean | null;
  version: string | null;
  expiresOn: string | null;
};

export type InventoryUser = { login: string; domain: string | null };

export type InventoryLocalUser = { login: string; name: string | null; id: string | null; home: string | null };

export type InventorySoftware = {
  name: string;
  version: string | null;
  publisher: string | null;
  installDate: string | null;
  arch: string | null;
  /** Package system or origin: "deb", "rpm", "registry", "Android"… */
  from: string | null;
  guid: string | null;
};

export type InventoryNetworkDevice = {
  type: string | null;
  description: string | null;
  location: string | null;
  contact: string | null;
  uptime: string | null;
  ips: string[];
  mac: string | null;
  pageCounters: Record<string, number> | null;
  cartridges: { name: string; value: string }[];
};

export type InventoryFirmware = {
  name: string | null;
  manufacturer: string | null;
  version: string | null;
  type: string | null;
  date: string | null;
};
