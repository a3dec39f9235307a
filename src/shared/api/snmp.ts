import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from "./common.js";

/**
 * SNMP discovery run by Vigie: the credentials it tries, the IP ranges it scans, the scans with
 * their progress, and what printers report of their supplies. Secrets are written, never read:
 * the API says only whether one is set.
 */
export const SNMP_VERSIONS = ["v1", "v2c", "v3"] as const;
export const SNMP_AUTH_PROTOCOLS = ["md5", "sha", "sha224", "sha256", "sha384", "sha512"] as const;
export const SNMP_PRIV_PROTOCOLS = ["des", "aes", "aes256b", "aes256r"] as const;
/** A larger range is refused at save: a scan walks every address. */
export const SNMP_MAX_ADDRESSES = 4096;
export const LOW_SUPPLY_PCT = { min: 1, max: 50, default: 10 } as const;

const secret = z.string().min(1).max(200);
const name = z.string().trim().min(1).max(100);

export const CreateSnmpCredentialBodySchema = z.object({
  entityId: z.number().int().positive(),
  name,
  version: z.enum(SNMP_VERSIONS),
  community: secret.optional(),
  username: z.string().trim().min(1).max(100).optional(),
  authProtocol: z.enum(SNMP_AUTH_PROTOCOLS).nullable().optional(),
  authKey: z.string().min(8).max(200).optional(),
  privProtocol: z.enum(SNMP_PRIV_PROTOCOLS).nullable().optional(),
  privKey: z.string().min(8).max(200).optional(),
}).strict();
export type CreateSnmpCredentialBody = z.infer<typeof CreateSnmpCredentialBodySchema>;

/** A secret left out is kept; null clears it. */
export const UpdateSnmpCredentialBodySchema = z.object({
  name: name.optional(),
  version: z.enum(SNMP_VERSIONS).optional(),
  community: secret.nullable().optional(),
  username: z.string().trim().min(1).max(100).nullable().optional(),
  authProtocol: z.enum(SNMP_AUTH_PROTOCOLS).nullable().optional(),
  authKey: z.string().min(8).max(200).nullable().optional(),
  privProtocol: z.enum(SNMP_PRIV_PROTOCOLS).nullable().optional(),
  privKey: z.string().min(8).max(200).nullable().optional(),
}).strict();
export type UpdateSnmpCredentialBody = z.infer<typeof UpdateSnmpCredentialBodySchema>;

export const SnmpCredentialSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  name: z.string(),
  version: z.enum(SNMP_VERSIONS),
  /** Whether a community is stored; its value is never returned. */
  communitySet: z.boolean(),
  username: z.string().nullable(),
  authProtocol: z.string().nullable(),
  authKeySet: z.boolean(),
  privProtocol: z.string().nullable(),
  privKeySet: z.boolean(),
  canManage: z.boolean(),
  createdAt: TimestampSchema,
});
export type SnmpCredential = z.infer<typeof SnmpCredentialSchema>;
export const SnmpCredentialPageSchema = pageOf(SnmpCredentialSchema);

