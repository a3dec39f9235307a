/**
 * The conversation with the OCS and FusionInventory agents: PROLOG (may I send?) and INVENTORY.
 * Every message is kept in the import log, received or refused with its reason, and the agent is
 * known by the device id it keeps across runs. An inventory is stored (store/store-inventory.ts) and
 * the log says what was decided: the asset it matched or created, or why it was refused.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { InventoryImportTable } from "../../db/schema-assets.js";
import { now } from "../../db/values.js";
import { inWriteBatch } from "../../db/write-batch.js";
import { findRootEntityRow } from "../identity/entity.repo.js";
import { ERRORS } from "../../../shared/api/errors.js";
import { AppError } from "../../http/errors.js";
import { type BodyEncoding, decodeBodyTransient, encodeReply, replyContentType, sniffEncoding } from "./protocol/decode-body.js";
import type { AgentInventory } from "./protocol/inventory-model.js";
import { agentOf } from "./protocol/inventory-values.js";
import { parseAgentJson } from "./protocol/normalize-json.js";
import { normalizeXmlDevices, normalizeXmlInventory } from "./protocol/normalize-xml.js";
import { InventoryProtocolError } from "./protocol/protocol-error.js";
import { type StoreRequest, type StoreResult, storeInventory } from "./store/store-inventory.js";
import { inventorySettings } from "./store/inventory-settings.js";
import { oncePerWriteBatch } from "./store/batch-memo.js";
import { keepRefusedMessage } from "./refused-imports.js";
import { type DetachedXmlRead, SoftwareListNeeded, detachRead, lastSoftwareListKey, readAgentXml, softwareListKey, withSoftware } from "./software-list.js";
import { type AgentCredential, authenticateAgent, readAgentAuth } from "./agent-auth.js";

/** FusionInventory's network tasks: discovery, and the inventory of what SNMP identified. */
const NETWORK_QUERIES = new Set(["NETDISCOVERY", "SNMPQUERY", "SNMP"]);

/** Hours until the agent's next contact: a day, as OCS and GLPI servers answer by default. */
const PROLOG_FREQ_HOURS = 24;

export type AgentMessage = { body: Buffer; contentType?: string; userAgent?: string; authorization?: string; ip: string };
export type AgentReply = { status: number; contentType: string; body: Buffer; headers?: Record<string, string> };

/** The top of the entity tree, where machines without a known tag go (none before setup). */
const rootEntity = oncePerWriteBatch(async (db): Promise<number | undefined> => (await findRootEntityRow(db))?.id);

/** Whether agents must authenticate, and their logins: read once per SQLite write batch too. */
const agentAuthOf = oncePerWriteBatch(readAgentAuth);

/**
 * The entity whose agent tag the inventory carries, else the top one the agent may file into: the
 * credential's entity, or the root (said in the log). A tag outside the credential's entity is refused.
 */
async function entityOfTag(db: Kysely<DB>, tag: string | null, top: number, credential: AgentCredential | null): Promise<{ entityId: number; note: string | null }> {
  if (!tag) return { entityId: top, note: null };
  const entity = await db.selectFrom("entity").select("id").where("inventory_tag", "=", tag).executeTakeFirst();
  if (!entity) return { entityId: top, note: `tag ${tag} is no entity's: placed in the top entity` };
  if (credential) {
    const inside = await db.selectFrom("entity_closure").select("descendant_id")
      .where("ancestor_id", "=", credential.entityId).where("descendant_id", "=", entity.id).executeTakeFirst();
    if (!inside) throw new InventoryProtocolError("TAG_NOT_ALLOWED", `The agent login ${credential.login} may not file machines under tag ${tag}`);
  }
  return { entityId: entity.id, note: null };
}

function xmlReply(xml: string, like: BodyEncoding, status = 200): AgentReply {
  return { status, contentType: replyContentType(like, "xml"), body: encodeReply(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, like) };
}

// The few answers to accepted messages never change: each is compressed once per encoding, not per message.
const acceptedReplies = new Map<string, AgentReply>();

function acceptedXmlReply(xml: string, like: BodyEncoding): AgentReply {
  const key = `${like}\n${xml}`;
  let reply = acceptedReplies.get(key);
  if (!reply) acceptedReplies.set(key, (reply = Object.freeze(xmlReply(xml, like))));
  return reply;
}

const escapeXml = (text: string) => text.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] as string);

