import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import type { ValidationIssue } from "../../../../shared/api/errors.js";
import { ITEM_TYPES, type AgentInventory, type ItemType } from "./inventory-model.js";
import { isSection, section, text, type Section } from "./inventory-values.js";
import { normalizeContent } from "./normalize-content.js";
import { InventoryProtocolError } from "./protocol-error.js";
import schema from "./inventory.schema.json" with { type: "json" };

/**
 * GLPI's native JSON protocol, as glpi-agent sends it: first `{ action: "contact" }` (what the agent
 * can do), then `{ action: "inventory" | "netinventory" | …, deviceid, itemtype, content }`, which must
 * satisfy GLPI's inventory schema (copied beside this file from glpi-project/inventory_format, MIT).
 */
export type GlpiAgentMessage = GlpiContact | GlpiInventory;

export type GlpiContact = {
  kind: "contact";
  deviceId: string;
  tag: string | null;
  agent: { name: string | null; version: string | null };
  installedTasks: string[];
  enabledTasks: string[];
};

export type GlpiInventory = {
  kind: "inventory";
  /** "inventory", "netinventory", "netdiscovery"… */
  action: string;
  deviceId: string;
  /** A partial inventory only carries the sections that changed. */
  isPartial: boolean;
  jobId: number | null;
  inventory: AgentInventory;
};

const MAX_ISSUES = 50;

/** Throws InventoryProtocolError: JSON_MALFORMED, JSON_SCHEMA_INVALID (with every path at fault). */
export function parseAgentJson(bytes: Buffer, userAgent?: string | null): GlpiAgentMessage {
  let message: unknown;
  try {
    message = JSON.parse(new TextDecoder().decode(bytes)); // TextDecoder drops a byte-order mark
  } catch (error) {
    throw new InventoryProtocolError("JSON_MALFORMED", `Malformed JSON: ${(error as Error).message}`);
  }
  if (!isSection(message)) throw new InventoryProtocolError("JSON_MALFORMED", "The JSON message is not an object");
  if (message["action"] === "contact") return toContact(message);
  const validate = inventoryValidator();
  if (!validate(message)) {
    const issues = (validate.errors ?? []).slice(0, MAX_ISSUES).map(toIssue);
    throw new InventoryProtocolError("JSON_SCHEMA_INVALID", "The inventory does not match GLPI's inventory schema", issues);
  }
  const deviceId = text(message["deviceid"]);
  if (!deviceId) throw blankDeviceId();
  return {
    kind: "inventory",
    action: text(message["action"]) ?? "inventory",
    deviceId,
    isPartial: message["partial"] === true,
    jobId: typeof message["jobid"] === "number" ? message["jobid"] : null,
    inventory: normalizeContent(section(message["content"]), {
      format: "json",
      itemtype: itemTypeOf(message),
      tag: text(message["tag"]),
      userAgent,
    }),
  };
}

/** The contact message has no schema of its own: only the device id is required. */
function toContact(message: Section): GlpiContact {
  const deviceId = text(message["deviceid"]);
  if (!deviceId) throw blankDeviceId();
  return {
    kind: "contact",
    deviceId,
    tag: text(message["tag"]),
    agent: { name: text(message["name"]), version: text(message["version"]) },
    installedTasks: taskList(message["installed-tasks"]),
    enabledTasks: taskList(message["enabled-tasks"]),
  };
}

/** The device id is how an agent is known across runs: it cannot be blank. */
function blankDeviceId(): InventoryProtocolError {
  return new InventoryProtocolError("JSON_SCHEMA_INVALID", "The message has no deviceid", [
    { path: "deviceid", message: "Required, not blank" },
  ]);
}

function taskList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(text).filter((task): task is string => task !== null);
}

/** GLPI treats an inventory without itemtype as a computer; SNMP devices say theirs. */
function itemTypeOf(message: Section): ItemType {
  const itemtype = ITEM_TYPES.find((type) => type === message["itemtype"]);
  if (itemtype) return itemtype;
  const deviceType = text(section(section(message["content"])["network_device"])["type"])?.toLowerCase();
  if (deviceType === "printer") return "Printer";
  if (deviceType) return "NetworkEquipment";
  return "Computer";
}

function toIssue(error: ErrorObject): ValidationIssue {
  const path = error.instancePath.replace(/^\//, "").replaceAll("/", ".") || "(root)";
  const extra = error.keyword === "additionalProperties" ? ` (${String(error.params["additionalProperty"])})` : "";
  return { path, message: `${error.message ?? "is invalid"}${extra}`, code: error.keyword };
}

let compiled: ValidateFunction | undefined;

/**
 * Compiled on first use (about 300 ms), then kept. strict is off because the schema is GLPI's own,
 * with annotations ("version") and loose typing that Ajv's strict mode refuses.
 */
function inventoryValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats.default(ajv, ["ipv4", "ipv6"]);
    compiled = ajv.compile(schema);
  }
  return compiled;
}
