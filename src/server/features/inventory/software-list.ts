/**
 * An XML inventory is read without its software first (protocol/software-span.ts). They are read
 * only when the machine's last inventory had another list, or none; otherwise the stored
 * installations stand, and the inventory costs about a sixth as much (bench/inventory.ts).
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { SoftwareRule } from "./identity/software-rules.js";
import { type AgentXmlRequest, parseAgentXml, parseContentFragment } from "./protocol/agent-xml.js";
import { readSoftwareSpan } from "./protocol/software-reader.js";
import { type SoftwareSpan, cutSoftwareSpan } from "./protocol/software-span.js";

export type AgentXmlRead = { request: AgentXmlRequest; span: SoftwareSpan | null; bytes: Buffer };

/**
 * An inventory read from bytes about to be overwritten (decodeBodyTransient): the request without
 * its software, their hash, and the whole read again from the body when the software are needed.
 */
export type DetachedXmlRead = { request: AgentXmlRequest; softwareHash: string | null; whole: () => AgentXmlRead };

/** The request without its software, or whole when they cannot be cut out cleanly. */
export function readAgentXml(bytes: Buffer): AgentXmlRead {
  const span = cutSoftwareSpan(bytes);
  if (span) {
    try {
      const request = parseAgentXml(span.rest);
      if (request.content) return { request, span, bytes };
    } catch {
      // Read whole below, which tells what is wrong with the document, if anything.
    }
  }
  return { request: parseAgentXml(bytes), span: null, bytes };
}

/**
 * What `readAgentXml(bytes)` read, kept past the bytes: `again` gives them back (inflating the
 * body anew), for the one inventory in many whose software are read.
 */
export function detachRead(read: AgentXmlRead, again: () => Buffer): DetachedXmlRead {
  let whole: AgentXmlRead | undefined;
  return {
    request: read.request,
    softwareHash: read.span?.hash ?? null,
    whole: () => {
      if (whole) return whole;
      const bytes = again();
      // Read whole the first time (no span) means read whole: the request already holds everything.
      return (whole = { request: read.request, span: read.span ? cutSoftwareSpan(bytes) : null, bytes });
    },
  };
}

/** The request with its software read back in. */
export function withSoftware(read: AgentXmlRead): AgentXmlRequest {
  const { request, span, bytes } = read;
  if (!span || !request.content) return request;
  const software = readSoftwareSpan(span, bytes);
  const fragment = software === undefined ? parseContentFragment(span.span, bytes) : { softwares: software };
  // Another section written between two software ones: the cut changed what is read.
  if (Object.keys(fragment).some((key) => key in (request.content as object))) return parseAgentXml(bytes);
  return { ...request, content: { ...request.content, ...fragment } };
}

const fingerprints = new WeakMap<readonly SoftwareRule[], string>();

/** The span's hash and the normalisation rules': new rules re-read every machine's list once. */
export function softwareListKey(spanHash: string, rules: readonly SoftwareRule[]): string {
  if (rules.length === 0) return spanHash;
  let fingerprint = fingerprints.get(rules);
  if (!fingerprint) fingerprints.set(rules, (fingerprint = createHash("sha256").update(JSON.stringify(rules)).digest("base64url").slice(0, 16)));
  return `${spanHash}.${fingerprint}`;
}

/** The key of the list the agent's machine last reported, if Vigie stored it. */
export async function lastSoftwareListKey(db: Kysely<DB>, deviceId: string): Promise<string | null> {
  const row = await db.selectFrom("inventory_agent as a").innerJoin("asset_inventory as inv", "inv.asset_id", "a.asset_id")
    .select("inv.software_list_key").where("a.device_id", "=", deviceId).executeTakeFirst();
  return row?.software_list_key ?? null;
}

/** Thrown by the store when the machine matched is not the one whose list was kept: read them all. */
export class SoftwareListNeeded extends Error {
  constructor() {
    super("The software list is needed: the machine's last one is not the one kept");
  }
}
