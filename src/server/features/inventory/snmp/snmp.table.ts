import type { Generated, Selectable } from "kysely";

/** SNMP discovery's tables (migration 2026_11_24_140000_snmp_discovery). */
export type SnmpTables = {
  snmp_credential: SnmpCredentialTable;
  snmp_range: SnmpRangeTable;
  snmp_range_credential: SnmpRangeCredentialTable;
  snmp_scan: SnmpScanTable;
  printer_supply: PrinterSupplyTable;
  printer_counter: PrinterCounterTable;
  printer_supply_alert: PrinterSupplyAlertTable;
};

export type SnmpVersion = "v1" | "v2c" | "v3";

/** What Vigie says to a device: a community (v1, v2c) or a v3 user; the secrets never leave the server. */
export type SnmpCredentialTable = {
  id: Generated<number>;
  entity_id: number;
  name: string;
  version: SnmpVersion;
  community: string | null;
  username: string | null;
  auth_protocol: string | null;
  auth_key: string | null;
  priv_protocol: string | null;
  priv_key: string | null;
  created_at: string;
  updated_at: string;
};
export type SnmpCredentialRow = Selectable<SnmpCredentialTable>;

export type SnmpRangeTable = {
  id: Generated<number>;
  entity_id: number;
  name: string;
  spec: string;
  address_count: number;
  port: number;
  created_at: string;
  updated_at: string;
};
export type SnmpRangeRow = Selectable<SnmpRangeTable>;

export type SnmpRangeCredentialTable = { id: Generated<number>; range_id: number; credential_id: number; position: number };

export type SnmpScanStatus = "queued" | "running" | "done" | "failed";

export type SnmpScanTable = {
  id: Generated<number>;
  range_id: number;
  entity_id: number;
  status: SnmpScanStatus;
  total: number;
  done: number;
  found: number;
  error: string | null;
  created_by: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};
export type SnmpScanRow = Selectable<SnmpScanTable>;

export type PrinterSupplyTable = {
  id: Generated<number>;
  asset_id: number;
  supply_index: string;
  description: string;
  kind: string;
  consumed: 0 | 1;
  colour: string | null;
  level: number | null;
  max_capacity: number | null;
  percent: number | null;
  read_at: string;
};
export type PrinterSupplyRow = Selectable<PrinterSupplyTable>;

export type PrinterCounterTable = { id: Generated<number>; asset_id: number; name: string; value: number; read_at: string };

export type PrinterSupplyAlertTable = {
  id: Generated<number>;
  asset_id: number;
  supply_index: string;
  description: string;
  percent: number | null;
  raised_at: string;
  ticket_id: number | null;
  cleared_at: string | null;
};
