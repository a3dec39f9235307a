import type { Generated, Selectable } from "kysely";
import type { Flag } from "./schema.js";

/** The fleet's tables (migration 2026_11_23_210000_assets). */
export type AssetTables = {
  asset_kind: AssetKindTable;
  asset_field: AssetFieldTable;
  location: LocationTable;
  manufacturer: ManufacturerTable;
  asset_model: AssetModelTable;
  supplier: SupplierTable;
  supplier_contact: SupplierContactTable;
  asset: AssetTable;
  asset_event: AssetEventTable;
  asset_tag_counter: AssetTagCounterTable;
  contract: ContractTable;
  contract_asset: ContractAssetTable;
  ticket_asset: TicketAssetTable;
  inventory_campaign: InventoryCampaignTable;
  inventory_scan: InventoryScanTable;
  inventory_agent: InventoryAgentTable;
  inventory_import: InventoryImportTable;
  inventory_import_payload: InventoryImportPayloadTable;
  software: SoftwareTable;
  software_version: SoftwareVersionTable;
  asset_inventory: AssetInventoryTable;
  asset_identity: AssetIdentityTable;
  asset_software_list: AssetSoftwareListTable;
  software_install_count: SoftwareInstallCountTable;
  software_machine_block: SoftwareMachineBlockTable;
  software_change: SoftwareChangeTable;
  asset_change: AssetChangeTable;
  asset_health_signal: AssetHealthSignalTable;
  asset_connection: AssetConnectionTable;
};

export type AssetKindTable = {
  id: Generated<number>;
  /** Set for the built-in kinds ("laptop"), null for the admin's own. */
  code: string | null;
  family: string;
  name: string;
  tag_pattern: string | null;
  is_active: Flag;
  created_at: string;
  updated_at: string;
};

export type AssetFieldTable = {
  id: Generated<number>;
  kind_id: number;
  key: string;
  label: string;
  field_type: string;
  /** JSON array of strings, for a choice. */
  choices: string | null;
  is_required: Flag;
  position: number;
  is_builtin: Flag;
};

export type LocationTable = {
  id: Generated<number>;
  entity_id: number;
  parent_id: number | null;
  name: string;
  complete_name: string;
  depth: number;
  location_type: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  is_active: Flag;
  created_at: string;
  updated_at: string;
};

export type ManufacturerTable = { id: Generated<number>; name: string; created_at: string };

export type AssetModelTable = {
  id: Generated<number>;
  kind_id: number;
  manufacturer_id: number | null;
  name: string;
  part_number: string | null;
  created_at: string;
};

export type SupplierTable = {
  id: Generated<number>;
  entity_id: number;
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  address: string | null;
  notes: string | null;
  is_active: Flag;
  created_at: string;
  updated_at: string;
};

export type SupplierContactTable = {
  id: Generated<number>;
  supplier_id: number;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
};

export type AssetTable = {
  id: Generated<number>;
  entity_id: number;
  kind_id: number;
  name: string;
  asset_tag: string;
  serial: string | null;
  manufacturer_id: number | null;
  model_id: number | null;
  status: string;
  location_id: number | null;
  user_id: number | null;
  group_id: number | null;
  tech_contact_id: number | null;
  notes: string | null;
  /** JSON object: field key → value. */
  fields: string | null;
  supplier_id: number | null;
  order_number: string | null;
  invoice_number: string | null;
  purchase_date: string | null;
  price_cents: number | null;
  warranty_start: string | null;
  warranty_months: number | null;
  warranty_end: string | null;
  depreciation_years: number | null;
  disposed_at: string | null;
  recycler: string | null;
  disposal_certificate: string | null;
  loan_due_at: string | null;
  /** JSON array of the fields a person edited (name, serial…): inventories leave them as they are. */
  inventory_locks: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};
export type AssetRow = Selectable<AssetTable>;

export type AssetEventTable = {
  id: Generated<number>;
  asset_id: number;
  entity_id: number;
  event_type: string;
  from_status: string | null;
  to_status: string | null;
  from_user_id: number | null;
  to_user_id: number | null;
  from_location_id: number | null;
  to_location_id: number | null;
  reason: string | null;
  actor_id: number | null;
  created_at: string;
};

export type AssetTagCounterTable = { prefix: string; last_value: number };

export type ContractTable = {
  id: Generated<number>;
  entity_id: number;
  contract_type: string;
  name: string;
  number: string | null;
  supplier_id: number | null;
  start_date: string;
  duration_months: number;
  end_date: string;
  notice_months: number;
  notice_date: string;
  tacit_renewal: Flag;
  yearly_cost_cents: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
};

export type ContractAssetTable = { contract_id: number; asset_id: number; created_at: string };

export type TicketAssetTable = { ticket_id: number; asset_id: number; created_by: number | null; created_at: string };