export const SnmpCredentialParamsSchema = z.object({ credentialId: IdSchema });
export const SnmpRangeParamsSchema = z.object({ rangeId: IdSchema });
export const SnmpScanParamsSchema = z.object({ scanId: IdSchema });

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function ipToNumber(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/**
 * The addresses of "192.168.1.0/24" (network and broadcast left out), "10.0.0.10-10.0.0.50" or
 * one address, as [first, last] numbers; null when it is none of these.
 */
export function parseIpRange(spec: string): { first: number; last: number } | null {
  const text = spec.trim();
  const cidr = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  if (cidr) {
    const [, ip = "", bits = ""] = cidr;
    const prefix = Number(bits);
    if (!IPV4.test(ip) || prefix > 32) return null;
    const size = 2 ** (32 - prefix);
    const network = Math.floor(ipToNumber(ip) / size) * size;
    // A /31 or /32 has no network or broadcast address to leave out.
    return size <= 2 ? { first: network, last: network + size - 1 } : { first: network + 1, last: network + size - 2 };
  }
  const [from = "", to, ...rest] = text.split("-").map((part) => part.trim());
  if (rest.length > 0 || !IPV4.test(from) || (to !== undefined && !IPV4.test(to))) return null;
  const first = ipToNumber(from);
  const last = to === undefined ? first : ipToNumber(to);
  return last >= first ? { first, last } : null;
}

const RangeSpecSchema = z.string().trim().min(1).max(100).refine((spec) => parseIpRange(spec) !== null,
  "an IPv4 address, a CIDR block (192.168.1.0/24) or a range (10.0.0.10-10.0.0.50)");

export const CreateSnmpRangeBodySchema = z.object({
  entityId: z.number().int().positive(),
  name,
  range: RangeSpecSchema,
  port: z.number().int().min(1).max(65535).default(161),
  /** Tried in this order on each address; the first that answers is kept. */
  credentialIds: z.array(z.number().int().positive()).min(1).max(10),
}).strict();
export type CreateSnmpRangeBody = z.infer<typeof CreateSnmpRangeBodySchema>;

export const UpdateSnmpRangeBodySchema = z.object({
  name: name.optional(),
  range: RangeSpecSchema.optional(),
  port: z.number().int().min(1).max(65535).optional(),
  credentialIds: z.array(z.number().int().positive()).min(1).max(10).optional(),
}).strict();
export type UpdateSnmpRangeBody = z.infer<typeof UpdateSnmpRangeBodySchema>;

export const SNMP_SCAN_STATUSES = ["queued", "running", "done", "failed"] as const;

export const SnmpScanSchema = z.object({
  id: z.number(),
  rangeId: z.number(),
  rangeName: z.string(),
  entityId: z.number(),
  status: z.enum(SNMP_SCAN_STATUSES),
  /** Addresses to try, tried so far, and devices identified and stored. */
  total: z.number(),
  done: z.number(),
  found: z.number(),
  error: z.string().nullable(),
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  finishedAt: TimestampSchema.nullable(),
});
export type SnmpScan = z.infer<typeof SnmpScanSchema>;
export const SnmpScanPageSchema = pageOf(SnmpScanSchema);
export type SnmpScanPage = z.infer<typeof SnmpScanPageSchema>;
export const ListSnmpScansQuerySchema = PageQuerySchema.extend({ rangeId: IdSchema.optional() });
export type ListSnmpScansQuery = z.infer<typeof ListSnmpScansQuerySchema>;

export const SnmpRangeSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  name: z.string(),
  range: z.string(),
  port: z.number(),
  addressCount: z.number(),
  credentialIds: z.array(z.number()),
  lastScan: SnmpScanSchema.nullable(),
  canManage: z.boolean(),
  createdAt: TimestampSchema,
});
export type SnmpRange = z.infer<typeof SnmpRangeSchema>;
export const SnmpRangePageSchema = pageOf(SnmpRangeSchema);

export const PrinterSupplySchema = z.object({
  index: z.string(),
  description: z.string(),
  /** toner, ink, drum, wasteToner, fuser… */
  kind: z.string(),
  /** Runs out (toner, ink) rather than fills up (waste toner). */
  consumed: z.boolean(),
  colour: z.string().nullable(),
  level: z.number().nullable(),
  maxCapacity: z.number().nullable(),
  /** null when the printer only says "some remaining" or nothing. */
  percent: z.number().nullable(),
  low: z.boolean(),
  /** The ticket opened while it is low. */
  ticketId: z.number().nullable(),
  readAt: TimestampSchema,
});
export type PrinterSupply = z.infer<typeof PrinterSupplySchema>;

export const PrinterSuppliesSchema = z.object({
  assetId: z.number(),
  supplies: z.array(PrinterSupplySchema),
  counters: z.array(z.object({ name: z.string(), value: z.number(), readAt: TimestampSchema })),
  lowSupplyPct: z.number(),
});
export type PrinterSupplies = z.infer<typeof PrinterSuppliesSchema>;

/** The printers of the caller's entities with the supplies their last scan read. */
export const PrinterSuppliesItemSchema = z.object({
  assetId: z.number(),
  assetTag: z.string(),
  assetName: z.string(),
  entityName: z.string(),
  supplies: z.array(PrinterSupplySchema),
  pageCount: z.number().nullable(),
});
export type PrinterSuppliesItem = z.infer<typeof PrinterSuppliesItemSchema>;
export const PrinterSuppliesPageSchema = pageOf(PrinterSuppliesItemSchema);

export const SnmpSettingsBodySchema = z.object({
  /** A supply that runs out is low under this percentage. */
  lowSupplyPct: z.number().int().min(LOW_SUPPLY_PCT.min).max(LOW_SUPPLY_PCT.max),
  /** Open one ticket per printer and supply while it is low. */
  openTickets: z.boolean(),
}).strict();
export type SnmpSettingsBody = z.infer<typeof SnmpSettingsBodySchema>;
export const SnmpSettingsSchema = SnmpSettingsBodySchema.extend({ canManage: z.boolean() });
export type SnmpSettings = z.infer<typeof SnmpSettingsSchema>;

export const SnmpListQuerySchema = PageQuerySchema;
