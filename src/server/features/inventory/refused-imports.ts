/**
 * Refused inventories a person settles: when the import rules could not tell which asset an
 * inventory is (several match), or could not find it again next time, the message is kept, and
 * from the import log a person attaches it to the right asset, or to a new one. The inventory is
 * then stored as if the rules had decided so, and logged with the person's name.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Kysely } from "kysely";
import type { AttachImportBody, AttachImportResult } from "../../../shared/api/inventory-agents.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../db/values.js";
import type { Ctx } from "../../http/context.js";
import { AppError, notFound } from "../../http/errors.js";
import { assertCan } from "../identity/access.js";
import type { AgentInventory } from "./protocol/inventory-model.js";
import { parseAgentJson } from "./protocol/normalize-json.js";
import { normalizeXmlInventory } from "./protocol/normalize-xml.js";
import { readAgentXml, withSoftware } from "./software-list.js";
import { storeInventory } from "./store/store-inventory.js";

/** A refused message is kept this long, then the log keeps only its line. */
const KEEP_DAYS = 30;

/** Keeps a refused inventory's message, and drops those past KEEP_DAYS (one indexed delete). */
export async function keepRefusedMessage(db: Kysely<DB>, importId: number, bytes: Buffer, userAgent: string | undefined): Promise<void> {
  const at = now();
  const expired = new Date(Date.parse(at) - KEEP_DAYS * 86_400_000).toISOString();
  await db.deleteFrom("inventory_import_payload").where("created_at", "<", expired).execute();
  await db.insertInto("inventory_import_payload").values({ import_id: importId, body: deflateRawSync(bytes).toString("base64"),
    user_agent: userAgent ?? null, created_at: at }).execute();
}

function inventoryOfMessage(body: string, userAgent: string | null): AgentInventory {
  const bytes = inflateRawSync(Buffer.from(body, "base64"));
  if (bytes.toString("latin1", 0, 64).trimStart().startsWith("{")) {
    const message = parseAgentJson(bytes, userAgent);
    if (message.kind !== "inventory") throw notFound("IMPORT_NOT_ATTACHABLE", "An inventory");
    return message.inventory;
  }
  return normalizeXmlInventory(withSoftware(readAgentXml(bytes)), userAgent);
}

/** Stores a refused inventory into the asset chosen (or a new one), in one transaction. */
export async function attachRefusedImport(ctx: Ctx, importId: number, body: AttachImportBody): Promise<AttachImportResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("inventory_import as i").innerJoin("inventory_import_payload as p", "p.import_id", "i.id")
      .select(["i.entity_id", "i.agent_id", "i.device_id", "i.ip", "i.query", "p.body", "p.user_agent"]).where("i.id", "=", importId).executeTakeFirst();
    if (!row || row.agent_id === null) throw notFound("IMPORT_NOT_ATTACHABLE", `Refused inventory ${importId}`);
    await assertCan(trx, ctx.actor, "asset.write", row.entity_id);
    if (body.assetId !== null) await checkChosenAsset(trx, ctx, row.entity_id, body.assetId);
    const who = ctx.actor.name;
    const stored = await storeInventory(trx, { agentId: row.agent_id, entityId: row.entity_id, inventory: inventoryOfMessage(row.body, row.user_agent),
      chosen: { assetId: body.assetId, by: who } });
    const assetId = stored.assetId as number;
    await trx.insertInto("inventory_import").values({ agent_id: row.agent_id, entity_id: row.entity_id, device_id: row.device_id, ip: row.ip,
      query: row.query, outcome: "received", reason: null, detail: `refused inventory of ${row.device_id ?? "an agent"} attached by ${who}`.slice(0, 1000),
      asset_id: assetId, decision: stored.decision.decision, rule: stored.decision.rule, trace: stored.decision.text, received_at: now() }).execute();
    await trx.deleteFrom("inventory_import_payload").where("import_id", "=", importId).execute();
    await trx.updateTable("inventory_agent").set({ asset_id: assetId }).where("id", "=", row.agent_id).execute();
    return { assetId, created: stored.created };
  });
}

/** The asset must be one the person may change, where the agent's own rules would have looked: its entity or below. */
async function checkChosenAsset(trx: Kysely<DB>, ctx: Ctx, importEntityId: number, assetId: number): Promise<void> {
  const asset = await trx.selectFrom("asset").select(["entity_id"]).where("id", "=", assetId).executeTakeFirst();
  if (!asset) throw notFound("ASSET_NOT_FOUND", `Asset ${assetId}`);
  await assertCan(trx, ctx.actor, "asset.write", asset.entity_id);
  const inside = await trx.selectFrom("entity_closure").select("descendant_id").where("ancestor_id", "=", importEntityId)
    .where("descendant_id", "=", asset.entity_id).executeTakeFirst();
  if (!inside) throw new AppError("IMPORT_ASSET_OUTSIDE", `Asset ${assetId} is outside the entities the agent files into`);
}
