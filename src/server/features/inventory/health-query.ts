/**
 * Which machines have a health signal, as one query the lists, the counts, the asset badge and
 * the daily ticket job all start from, so they can never disagree on what "disk almost full"
 * or "agent silent" means.
 */
import type { HealthAntivirus, HealthItem, HealthSettingsBody, HealthSignal } from "../../../shared/api/inventory-health.js";
import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { InventoryDetails } from "./store/inventory-details.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which an agent's last contact makes it silent. ISO text compares as time. */
export function silentBefore(settings: Pick<HealthSettingsBody, "silentDays">, at = Date.now()): string {
  return new Date(at - settings.silentDays * DAY_MS).toISOString();
}

/**
 * The inventoried machines with `signal`, not disposed of, each with its open signal record (hs)
 * if the job raised one. Silent means the agent that sent the machine's last inventory has not
 * called since: the where on `a` turns the left join into an inner one, so the planner may walk
 * the agents' (last_contact_at, id) index.
 */
export function withSignal(db: Db, signal: HealthSignal, settings: HealthSettingsBody) {
  const q = db.selectFrom("asset_inventory as ai")
    .innerJoin("asset as s", "s.id", "ai.asset_id")
    .leftJoin("inventory_agent as a", "a.id", "ai.agent_id")
    .leftJoin("asset_health_signal as hs", (j) => j.onRef("hs.asset_id", "=", "ai.asset_id").on("hs.signal", "=", signal).on("hs.cleared_at", "is", null))
    .where("s.status", "!=", "disposed");
  if (signal === "disk") return q.where("ai.fullest_volume_pct", ">=", settings.diskFullPct);
  if (signal === "antivirus") return q.where("ai.antivirus_ok", "=", 0);
  return q.where("a.last_contact_at", "<", silentBefore(settings)).whereRef("a.asset_id", "=", "ai.asset_id");
}

/** What a health line shows of the machine; `details` only for the antivirus, the one signal that reads it. */
export function selectHealthRows(db: Db, signal: HealthSignal, settings: HealthSettingsBody) {
  return withSignal(db, signal, settings)
    .innerJoin("entity as e", "e.id", "s.entity_id")
    .select(["ai.asset_id", "s.asset_tag", "s.name", "s.entity_id", "e.complete_name as entity_name", "ai.fullest_volume_pct",
      "ai.received_at", "a.id as agent_id", "a.last_contact_at", "hs.ticket_id"])
    .select(signal === "antivirus" ? sql<string | null>`${sql.ref("ai.details")}`.as("details") : sql<string | null>`null`.as("details"));
}
export type HealthRow = Awaited<ReturnType<ReturnType<typeof selectHealthRows>["execute"]>>[number];

export function antivirusOf(details: string | null): HealthAntivirus[] {
  if (!details) return [];
  const list = (JSON.parse(details) as Partial<InventoryDetails>).antivirus ?? [];
  return list.map((av) => ({ name: av.name, version: av.version, enabled: av.isEnabled, upToDate: av.isUpToDate }));
}

export function toHealthItem(signal: HealthSignal, row: HealthRow): HealthItem {
  return {
    signal, assetId: row.asset_id, assetTag: row.asset_tag, assetName: row.name, entityId: row.entity_id, entityName: row.entity_name,
    fullestVolumePct: row.fullest_volume_pct, antivirus: antivirusOf(row.details), lastContactAt: row.last_contact_at,
    receivedAt: row.received_at, ticketId: row.ticket_id,
  };
}