/** Migration 2026_11_23_220000_inventory_campaign: the physical inventory. */
export type InventoryCampaignTable = {
  id: Generated<number>;
  entity_id: number;
  location_id: number;
  name: string;
  /** open or closed */
  status: string;
  created_by: number | null;
  created_at: string;
  closed_at: string | null;
};
export type InventoryCampaignRow = Selectable<InventoryCampaignTable>;

export type InventoryScanTable = { campaign_id: number; tag: string; asset_id: number | null; scanned_by: number | null; scanned_at: string };

/** An inventory agent, by the device id it keeps across runs (migration 2026_11_24_110000_inventory_agents). */
export type InventoryAgentTable = {
  id: Generated<number>;
  device_id: string;
  entity_id: number;
  name: string | null;
  version: string | null;
  last_ip: string | null;
  last_contact_at: string;
  last_inventory_at: string | null;
  /** The asset its last inventory updated, and the tag it sent. */
  asset_id: number | null;
  tag: string | null;
  created_at: string;
};

/** One message an agent sent: received, or refused with its reason. */
export type InventoryImportTable = {
  id: Generated<number>;
  agent_id: number | null;
  entity_id: number;
  device_id: string | null;
  ip: string | null;
  query: string | null;
  outcome: "received" | "refused";
  reason: string | null;
  detail: string | null;
  /** For an inventory: the asset it matched or created, and the decision (match, create, refuse). */
  asset_id: number | null;
  decision: "match" | "create" | "refuse" | null;
  rule: string | null;
  /** What each rule did, one line each. */
  trace: string | null;
  received_at: string;
};

/** Migration 2026_11_24_136000: a refused inventory's message, deflated and in base64, until a person attaches it. */
export type InventoryImportPayloadTable = { import_id: number; body: string; user_agent: string | null; created_at: string };

/** Migration 2026_11_24_120000_inventory_assets: what inventories fill in. */
export type SoftwareTable = { id: Generated<number>; name: string; publisher: string | null; name_key: string; created_at: string };
export type SoftwareVersionTable = { id: Generated<number>; software_id: number; version: string; created_at: string };

export type AssetInventoryTable = {
  asset_id: number;
  agent_id: number | null;
  agent_name: string | null;
  agent_version: string | null;
  hostname: string | null;
  uuid: string | null;
  os_name: string | null;
  os_version: string | null;
  os_build: string | null;
  os_arch: string | null;
  os_install_date: string | null;
  memory_mb: number | null;
  disk_mb: number | null;
  fullest_volume_pct: number | null;
  last_user: string | null;
  /** 1: an antivirus is on and up to date; 0: the ones reported are off or out of date; null: none reported. */
  antivirus_ok: 0 | 1 | null;
  software_count: number;
  /** JSON: InventoryDetails. */
  details: string;
  details_hash: string;
  software_hash: string;
  /** Migration 2026_11_24_135000: the software list's hash as the agent wrote it (software-list.ts). */
  software_list_key: string | null;
  inventoried_at: string | null;
  received_at: string;
  first_received_at: string;
};
export type AssetInventoryRow = Selectable<AssetInventoryTable>;

export type AssetIdentityTable = { key: "uuid" | "mac" | "name"; value: string; asset_id: number };

/** The machine's installations: JSON [[version id, software id, install date, architecture], …] (store/installations.ts). */
export type AssetSoftwareListTable = {
  asset_id: number;
  installations: string;
};

/** Installations per version and entity, folded from software_change (store/software-rollup.ts). */
export type SoftwareInstallCountTable = {
  software_id: number;
  version_id: number;
  entity_id: number;
  installs: number;
};

/** The machines of asset ids block × 1024 … + 1023 that have the version: a base64 bitmap of 128 bytes. */
export type SoftwareMachineBlockTable = {
  block: number;
  version_id: number;
  machines: string;
};

/** What an inventory changed in a machine's installations, until folded: comma-separated version ids. */
export type SoftwareChangeTable = {
  id: Generated<number>;
  asset_id: number;
  entity_id: number;
  added: string;
  removed: string;
};

export type AssetChangeTable = {
  id: Generated<number>;
  asset_id: number;
  entity_id: number;
  section: string;
  change: "added" | "removed" | "changed";
  item: string;
  old_value: string | null;
  new_value: string | null;
  changed_at: string;
};

/** Migration 2026_11_24_130000_inventory_signals: a health signal the daily job acted on, open while it lasts. */
export type AssetHealthSignalTable = {
  id: Generated<number>;
  asset_id: number;
  signal: "disk" | "antivirus" | "silent";
  raised_at: string;
  /** The ticket opened for it; null when tickets were off or the ticket was deleted. */
  ticket_id: number | null;
  cleared_at: string | null;
};

/** A device (monitor, printer…) plugged into a computer; closed rows are the connection's history. */
export type AssetConnectionTable = {
  id: Generated<number>;
  /** The computer. */
  asset_id: number;
  device_id: number;
  entity_id: number;
  source: "inventory" | "manual";
  connected_at: string;
  disconnected_at: string | null;
};
export type AssetConnectionRow = Selectable<AssetConnectionTable>;
