/**
 * A real SNMP agent for tests: Debian's snmpd on a free loopback UDP port, configured by the test
 * (a v2c community, a v3 user, and `override` lines that make it answer like a printer or a router).
 */
import { type ChildProcess, spawn } from "node:child_process";
import dgram from "node:dgram";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as snmp from "net-snmp";

export const SNMPD = "/usr/sbin/snmpd";
export const COMMUNITY = "vigie-public";
export const V3 = { username: "vigie-v3", authProtocol: "sha" as const, authKey: "auth-pass-phrase", privProtocol: "aes" as const, privKey: "priv-pass-phrase" };

/** Why the SNMP tests cannot run here (snmpd missing), or undefined; with CI=true a missing snmpd is a failure. */
export function missingSnmpd(): string | undefined {
  if (fs.existsSync(SNMPD)) return undefined;
  const reason = `snmpd is not installed (${SNMPD}; apt-get install snmpd): SNMP discovery tests skipped`;
  if (process.env.CI === "true") throw new Error(reason);
  console.warn(reason);
  return reason;
}

export type FakeSupply = { description: string; type: number; supplyClass?: number; colour?: string; level: number; max: number };
export type Personality = { sysName: string; sysDescr: string; sysObjectId: string; serial?: string; model?: string; maker?: string;
  supplies?: FakeSupply[]; pageCount?: number; forwarding?: boolean };

export const PRINTER: Personality = {
  sysName: "PRN-ACCUEIL", sysDescr: "HP LaserJet Pro M404dn", sysObjectId: "1.3.6.1.4.1.11.2.3.9.1", serial: "CNB1234567",
  model: "LaserJet Pro M404dn", maker: "HP", pageCount: 12345,
  supplies: [
    { description: "Black Toner Cartridge HP 59A", type: 3, colour: "black", level: 5, max: 100 },
    { description: "Imaging Drum", type: 9, level: 60, max: 100 },
    { description: "Waste Toner Box", type: 4, supplyClass: 4, level: 98, max: 100 },
  ],
};

function overrides(p: Personality): string[] {
  const lines: string[] = [];
  const str = (oid: string, value: string) => lines.push(`override ${oid} octet_str "${value}"`);
  const int = (oid: string, value: number) => lines.push(`override ${oid} integer ${value}`);
  if (p.serial) str("1.3.6.1.2.1.47.1.1.1.1.11.1", p.serial);
  if (p.maker) str("1.3.6.1.2.1.47.1.1.1.1.12.1", p.maker);
  if (p.model) str("1.3.6.1.2.1.47.1.1.1.1.13.1", p.model);
  if (p.forwarding) int("1.3.6.1.2.1.4.1.0", 1);
  if (p.pageCount !== undefined) lines.push(`override 1.3.6.1.2.1.43.10.2.1.4.1.1 counter ${p.pageCount}`);
  (p.supplies ?? []).forEach((s, i) => {
    const index = `1.${i + 1}`;
    if (s.colour) {
      int(`1.3.6.1.2.1.43.11.1.1.3.${index}`, i + 1);
      str(`1.3.6.1.2.1.43.12.1.1.4.${index}`, s.colour);
    }
    int(`1.3.6.1.2.1.43.11.1.1.4.${index}`, s.supplyClass ?? 3);
    int(`1.3.6.1.2.1.43.11.1.1.5.${index}`, s.type);
    str(`1.3.6.1.2.1.43.11.1.1.6.${index}`, s.description);
    int(`1.3.6.1.2.1.43.11.1.1.8.${index}`, s.max);
    int(`1.3.6.1.2.1.43.11.1.1.9.${index}`, s.level);
  });
  return lines;
}

async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

async function answers(port: number): Promise<boolean> {
  const session = snmp.createSession("127.0.0.1", COMMUNITY, { port, timeout: 300, retries: 0, version: snmp.Version2c as 1 });
  session.on("error", () => undefined);
  try {
    return await new Promise<boolean>((resolve) => session.get(["1.3.6.1.2.1.1.5.0"], (error) => resolve(!error)));
  } finally {
    session.close();
  }
}

export type Snmpd = { port: number; stop: () => Promise<void> };

/** Starts snmpd answering as `personality`; resolves once it answers. */
export async function startSnmpd(personality: Personality, port?: number): Promise<Snmpd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigie-snmpd-"));
  const conf = path.join(dir, "snmpd.conf");
  fs.writeFileSync(conf, [
    `rocommunity ${COMMUNITY} 127.0.0.1`,
    `createUser ${V3.username} SHA "${V3.authKey}" AES "${V3.privKey}"`,
    `rouser ${V3.username} priv`,
    `sysdescr ${personality.sysDescr}`, `sysobjectid ${personality.sysObjectId}`, `sysname ${personality.sysName}`, "syslocation Accueil",
    ...overrides(personality), "",
  ].join("\n"));
  const udpPort = port ?? (await freeUdpPort());
  // MIBS empty: the agent needs no MIB files to answer by OID, and stays quiet without them.
  const child: ChildProcess = spawn(SNMPD, ["-f", "-Lo", "-C", "-c", conf, `--persistentDir=${path.join(dir, "state")}`, "-p", path.join(dir, "pid"),
    `udp:127.0.0.1:${udpPort}`], { env: { ...process.env, MIBS: "", MIBDIRS: dir }, stdio: "ignore" });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    if (await answers(udpPort)) return { port: udpPort, stop };
  }
  await stop();
  throw new Error(`snmpd did not start on udp:127.0.0.1:${udpPort}`);
}
