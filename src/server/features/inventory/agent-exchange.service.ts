/**
 * The conversation with the OCS and FusionInventory agents: PROLOG (may I send?) and INVENTORY.
 * Every message is kept in the import log, received or refused with its reason, and the agent is
 * known by the device id it keeps across runs. What the inventory fills in on the asset comes next.
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import { ERRORS } from "../../../shared/api/errors.js";
import { AppError } from "../../http/errors.js";
import { type AgentXmlRequest, parseAgentXml } from "./protocol/agent-xml.js";
import { type BodyEncoding, decodeBody, encodeReply, replyContentType, sniffEncoding } from "./protocol/decode-body.js";
import type { AgentInventory } from "./protocol/inventory-model.js";
import { agentOf } from "./protocol/inventory-values.js";
import { normalizeXmlInventory } from "./protocol/normalize-xml.js";
import { InventoryProtocolError } from "./protocol/protocol-error.js";

/** Hours until the agent's next contact: a day, as OCS and GLPI servers answer by default. */
const PROLOG_FREQ_HOURS = 24;

export type AgentMessage = { body: Buffer; contentType?: string; userAgent?: string; ip: string };
export type AgentReply = { status: number; contentType: string; body: Buffer };

/** The entity agents report to until agent tags place machines: the top of the tree (none before setup). */
async function defaultEntity(db: Kysely<DB>): Promise<number | undefined> {
  return (await db.selectFrom("entity").select("id").where("parent_id", "is", null).orderBy("id").executeTakeFirst())?.id;
}

function xmlReply(xml: string, like: BodyEncoding, status = 200): AgentReply {
  return { status, contentType: replyContentType(like, "xml"), body: encodeReply(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, like) };
}

const escapeXml = (text: string) => text.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] as string);

/** "Linux Debian 12 · 821 software · 2 CPUs": what the log says an inventory held. */
function summaryOf(inventory: AgentInventory): string {
  const os = [inventory.os?.name, inventory.os?.version].filter(Boolean).join(" ");
  return [inventory.hardware.name, os, `${inventory.software.length} software`, `${inventory.cpus.length} CPU`].filter(Boolean).join(" · ");
}

/**
 * Records the agent (new or seen again) and the message, in one transaction. One upsert on the
 * device id: two first messages of a new agent at once make one agent, and neither fails.
 */
async function record(db: Kysely<DB>, entityId: number, msg: AgentMessage, request: AgentXmlRequest, inventory: AgentInventory | null): Promise<void> {
  const at = now();
  // A PROLOG carries no inventory: the User-Agent names the agent until one comes.
  const agent = inventory?.agent ?? agentOf(msg.userAgent ?? null);
  const named = agent.name ? { name: agent.name, version: agent.version } : {};
  const seen = { last_ip: msg.ip, last_contact_at: at, ...named, ...(inventory ? { last_inventory_at: at } : {}) };
  await db.transaction().execute(async (trx) => {
    const saved = await trx.insertInto("inventory_agent")
      .values({ device_id: request.deviceId, entity_id: entityId, name: null, version: null, last_inventory_at: null, created_at: at, ...seen })
      .onConflict((oc) => oc.column("device_id").doUpdateSet(seen))
      .returning(["id", "entity_id"]).executeTakeFirstOrThrow();
    await trx.insertInto("inventory_import").values({ agent_id: saved.id, entity_id: saved.entity_id, device_id: request.deviceId,
      ip: msg.ip, query: request.query, outcome: "received", reason: null, detail: inventory ? summaryOf(inventory) : request.query, received_at: at,
    }).execute();
  });
}

async function recordRefusal(db: Kysely<DB>, entityId: number, msg: AgentMessage, error: AppError, reason: string, request: AgentXmlRequest | null) {
  await db.insertInto("inventory_import").values({
    agent_id: request ? ((await db.selectFrom("inventory_agent").select("id").where("device_id", "=", request.deviceId).executeTakeFirst())?.id ?? null) : null,
    entity_id: entityId, device_id: request?.deviceId ?? null, ip: msg.ip, query: request?.query ?? null,
    outcome: "refused", reason, detail: error.message.slice(0, 500), received_at: now(),
  }).execute();
}

/**
 * Answers one agent message. A refusal is answered with the HTTP status of its error and a
 * REPLY saying why (the agents log it), compressed as the request was when that much is known.
 */
export async function exchangeWithAgent(db: Kysely<DB>, msg: AgentMessage): Promise<AgentReply> {
  const encoding = sniffEncoding(msg.body) ?? "plain";
  const entityId = await defaultEntity(db);
  if (entityId === undefined) return refusalReply(new AppError("SERVICE_UNAVAILABLE", "Vigie is not set up yet: create its first administrator"), "SERVICE_UNAVAILABLE", encoding);
  let request: AgentXmlRequest | null = null;
  try {
    request = parseAgentXml(decodeBody(msg.body, msg.contentType).bytes);
    if (request.query === "PROLOG") {
      await record(db, entityId, msg, request, null);
      return xmlReply(`<REPLY><PROLOG_FREQ>${PROLOG_FREQ_HOURS}</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>`, encoding);
    }
    if (request.query === "INVENTORY") {
      await record(db, entityId, msg, request, normalizeXmlInventory(request, msg.userAgent));
      return xmlReply("<REPLY><RESPONSE>no_account_update</RESPONSE></REPLY>", encoding);
    }
    throw new InventoryProtocolError("XML_NOT_A_REQUEST", `Unknown QUERY ${request.query}: this server takes PROLOG and INVENTORY`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = error instanceof InventoryProtocolError ? error.reason : error.code;
    await recordRefusal(db, entityId, msg, error, reason, request);
    return refusalReply(error, reason, encoding);
  }
}

function refusalReply(error: AppError, reason: string, encoding: BodyEncoding): AgentReply {
  return xmlReply(`<REPLY><ERROR>${escapeXml(`${reason}: ${error.message}`)}</ERROR></REPLY>`, encoding, ERRORS[error.code]);
}
