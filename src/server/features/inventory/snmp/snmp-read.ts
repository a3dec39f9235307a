/**
 * What one answering address says of itself over SNMP: SNMPv2-MIB system group, ENTITY-MIB
 * (serial, model, maker), IF-MIB interfaces with their MAC, and for a printer the Printer-MIB
 * supplies table and page counter. Only what is read is kept; identification is in snmp-device.ts.
 */
import { type SnmpRow, type SnmpSession, type SnmpValue, macOf, numberOf, textOf } from "./snmp-client.js";

const SYS = {
  descr: "1.3.6.1.2.1.1.1.0", objectId: "1.3.6.1.2.1.1.2.0", uptime: "1.3.6.1.2.1.1.3.0", contact: "1.3.6.1.2.1.1.4.0",
  name: "1.3.6.1.2.1.1.5.0", location: "1.3.6.1.2.1.1.6.0",
} as const;
const IP_FORWARDING = "1.3.6.1.2.1.4.1.0";
const BRIDGE_PORTS = "1.3.6.1.2.1.17.1.2.0";
const ENT_PHYSICAL = "1.3.6.1.2.1.47.1.1.1.1";
const IF_ENTRY = "1.3.6.1.2.1.2.2.1";
const IP_ADDR_IFINDEX = "1.3.6.1.2.1.4.20.1.2";
const PRT_LIFE_COUNT = "1.3.6.1.2.1.43.10.2.1.4";
const PRT_SUPPLIES = "1.3.6.1.2.1.43.11.1.1";
const PRT_COLORANT_VALUE = "1.3.6.1.2.1.43.12.1.1.4";

export type SnmpInterface = { index: string; name: string | null; type: string | null; speedBps: number | null; mac: string | null; up: boolean | null; ips: string[] };

/** One row of prtMarkerSuppliesTable: level and max as the printer says (-3 "some left", -2 unknown). */
export type SnmpSupply = { index: string; description: string; type: number | null; supplyClass: number | null; colour: string | null;
  level: number | null; max: number | null };

export type SnmpDeviceRead = {
  ip: string;
  sysDescr: string | null;
  sysObjectId: string | null;
  sysName: string | null;
  sysLocation: string | null;
  sysContact: string | null;
  uptime: number | null;
  serial: string | null;
  model: string | null;
  manufacturer: string | null;
  forwarding: boolean;
  bridge: boolean;
  interfaces: SnmpInterface[];
  supplies: SnmpSupply[];
  /** prtMarkerLifeCount summed over the markers; null when the device has none. */
  pageCount: number | null;
};

/** The rows of a table column, by the index after the column's OID ("1.2" for supply 2 of device 1). */
function byIndex(rows: SnmpRow[], column: string): Map<string, SnmpValue> {
  const prefix = `${column}.`;
  const map = new Map<string, SnmpValue>();
  for (const row of rows) if (row.oid.startsWith(prefix)) map.set(row.oid.slice(prefix.length), row.value);
  return map;
}

/** The first physical entity with a serial (the chassis, usually index 1), else the first with a model. */
function physicalIdentity(rows: SnmpRow[]): { serial: string | null; model: string | null; manufacturer: string | null } {
  const serials = byIndex(rows, `${ENT_PHYSICAL}.11`);
  const makers = byIndex(rows, `${ENT_PHYSICAL}.12`);
  const models = byIndex(rows, `${ENT_PHYSICAL}.13`);
  const indexes = [...new Set([...serials.keys(), ...models.keys()])];
  const index = indexes.find((i) => textOf(serials.get(i))) ?? indexes.find((i) => textOf(models.get(i)));
  if (index === undefined) return { serial: null, model: null, manufacturer: null };
  return { serial: textOf(serials.get(index)), model: textOf(models.get(index)), manufacturer: textOf(makers.get(index)) };
}

