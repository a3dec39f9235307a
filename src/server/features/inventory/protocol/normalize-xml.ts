import type { AgentXmlRequest } from "./agent-xml.js";
import type { AgentInventory } from "./inventory-model.js";
import { normalizeContent } from "./normalize-content.js";
import { InventoryProtocolError } from "./protocol-error.js";

/**
 * The CONTENT of an OCS 2.10 or FusionInventory 2.6 INVENTORY request as an AgentInventory.
 * Their XML is the JSON format in upper case (the GLPI format grew out of Fusion's): parseAgentXml
 * lower-cases the names, and the shared mapper reads the rest, including where OCS and Fusion differ.
 * `userAgent` names the OCS agent, whose CONTENT has no VERSIONCLIENT.
 */
export function normalizeXmlInventory(request: AgentXmlRequest, userAgent?: string | null): AgentInventory {
  if (!request.content) {
    throw new InventoryProtocolError("XML_NOT_A_REQUEST", `The ${request.query} request has no <CONTENT>`);
  }
  return normalizeContent(request.content, { format: "xml", itemtype: "Computer", userAgent });
}