/** "Linux Debian 12 · 821 software · 2 CPUs": what the log says an inventory held. */
function summaryOf(inventory: AgentInventory, softwareKept: boolean): string {
  const os = [inventory.os?.name, inventory.os?.version].filter(Boolean).join(" ");
  const software = softwareKept ? "software unchanged" : `${inventory.software.length} software`;
  return [inventory.hardware.name, os, software, `${inventory.cpus.length} CPU`].filter(Boolean).join(" · ");
}

type AgentRow = { id: number; entity_id: number; asset_id: number | null };
/** Where the agent's machines may go: its credential's entity (and sub-entities), or anywhere from the root. */
type Top = { entityId: number; credential: AgentCredential | null };
/** What the log needs of a message: the agent's device id and what it asked (PROLOG, CONTACT, INVENTORY…). */
type AgentRequest = { deviceId: string; query: string };

/**
 * Records the agent (new or seen again): one upsert on the device id, so two first messages of a
 * new agent at once make one agent, and neither fails.
 */
async function upsertAgent(db: Kysely<DB>, entityId: number, msg: AgentMessage, request: AgentRequest, inventory: AgentInventory | null,
  namedAs?: AgentInventory["agent"]): Promise<AgentRow> {
  const at = now();
  // A PROLOG carries no inventory: the User-Agent names the agent until one comes.
  const agent = inventory?.agent ?? (namedAs?.name ? namedAs : agentOf(msg.userAgent ?? null));
  const named = agent.name ? { name: agent.name, version: agent.version } : {};
  const seen = { last_ip: msg.ip, last_contact_at: at, ...named, ...(inventory ? { last_inventory_at: at, tag: inventory.tag, entity_id: entityId } : {}) };
  return db.insertInto("inventory_agent")
    .values({ device_id: request.deviceId, entity_id: entityId, name: null, version: null, last_inventory_at: null, asset_id: null, tag: null, created_at: at, ...seen })
    .onConflict((oc) => oc.column("device_id").doUpdateSet(seen))
    .returning(["id", "entity_id", "asset_id"]).executeTakeFirstOrThrow();
}

type Logged = Pick<InventoryImportTable, "detail"> & Partial<Pick<InventoryImportTable, "asset_id" | "decision" | "rule" | "trace" | "outcome" | "reason">>;

