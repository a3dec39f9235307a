/** Printers' supplies and page counters as their last scan read them: on one printer's page, and for every printer in scope. */
import type { Page } from "../../../../shared/api/common.js";
import type { PrinterSupplies, PrinterSuppliesItem, PrinterSupply } from "../../../../shared/api/snmp.js";
import type { Db } from "../../../db/database.js";
import type { Ctx } from "../../../http/context.js";
import { decodeCursor, toPage } from "../../../http/cursor.js";
import { loadReadableAsset } from "../../assets/asset-access.js";
import { entityScope, inScope } from "../../identity/access.js";
import { readSnmpSettings } from "./snmp-settings.service.js";

/** The supplies of these printers, each with its open low-supply alert. */
async function suppliesOf(db: Db, assetIds: number[]): Promise<Map<number, PrinterSupply[]>> {
  const bySupply = new Map<number, PrinterSupply[]>();
  if (assetIds.length === 0) return bySupply;
  const supplies = await db.selectFrom("printer_supply").selectAll().where("asset_id", "in", assetIds).orderBy("asset_id").orderBy("supply_index").execute();
  const alerts = await db.selectFrom("printer_supply_alert").select(["asset_id", "supply_index", "ticket_id"]).where("asset_id", "in", assetIds)
    .where("cleared_at", "is", null).execute();
  for (const row of supplies) {
    const alert = alerts.find((a) => a.asset_id === row.asset_id && a.supply_index === row.supply_index);
    const list = bySupply.get(row.asset_id) ?? [];
    list.push({ index: row.supply_index, description: row.description, kind: row.kind, consumed: row.consumed === 1, colour: row.colour, level: row.level,
      maxCapacity: row.max_capacity, percent: row.percent, low: alert !== undefined, ticketId: alert?.ticket_id ?? null, readAt: row.read_at });
    bySupply.set(row.asset_id, list);
  }
  return bySupply;
}

export async function getPrinterSupplies(ctx: Ctx, assetId: number): Promise<PrinterSupplies> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  const settings = await readSnmpSettings(ctx.db);
  const counters = await ctx.db.selectFrom("printer_counter").select(["name", "value", "read_at"]).where("asset_id", "=", assetId).orderBy("name").execute();
  return {
    assetId,
    supplies: (await suppliesOf(ctx.db, [assetId])).get(assetId) ?? [],
    counters: counters.map((row) => ({ name: row.name, value: Number(row.value), readAt: row.read_at })),
    lowSupplyPct: settings.lowSupplyPct,
  };
}

/** The printers of the caller's entities that reported supplies, by asset id. */
export async function listPrinterSupplies(ctx: Ctx, query: { limit: number; cursor?: string }): Promise<Page<PrinterSuppliesItem>> {
  const scope = entityScope(ctx.actor, "asset.read");
  const after = query.cursor ? (decodeCursor(query.cursor, ["number"])[0] as number) : 0;
  const rows = await ctx.db.selectFrom("asset as a").innerJoin("entity as e", "e.id", "a.entity_id")
    .leftJoin("printer_counter as pc", (join) => join.onRef("pc.asset_id", "=", "a.id").on("pc.name", "=", "total"))
    .select(["a.id", "a.asset_tag", "a.name", "e.complete_name as entity_name", "pc.value as page_count"])
    .where("a.id", "in", ctx.db.selectFrom("printer_supply").select("asset_id")).where(inScope("a.entity_id", scope))
    .where("a.id", ">", after).orderBy("a.id").limit(query.limit + 1).execute();
  const page = toPage(rows, query.limit, (row) => row, (row) => [row.id]);
  const supplies = await suppliesOf(ctx.db, page.data.map((row) => row.id));
  return {
    data: page.data.map((row) => ({ assetId: row.id, assetTag: row.asset_tag, assetName: row.name, entityName: row.entity_name,
      supplies: supplies.get(row.id) ?? [], pageCount: row.page_count === null ? null : Number(row.page_count) })),
    nextCursor: page.nextCursor,
  };
}