function interfacesOf(rows: SnmpRow[], addresses: SnmpRow[]): SnmpInterface[] {
  const names = byIndex(rows, `${IF_ENTRY}.2`);
  const types = byIndex(rows, `${IF_ENTRY}.3`);
  const speeds = byIndex(rows, `${IF_ENTRY}.5`);
  const macs = byIndex(rows, `${IF_ENTRY}.6`);
  const status = byIndex(rows, `${IF_ENTRY}.8`);
  const ipsByIndex = new Map<string, string[]>();
  for (const [ip, ifIndex] of byIndex(addresses, IP_ADDR_IFINDEX)) {
    const key = String(numberOf(ifIndex));
    ipsByIndex.set(key, [...(ipsByIndex.get(key) ?? []), ip]);
  }
  return [...names.keys()].map((index) => ({
    index, name: textOf(names.get(index)), type: textOf(types.get(index)), speedBps: numberOf(speeds.get(index)),
    mac: macOf(macs.get(index)), up: status.has(index) ? numberOf(status.get(index)) === 1 : null, ips: ipsByIndex.get(index) ?? [],
  }));
}

function suppliesOf(rows: SnmpRow[], colorants: SnmpRow[]): SnmpSupply[] {
  const column = (n: number) => byIndex(rows, `${PRT_SUPPLIES}.${n}`);
  const [colourIndex, supplyClass, type, description, max, level] = [3, 4, 5, 6, 8, 9].map(column) as Map<string, SnmpValue>[];
  const colourValues = byIndex(colorants, PRT_COLORANT_VALUE);
  return [...(description ?? new Map()).keys()].map((index) => {
    // The colorant is indexed by the same printer (hrDeviceIndex) as the supply.
    const device = index.split(".")[0];
    const colorant = numberOf(colourIndex?.get(index));
    return {
      index, description: textOf(description?.get(index)) ?? `supply ${index}`, type: numberOf(type?.get(index)),
      supplyClass: numberOf(supplyClass?.get(index)), colour: colorant ? textOf(colourValues.get(`${device}.${colorant}`)) : null,
      level: numberOf(level?.get(index)), max: numberOf(max?.get(index)),
    };
  });
}

/** ifDescr, ifType, ifSpeed, ifPhysAddress, ifOperStatus: one walk each, so a 200-port switch is not cut short. */
const IF_COLUMNS = [2, 3, 5, 6, 8];

async function walkColumns(session: SnmpSession, table: string, columns: number[]): Promise<SnmpRow[]> {
  const rows: SnmpRow[] = [];
  for (const column of columns) rows.push(...(await session.walk(`${table}.${column}`).catch(() => [])));
  return rows;
}

/** Reads the device. Throws when it does not answer (timeout, wrong credential): the caller tries the next one. */
export async function readDevice(session: SnmpSession, ip: string): Promise<SnmpDeviceRead> {
  // The system group first: a host that does not answer it is not an SNMP device for these credentials.
  const system = await session.get(Object.values(SYS));
  if (!system.has(SYS.objectId) && !system.has(SYS.descr)) throw new Error("no system group");
  const flags = await session.get([IP_FORWARDING, BRIDGE_PORTS]);
  const supplies = await session.walk(PRT_SUPPLIES);
  const lifeCounts = await session.walk(PRT_LIFE_COUNT);
  const printer = supplies.length > 0 || lifeCounts.length > 0;
  const identity = physicalIdentity(await walkColumns(session, ENT_PHYSICAL, [11, 12, 13]));
  const interfaces = interfacesOf(await walkColumns(session, IF_ENTRY, IF_COLUMNS), await session.walk(IP_ADDR_IFINDEX).catch(() => []));
  const counts = lifeCounts.map((row) => numberOf(row.value)).filter((n): n is number => n !== null);
  return {
    ip, sysDescr: textOf(system.get(SYS.descr)), sysObjectId: textOf(system.get(SYS.objectId)), sysName: textOf(system.get(SYS.name)),
    sysLocation: textOf(system.get(SYS.location)), sysContact: textOf(system.get(SYS.contact)), uptime: numberOf(system.get(SYS.uptime)),
    ...identity,
    forwarding: numberOf(flags.get(IP_FORWARDING)) === 1,
    bridge: (numberOf(flags.get(BRIDGE_PORTS)) ?? 0) > 0,
    interfaces,
    supplies: printer ? suppliesOf(supplies, await session.walk(PRT_COLORANT_VALUE).catch(() => [])) : [],
    pageCount: counts.length > 0 ? counts.reduce((a, b) => a + b, 0) : null,
  };
}