async function log(db: Kysely<DB>, agent: AgentRow, msg: AgentMessage, request: AgentRequest, entry: Logged): Promise<number> {
  const row = await db.insertInto("inventory_import").values({ agent_id: agent.id, entity_id: agent.entity_id, device_id: request.deviceId, ip: msg.ip,
    query: request.query, outcome: "received", reason: null, asset_id: null, decision: null, rule: null, trace: null, received_at: now(), ...entry,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** PROLOG (XML) or contact (JSON): the agent asks whether to send. */
async function receivePrologue(db: Kysely<DB>, top: Top, msg: AgentMessage, request: AgentRequest, named?: AgentInventory["agent"]): Promise<void> {
  // A known agent stays in its entity; a new one waits in the top entity for its first inventory's tag.
  const known = await db.selectFrom("inventory_agent").select("entity_id").where("device_id", "=", request.deviceId).executeTakeFirst();
  const agent = await upsertAgent(db, known?.entity_id ?? top.entityId, msg, request, null, named);
  await log(db, agent, msg, request, { detail: request.query });
}

/**
 * The devices a network task found or inventoried (printers, switches), each stored like an
 * inventory of its own and logged on its own line; the agent that scanned stays its own machine.
 */
async function receiveDevices(db: Kysely<DB>, top: Top, msg: AgentMessage, request: AgentRequest, devices: AgentInventory[]): Promise<void> {
  const known = await db.selectFrom("inventory_agent").select("entity_id").where("device_id", "=", request.deviceId).executeTakeFirst();
  const agent = await upsertAgent(db, known?.entity_id ?? top.entityId, msg, request, null);
  if (devices.length === 0) await log(db, agent, msg, request, { detail: `${request.query}: no device identified over SNMP` });
  for (const device of devices) {
    const { entityId, note } = await entityOfTag(db, device.tag, top.entityId, top.credential);
    const stored = await storeInventory(db, { agentId: agent.id, entityId, inventory: device });
    const what = [device.hardware.name, device.bios.manufacturer, device.bios.model, device.device?.ips[0]].filter(Boolean).join(" · ");
    await log(db, agent, msg, request, decisionEntry(stored, what, note));
  }
}

/**
 * The log line of a stored inventory: the decision translated from its fields (a refusal's text
 * also names the assets in doubt), then in words ("matched asset PC-0042 by serial …") with what
 * each rule did.
 */
function decisionEntry(stored: StoreResult, summary: string, note: string | null): Logged {
  const { decision } = stored;
  return {
    detail: [decision.decision === "refuse" ? decision.text : null, summary, note].filter(Boolean).join(" · ").slice(0, 1000),
    asset_id: stored.assetId, decision: decision.decision, rule: decision.rule, trace: [decision.text, ...decision.trace].join("\n"),
    ...(decision.decision === "refuse" ? { outcome: "refused", reason: `MATCH_${decision.reason.toUpperCase().replace(/-/g, "_")}` } : {}),
  };
}

/**
 * Stores the inventory, then logs what was decided: matched, created, or refused for a person to
 * review, with the message (`bytes()`, decoded) kept so they can attach it to an asset.
 */
async function receiveInventory(db: Kysely<DB>, top: Top, msg: AgentMessage, request: AgentRequest, inventory: AgentInventory,
  { bytes, softwareList }: { bytes: () => Buffer; softwareList?: StoreRequest["softwareList"] }): Promise<void> {
  const { entityId, note } = await entityOfTag(db, inventory.tag, top.entityId, top.credential);
  const agent = await upsertAgent(db, entityId, msg, request, inventory);
  const stored = await storeInventory(db, { agentId: agent.id, entityId, inventory, softwareList });
  const importId = await log(db, agent, msg, request, decisionEntry(stored, summaryOf(inventory, softwareList?.kept === true), note));
  if (stored.decision.decision === "refuse") await keepRefusedMessage(db, importId, bytes(), msg.userAgent);
  // The agent's machine is usually the one it already had: no second write of the agent then.
  if (stored.assetId !== null && stored.assetId !== agent.asset_id) {
    await db.updateTable("inventory_agent").set({ asset_id: stored.assetId }).where("id", "=", agent.id).execute();
  }
}

/** An XML inventory: its software are read only when the machine's last list was another one. */
async function receiveXmlInventory(db: Kysely<DB>, top: Top, msg: AgentMessage, read: DetachedXmlRead): Promise<void> {
  const { request, softwareHash } = read;
  const key = softwareHash && softwareListKey(softwareHash, (await inventorySettings(db)).softwareRules);
  if (key && (await lastSoftwareListKey(db, request.deviceId)) === key) {
    try {
      return await receiveInventory(db, top, msg, request, normalizeXmlInventory(request, msg.userAgent),
        { bytes: () => read.whole().bytes, softwareList: { key, kept: true } });
    } catch (error) {
      // The machine the rules matched is not the one that reported this list last time.
      if (!(error instanceof SoftwareListNeeded)) throw error;
    }
  }
  const whole = read.whole();
  const xml = withSoftware(whole);
  // A list with another element between two software is never kept: the next one is read whole again.
  await receiveInventory(db, top, msg, xml, normalizeXmlInventory(xml, msg.userAgent),
    { bytes: () => whole.bytes, softwareList: key && whole.span?.ends ? { key, kept: false } : undefined });
}

async function recordRefusal(db: Kysely<DB>, entityId: number, msg: AgentMessage, error: AppError, reason: string, request: AgentRequest | null) {
  await db.insertInto("inventory_import").values({
    agent_id: request ? ((await db.selectFrom("inventory_agent").select("id").where("device_id", "=", request.deviceId).executeTakeFirst())?.id ?? null) : null,
    entity_id: entityId, device_id: request?.deviceId ?? null, ip: msg.ip, query: request?.query ?? null,
    outcome: "refused", reason, detail: error.message.slice(0, 500), received_at: now(),
  }).execute();
}

/**
 * Answers one agent message: XML (OCS, FusionInventory) or JSON (GLPI agent), told apart by its
 * first character once inflated. A refusal is answered with the HTTP status of its error and a
 * reply saying why (the agents log it), compressed as the request was when that much is known.
 */
export function exchangeWithAgent(db: Kysely<DB>, msg: AgentMessage): Promise<AgentReply> {
  // On SQLite, the whole exchange shares its commit with the agents that post at the same time.
  return inWriteBatch(db, (handle) => exchange(handle, msg));
}

async function exchange(db: Kysely<DB>, msg: AgentMessage): Promise<AgentReply> {
  const encoding = sniffEncoding(msg.body) ?? "plain";
  const entityId = await rootEntity(db);
  let format: "xml" | "json" = "xml";
  if (entityId === undefined) return refusalReply(new AppError("SERVICE_UNAVAILABLE", "Vigie is not set up yet: create its first administrator"), "SERVICE_UNAVAILABLE", encoding, format);
  let request: AgentRequest | null = null;
  try {
    const auth = await agentAuthOf(db);
    // Challenged before anything is read; wrong credentials are refused once the message says which machine sent them.
    if (auth.required && !msg.authorization) authenticateAgent(auth, undefined);
    const topOf = (): Top => {
      const credential = authenticateAgent(auth, msg.authorization);
      return { entityId: credential?.entityId ?? entityId, credential };
    };
    // Read before anything is awaited: the next request's body is inflated into the same buffer.
    const { bytes, keep } = decodeBodyTransient(msg.body, msg.contentType);
    if (isJson(bytes)) {
      format = "json";
      return await exchangeJson(db, topOf, msg, keep(), encoding, (known) => { request = known; });
    }
    const read = readAgentXml(bytes);
    request = read.request;
    const top = topOf();
    if (read.request.query === "INVENTORY") {
      await receiveXmlInventory(db, top, msg, detachRead(read, keep));
      return acceptedXmlReply("<REPLY><RESPONSE>no_account_update</RESPONSE></REPLY>", encoding);
    }
    const xml = withSoftware(read);
    if (xml.query === "PROLOG") {
      await receivePrologue(db, top, msg, xml);
      return acceptedXmlReply(`<REPLY><PROLOG_FREQ>${PROLOG_FREQ_HOURS}</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>`, encoding);
    }
    if (NETWORK_QUERIES.has(xml.query)) {
      await receiveDevices(db, top, msg, xml, normalizeXmlDevices(xml, msg.userAgent));
      return acceptedXmlReply("<REPLY></REPLY>", encoding);
    }
    throw new InventoryProtocolError("XML_NOT_A_REQUEST", `Unknown QUERY ${xml.query}: this server takes PROLOG, INVENTORY, NETDISCOVERY and SNMPQUERY`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = error instanceof InventoryProtocolError ? error.reason : error.code;
    // The challenge agents expect before they send their credentials is not a refusal to keep.
    if (reason !== "AGENT_AUTH_REQUIRED") await recordRefusal(db, entityId, msg, error, reason, request);
    return refusalReply(error, reason, encoding, format);
  }
}

/** A JSON message starts with "{" (after a byte-order mark or white space). */
function isJson(bytes: Buffer): boolean {
  let i = bytes[0] === 0xef ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
}

function jsonReply(body: object, like: BodyEncoding, status = 200): AgentReply {
  return { status, contentType: replyContentType(like, "json"), body: encodeReply(JSON.stringify(body), like) };
}

/**
 * GLPI's native protocol: `contact` is answered with the tasks to run (the inventory) and when to
 * come back; `inventory` (and the network tasks' messages) are stored like an XML inventory.
 */
async function exchangeJson(db: Kysely<DB>, topOf: () => Top, msg: AgentMessage, bytes: Buffer, encoding: BodyEncoding,
  known: (request: AgentRequest) => void): Promise<AgentReply> {
  let message: ReturnType<typeof parseAgentJson>;
  try {
    message = parseAgentJson(bytes, msg.userAgent);
  } catch (error) {
    // A well-formed message that fails the schema still says which machine sent it: the log names it.
    const deviceId = /"deviceid"\s*:\s*"([^"\\]{1,200})"/.exec(bytes.toString("utf8", 0, Math.min(bytes.length, 1_000_000)))?.[1];
    if (deviceId) known({ deviceId, query: "INVENTORY" });
    throw error;
  }
  const request = { deviceId: message.deviceId, query: message.kind === "contact" ? "CONTACT" : message.action.toUpperCase() };
  known(request);
  const top = topOf();
  if (message.kind === "contact") {
    await receivePrologue(db, top, msg, request, message.agent);
    return jsonReply({ status: "ok", expiration: PROLOG_FREQ_HOURS, tasks: { inventory: {} } }, encoding);
  }
  await receiveInventory(db, top, msg, request, message.inventory, { bytes: () => bytes });
  return jsonReply({ status: "ok", expiration: PROLOG_FREQ_HOURS }, encoding);
}

function refusalReply(error: AppError, reason: string, encoding: BodyEncoding, format: "xml" | "json"): AgentReply {
  const reply = format === "json"
    ? jsonReply({ status: "error", message: `${reason}: ${error.message}` }, encoding, ERRORS[error.code])
    : xmlReply(`<REPLY><ERROR>${escapeXml(`${reason}: ${error.message}`)}</ERROR></REPLY>`, encoding, ERRORS[error.code]);
  // The agents' HTTP clients send their credentials when challenged.
  return reply.status === 401 ? { ...reply, headers: { "www-authenticate": 'Basic realm="Vigie inventory"' } } : reply;
}
