import type { Generated, Selectable } from "kysely";
import type { DB, Flag } from "../../db/schema.js";

/** Automation rules, ticket templates, canned responses and recurring tickets: the tables, as Kysely sees them (see migration 2026_11_26_110000_automation). */
export type AutomationTables = {
  automation_rule: AutomationRuleTable;
  ticket_template: TicketTemplateTable;
  canned_response: CannedResponseTable;
  recurring_ticket: RecurringTicketTable;
  recurring_ticket_asset: { recurring_id: number; asset_id: number };
  recurring_ticket_run: RecurringTicketRunTable;
};

export type AutomationRuleTable = {
  id: Generated<number>;
  entity_id: number;
  is_recursive: Flag;
  name: string;
  description: string | null;
  /** "created", "updated" or "both". */
  trigger: string;
  /** "all" or "any" of the conditions. */
  match_mode: string;
  /** JSON: RuleCondition[]. */
  conditions: string;
  /** JSON: RuleAction[]. */
  actions: string;
  position: number;
  stop_further: Flag;
  is_active: Flag;
  version: number;
  created_at: string;
  updated_at: string;
};
export type AutomationRuleRow = Selectable<AutomationRuleTable>;

export type TicketTemplateTable = {
  id: Generated<number>;
  entity_id: number;
  is_recursive: Flag;
  name: string;
  category_id: number | null;
  title: string;
  description: string;
  type: string | null;
  urgency: number | null;
  impact: number | null;
  group_id: number | null;
  is_active: Flag;
  created_at: string;
  updated_at: string;
};
export type TicketTemplateRow = Selectable<TicketTemplateTable>;

export type CannedResponseTable = {
  id: Generated<number>;
  entity_id: number;
  is_recursive: Flag;
  name: string;
  category_id: number | null;
  content: string;
  created_at: string;
  updated_at: string;
};
export type CannedResponseRow = Selectable<CannedResponseTable>;

export type RecurringTicketTable = {
  id: Generated<number>;
  entity_id: number;
  name: string;
  template_id: number;
  requester_id: number | null;
  /** "day", "week" or "month". */
  frequency: string;
  every: number;
  /** ISO weekday 1 (Monday) … 7, for weekly schedules. */
  weekday: number | null;
  /** "HH:MM" in time_zone. */
  time_of_day: string;
  time_zone: string;
  /** "YYYY-MM-DD": the first possible day (and the day of the month for monthly schedules). */
  starts_on: string;
  next_run_at: string | null;
  last_run_at: string | null;
  is_active: Flag;
  created_by: number;
  created_at: string;
  updated_at: string;
};
export type RecurringTicketRow = Selectable<RecurringTicketTable>;

export type RecurringTicketRunTable = {
  id: Generated<number>;
  recurring_id: number;
  /** The occurrence's scheduled instant (UTC ISO): with asset_key, the dedupe key. */
  occurrence: string;
  asset_key: number;
  ticket_id: number | null;
  created_at: string;
};

/** This module's tables in backup order (parents first); each has an auto-numbered id unless listed in backup/tables.ts. */
export const AUTOMATION_TABLES: { name: keyof DB; selfRef?: string }[] = [
  { name: "automation_rule" },
  { name: "ticket_template" },
  { name: "canned_response" },
  { name: "recurring_ticket" },
  { name: "recurring_ticket_asset" },
  { name: "recurring_ticket_run" },
];
