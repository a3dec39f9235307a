/**
 * The fleet's health as people read it: the machines with each signal in the caller's scope,
 * how many there are, and the signals of one asset. Scoped by the asset's entity, like the fleet.
 */
import type { Page } from "../../../shared/api/common.js";
import {
  type AssetHealth, HEALTH_SIGNALS, type HealthItem, type HealthSettingsBody, type HealthSignal, type HealthSummary, type ListHealthQuery,
} from "../../../shared/api/inventory-health.js";
import type { Ctx } from "../../http/context.js";
import { decodeCursor, toPage } from "../../http/cursor.js";
import { loadReadableAsset } from "../assets/asset-access.js";
import { type EntityScope, entityScope, inScope } from "../identity/access.js";
import { type HealthRow, selectHealthRows, toHealthItem, withSignal } from "./health-query.js";
import { readHealthSettings } from "./health-settings.service.js";

/** One page of one signal, each walking its index: the fullest disks first, antivirus by asset, the longest silent first. */
function pageQuery(ctx: Ctx, signal: HealthSignal, settings: HealthSettingsBody, scope: EntityScope, cursor: string | undefined) {
  const q = selectHealthRows(ctx.db, signal, settings).where(inScope("s.entity_id", scope));
  if (signal === "disk") {
    const after = cursor ? decodeCursor(cursor, ["number", "number"]) as [number, number] : undefined;
    return (after ? q.where((eb) => eb(eb.refTuple("ai.fullest_volume_pct", "ai.asset_id"), "<", eb.tuple(after[0], after[1]))) : q)
      .orderBy("ai.fullest_volume_pct", "desc").orderBy("ai.asset_id", "desc");
  }
  if (signal === "antivirus") {
    const after = cursor ? decodeCursor(cursor, ["number"])[0] as number : undefined;
    return (after === undefined ? q : q.where("ai.asset_id", ">", after)).orderBy("ai.asset_id");
  }
  const after = cursor ? decodeCursor(cursor, ["string", "number"]) as [string, number] : undefined;
  return (after ? q.where((eb) => eb(eb.refTuple("a.last_contact_at", "a.id"), ">", eb.tuple(after[0], after[1]))) : q)
    .orderBy("a.last_contact_at").orderBy("a.id");
}

function cursorOf(signal: HealthSignal, row: HealthRow): (string | number)[] {
  if (signal === "disk") return [row.fullest_volume_pct ?? 0, row.asset_id];
  if (signal === "antivirus") return [row.asset_id];
  return [row.last_contact_at ?? "", row.agent_id ?? 0];
}

/** The machines of the caller's entities with `signal`. */
export async function listHealth(ctx: Ctx, query: ListHealthQuery): Promise<Page<HealthItem>> {
  const scope = entityScope(ctx.actor, "asset.read");
  const settings = await readHealthSettings(ctx.db);
  const rows = await pageQuery(ctx, query.signal, settings, scope, query.cursor).limit(query.limit + 1).execute();
  return toPage(rows, query.limit, (row) => toHealthItem(query.signal, row), (row) => cursorOf(query.signal, row));
}

/** How many machines of the caller's entities have each signal: each count reads its signal's index range. */
export async function getHealthSummary(ctx: Ctx): Promise<HealthSummary> {
  const scope = entityScope(ctx.actor, "asset.read");
  const settings = await readHealthSettings(ctx.db);
  const counts = await Promise.all(HEALTH_SIGNALS.map(async (signal) => {
    const row = await withSignal(ctx.db, signal, settings).where(inScope("s.entity_id", scope))
      .select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  }));
  const [disk = 0, antivirus = 0, silent = 0] = counts;
  return { disk, antivirus, silent, diskFullPct: settings.diskFullPct, silentDays: settings.silentDays };
}

/** The signals of one asset (none when all is well); an asset the caller cannot read answers 404. */
export async function getAssetHealth(ctx: Ctx, assetId: number): Promise<AssetHealth> {
  await loadReadableAsset(ctx.db, ctx.actor, assetId);
  const settings = await readHealthSettings(ctx.db);
  const signals: HealthItem[] = [];
  for (const signal of HEALTH_SIGNALS) {
    const row = await selectHealthRows(ctx.db, signal, settings).where("ai.asset_id", "=", assetId).executeTakeFirst();
    if (row) signals.push(toHealthItem(signal, row));
  }
  return { assetId, signals, diskFullPct: settings.diskFullPct, silentDays: settings.silentDays };
}
