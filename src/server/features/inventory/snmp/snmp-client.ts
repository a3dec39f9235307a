/**
 * A thin promise layer over net-snmp: one session per address and credential, a short timeout,
 * GET of scalars and bounded walks of tables. Values come back as plain text or numbers.
 */
import * as snmp from "net-snmp";
import type { SnmpCredentialRow } from "./snmp.table.js";
import { openNullable } from "../../../security/secret-box.js";

/** Per request: a host that does not answer in time is taken as silent (one retry, for a lost datagram). */
export const SNMP_TIMEOUT_MS = 1000;
const SNMP_RETRIES = 1;
/** The most rows one walk reads: a switch's entity or interface table stays bounded. */
const WALK_MAX_ROWS = 500;

export type SnmpValue = string | number | Buffer;
export type SnmpRow = { oid: string; value: SnmpValue };

export type SnmpSession = {
  /** The scalars that exist, by OID (missing ones are left out). */
  get: (oids: string[]) => Promise<Map<string, SnmpValue>>;
  walk: (oid: string) => Promise<SnmpRow[]>;
  close: () => void;
};

const AUTH: Record<string, snmp.AuthProtocols> = {
  md5: snmp.AuthProtocols.md5, sha: snmp.AuthProtocols.sha, sha224: snmp.AuthProtocols.sha224,
  sha256: snmp.AuthProtocols.sha256, sha384: snmp.AuthProtocols.sha384, sha512: snmp.AuthProtocols.sha512,
};
const PRIV: Record<string, snmp.PrivProtocols> = {
  des: snmp.PrivProtocols.des, aes: snmp.PrivProtocols.aes, aes256b: snmp.PrivProtocols.aes256b, aes256r: snmp.PrivProtocols.aes256r,
};

function v3User(credential: SnmpCredentialRow): snmp.User {
  const auth = credential.auth_protocol && credential.auth_key ? AUTH[credential.auth_protocol] : undefined;
  const priv = auth !== undefined && credential.priv_protocol && credential.priv_key ? PRIV[credential.priv_protocol] : undefined;
  const level = priv !== undefined ? snmp.SecurityLevel.authPriv : auth !== undefined ? snmp.SecurityLevel.authNoPriv : snmp.SecurityLevel.noAuthNoPriv;
  return { name: credential.username ?? "", level, authProtocol: auth, authKey: credential.auth_key ?? undefined,
    privProtocol: priv, privKey: credential.priv_key ?? undefined };
}

function openRaw(host: string, port: number, stored: SnmpCredentialRow): snmp.Session {
  const credential = { ...stored, community: openNullable(stored.community), auth_key: openNullable(stored.auth_key), priv_key: openNullable(stored.priv_key) };
  const common = { port, timeout: SNMP_TIMEOUT_MS, retries: SNMP_RETRIES };
  if (credential.version === "v3") return snmp.createV3Session(host, v3User(credential), { ...common, version: 3 });
  const version = credential.version === "v1" ? snmp.Version1 : snmp.Version2c;
  return snmp.createSession(host, credential.community ?? "public", { ...common, version: version as 0 | 1 });
}

/** Opens a session; nothing is sent until the first request. */
export function openSnmpSession(host: string, port: number, credential: SnmpCredentialRow): SnmpSession {
  const session = openRaw(host, port, credential);
  // A datagram error (host unreachable) must fail the request, not the process.
  session.on("error", () => undefined);
  const bulk = credential.version !== "v1";
  return {
    get: (oids) => new Promise((resolve, reject) => {
      session.get(oids, (error, varbinds) => {
        if (error) return reject(error);
        const values = new Map<string, SnmpValue>();
        for (const vb of varbinds ?? []) if (!snmp.isVarbindError(vb) && vb.value !== null && vb.value !== undefined) values.set(vb.oid, vb.value as SnmpValue);
        resolve(values);
      });
    }),
    walk: (oid) => new Promise((resolve, reject) => {
      const rows: SnmpRow[] = [];
      const feed = (varbinds: snmp.Varbind[]) => {
        for (const vb of varbinds) if (!snmp.isVarbindError(vb) && vb.value !== null && vb.value !== undefined) rows.push({ oid: vb.oid, value: vb.value as SnmpValue });
        return rows.length >= WALK_MAX_ROWS ? true : undefined;
      };
      const done = (error: Error | null) => (error ? reject(error) : resolve(rows));
      if (bulk) session.subtree(oid, 20, feed as snmp.FeedCallback, done);
      else session.subtree(oid, feed as snmp.FeedCallback, done);
    }),
    close: () => {
      try {
        session.close();
      } catch {
        // Already closed after an error.
      }
    },
  };
}

/** An OCTET STRING as text (trailing NULs trimmed, as printers pad them); numbers as they are. */
export function textOf(value: SnmpValue | undefined): string | null {
  if (value === undefined) return null;
  const text = (Buffer.isBuffer(value) ? value.toString("utf8") : String(value)).replace(/\0+$/, "").trim();
  return text === "" ? null : text;
}

export function numberOf(value: SnmpValue | undefined): number | null {
  if (value === undefined) return null;
  if (typeof value === "number") return value;
  const n = Number(Buffer.isBuffer(value) ? value.toString() : value);
  return Number.isFinite(n) ? n : null;
}

/** ifPhysAddress as "aa:bb:cc:dd:ee:ff"; null for an empty or odd-sized one. */
export function macOf(value: SnmpValue | undefined): string | null {
  if (!Buffer.isBuffer(value) || value.length !== 6 || value.every((b) => b === 0)) return null;
  return [...value].map((b) => b.toString(16).padStart(2, "0")).join(":");
}
