import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as foundation from "./migrations/2026_11_23_000000_foundation.js";
import * as tickets from "./migrations/2026_11_23_120000_tickets.js";
import * as ticketSatisfaction from "./migrations/2026_11_23_130000_ticket_satisfaction.js";
import * as ticketTasks from "./migrations/2026_11_23_140000_ticket_tasks.js";
import * as userPhoneDigits from "./migrations/2026_11_23_150000_user_phone_digits.js";
import * as ticketOpenFlag from "./migrations/2026_11_23_160000_ticket_open_flag.js";
import * as serviceDesk from "./migrations/2026_11_23_170000_service_desk.js";
import * as entitySharesTickets from "./migrations/2026_11_23_180000_entity_shares_tickets.js";
import * as ticketSolutionType from "./migrations/2026_11_23_190000_ticket_solution_type.js";
import * as groupNotifications from "./migrations/2026_11_23_200000_group_notifications.js";
import * as assets from "./migrations/2026_11_23_210000_assets.js";
import * as assetIndexes from "./migrations/2026_11_23_215000_asset_indexes.js";
import * as inventoryCampaign from "./migrations/2026_11_23_220000_inventory_campaign.js";
import * as fleetAlerts from "./migrations/2026_11_23_230000_fleet_alerts.js";
import * as savedViewScope from "./migrations/2026_11_24_090000_saved_view_scope.js";
import * as assetListIndexes from "./migrations/2026_11_24_100000_asset_list_indexes.js";
import * as inventoryAgents from "./migrations/2026_11_24_110000_inventory_agents.js";
import * as inventoryAssets from "./migrations/2026_11_24_120000_inventory_assets.js";
import * as inventorySignals from "./migrations/2026_11_24_130000_inventory_signals.js";
import * as softwareListKey from "./migrations/2026_11_24_135000_software_list_key.js";
import * as refusedPayload from "./migrations/2026_11_24_136000_refused_inventory_payload.js";
import * as snmpDiscovery from "./migrations/2026_11_24_140000_snmp_discovery.js";
import * as attachedDevices from "./migrations/2026_11_24_150000_attached_devices.js";
import * as kbArticles from "./migrations/2026_11_25_100000_kb_articles.js";
import * as kbScripts from "./migrations/2026_11_25_110000_kb_scripts.js";
import * as searchIndex from "./migrations/2026_11_25_120000_search_index.js";
import * as mailThread from "./migrations/2026_11_26_090000_mail_thread.js";
import * as sla from "./migrations/2026_11_26_100000_sla.js";
import * as automation from "./migrations/2026_11_26_110000_automation.js";
import * as mailOut from "./migrations/2026_11_26_120000_mail_out.js";
import * as mailIn from "./migrations/2026_11_26_130000_mail_in.js";
import * as searchFollowups from "./migrations/2026_11_26_140000_search_followups.js";
import * as kbAttachments from "./migrations/2026_11_27_120000_kb_attachments.js";
import * as slaContracts from "./migrations/2026_11_27_100000_sla_contracts.js";
import * as lookupIndexes from "./migrations/2026_11_27_130000_lookup_indexes.js";
import * as softwareRollup from "./migrations/2026_11_28_100000_software_rollup.js";
import type { DB } from "./schema.js";

/** Listed by hand, in order: the build needs no directory scan and a reviewer sees every step. */
const MIGRATIONS: Record<string, Migration> = {
  "2026_11_23_000000_foundation": foundation,
  "2026_11_23_120000_tickets": tickets,
  "2026_11_23_130000_ticket_satisfaction": ticketSatisfaction,
  "2026_11_23_140000_ticket_tasks": ticketTasks,
  "2026_11_23_150000_user_phone_digits": userPhoneDigits,
  "2026_11_23_160000_ticket_open_flag": ticketOpenFlag,
  "2026_11_23_170000_service_desk": serviceDesk,
  "2026_11_23_180000_entity_shares_tickets": entitySharesTickets,
  "2026_11_23_190000_ticket_solution_type": ticketSolutionType,
  "2026_11_23_200000_group_notifications": groupNotifications,
  "2026_11_23_210000_assets": assets,
  "2026_11_23_215000_asset_indexes": assetIndexes,
  "2026_11_23_220000_inventory_campaign": inventoryCampaign,
  "2026_11_23_230000_fleet_alerts": fleetAlerts,
  "2026_11_24_090000_saved_view_scope": savedViewScope,
  "2026_11_24_100000_asset_list_indexes": assetListIndexes,
  "2026_11_24_110000_inventory_agents": inventoryAgents,
  "2026_11_24_120000_inventory_assets": inventoryAssets,
  "2026_11_24_130000_inventory_signals": inventorySignals,
  "2026_11_24_135000_software_list_key": softwareListKey,
  "2026_11_24_136000_refused_inventory_payload": refusedPayload,
  "2026_11_24_140000_snmp_discovery": snmpDiscovery,
  "2026_11_24_150000_attached_devices": attachedDevices,
  "2026_11_25_100000_kb_articles": kbArticles,
  "2026_11_25_110000_kb_scripts": kbScripts,
  "2026_11_25_120000_search_index": searchIndex,
  "2026_11_26_090000_mail_thread": mailThread,
  "2026_11_26_100000_sla": sla,
  "2026_11_26_110000_automation": automation,
  "2026_11_26_120000_mail_out": mailOut,
  "2026_11_26_130000_mail_in": mailIn,
  "2026_11_26_140000_search_followups": searchFollowups,
  "2026_11_27_100000_sla_contracts": slaContracts,
  "2026_11_27_120000_kb_attachments": kbAttachments,
  "2026_11_27_130000_lookup_indexes": lookupIndexes,
  "2026_11_28_100000_software_rollup": softwareRollup,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** In the order they run: Kysely sorts migrations by name, whatever the order they are listed in. */
export const MIGRATION_NAMES = Object.keys(MIGRATIONS).sort();
