import type { Generated, Selectable } from "kysely";
import type { DB, Flag } from "../../db/schema.js";

/** Business calendars, SLA targets, ticket deadlines and escalations: the tables, as Kysely sees them (see migration 2026_11_26_100000_sla). */
export type SlaTables = {
  sla_calendar: SlaCalendarTable;
  sla_policy: SlaPolicyTable;
  sla_escalation: SlaEscalationTable;
};

export type SlaCalendarTable = {
  id: Generated<number>;
  entity_id: number;
  /** Set: the support hours of this contract (of entity_id), which beat the entity's calendar for its tickets. */
  contract_id: number | null;
  name: string;
  definition: string;
  version: number;
  created_at: string;
  updated_at: string;
};
export type SlaCalendarRow = Selectable<SlaCalendarTable>;

export type SlaPolicyTable = {
  id: Generated<number>;
  entity_id: number;
  /** Set: applies to the tickets worked under this contract (of entity_id) only, before any entity policy. */
  contract_id: number | null;
  is_recursive: Flag;
  category_id: number | null;
  name: string;
  targets: string;
  levels: string;
  is_active: Flag;
  version: number;
  created_at: string;
  updated_at: string;
};
export type SlaPolicyRow = Selectable<SlaPolicyTable>;

export type SlaEscalationTable = {
  id: Generated<number>;
  ticket_id: number;
  level_key: string;
  fired_at: string;
};

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const SLA_TABLES: { name: keyof DB; selfRef?: string }[] = [
  { name: "sla_calendar" }, { name: "sla_policy" }, { name: "sla_escalation" },
];
