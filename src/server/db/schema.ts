import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AssetTables } from "./schema-assets.js";
import type { KbTables } from "../features/kb/kb.table.js";
import type { SnmpTables } from "../features/inventory/snmp/snmp.table.js";
import { SLA_TABLES, type SlaTables } from "../features/sla/sla.table.js";
import { AUTOMATION_TABLES, type AutomationTables } from "../features/automation/automation.table.js";
import { MAIL_OUT_TABLES, type MailOutTables } from "../features/mail/outbound/mail-out.table.js";
import { MAIL_IN_TABLES, type MailInTables } from "../features/mail/inbound/mail-in.table.js";
import type { MailThreadTables } from "../features/mail/mail.table.js";

/**
 * The database as Kysely sees it. Columns are snake_case; presenters map rows to the
 * camelCase API shapes by hand. Booleans are 0/1 integers and timestamps ISO-8601 UTC
 * text, so the same queries run on SQLite and PostgreSQL.
 */
export type DB = AssetTables & KbTables & SnmpTables & SlaTables & AutomationTables & MailOutTables & MailInTables & MailThreadTables & {
  setting: SettingTable;
  entity: EntityTable;
  entity_closure: EntityClosureTable;
  app_user: UserTable;
  user_group: GroupTable;
  group_member: GroupMemberTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  history: HistoryTable;
  job: JobTable;
  ticket: TicketTable;
  ticket_followup: TicketFollowupTable;
  ticket_task: TicketTaskTable;
  ticket_category: TicketCategoryTable;
  ticket_observer: TicketObserverTable;
  ticket_link: TicketLinkTable;
  attachment: AttachmentTable;
  notification: NotificationTable;
  notification_read: NotificationReadTable;
  saved_view: SavedViewTable;
  ticket_presence: TicketPresenceTable;
  kb_script: KbScriptTable;
  kb_script_version: KbScriptVersionTable;
  kb_script_run: KbScriptRunTable;
  search_deflection: SearchDeflectionTable;
};

export type Flag = 0 | 1;

export type SettingTable = { key: string; value: string };

export type EntityTable = {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  complete_name: string;
  depth: number;
  comment: string | null;
  address: string | null;
  postcode: string | null;
  town: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  /** 1: every member of the entity follows its tickets from the portal. */
  shares_tickets: Generated<Flag>;
  /** The tag this entity's inventory agents send, placing their machines here. */
  inventory_tag: string | null;
  created_at: string;
  updated_at: string;
};
export type EntityRow = Selectable<EntityTable>;

/** Every (ancestor, descendant) pair of the entity tree, itself included at depth 0. */
export type EntityClosureTable = { ancestor_id: number; descendant_id: number; depth: number };

export type UserTable = {
  id: Generated<number>;
  login: string;
  first_name: string;
  last_name: string;
  /** "dupont jean" without accents: the sort key and the prefix-search key. */
  sort_name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  /** phone and mobile as bare national digits, to find a caller by number. */
  phone_digits: string | null;
  mobile_digits: string | null;
  job_title: string | null;
  entity_id: number;
  language: string;
  time_zone: string | null;
  password_hash: string | null;
  is_active: Flag;
  created_at: string;
  updated_at: string;
};
export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

export type GroupTable = {
  id: Generated<number>;
  name: string;
  sort_name: string;
  description: string | null;
  entity_id: number;
  recursive: Flag;
  created_at: string;
  updated_at: string;
};
export type GroupRow = Selectable<GroupTable>;

export type GroupMemberTable = {
  group_id: number;
  user_id: number;
  is_manager: Flag;
  created_at: string;
  /** "Mark all read" of the group's notifications: up to this id, at this time. */
  notifications_read_to: number | null;
  notifications_read_at: string | null;
};

export type RoleGrantTable = {
  id: Generated<number>;
  user_id: number;
  entity_id: number;
  role: string;
  recursive: Flag;
  created_at: string;
};
export type RoleGrantRow = Selectable<RoleGrantTable>;

export type SessionTable = {
  /** sha256 of the cookie's secret: a stolen database does not yield live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
};
export type SessionRow = Selectable<SessionTable>;

export type ApiTokenTable = {
  id: Generated<number>;
  name: string;
  token_hash: string;
  prefix: string;
  entity_id: number;
  role: string;
  recursive: Flag;
  created_by: number;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};
export type ApiTokenRow = Selectable<ApiTokenTable>;

export type LoginAttemptTable = {
  id: Generated<number>;
  login: string;
  ip: string;
  at: string;
  success: Flag;
};

export type HistoryTable = {
  id: Generated<number>;
  record_type: string;
  record_id: number;
  entity_id: number | null;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  actor_id: number | null;
  actor_name: string;
  at: string;
};
export type HistoryRow = Selectable<HistoryTable>;
export type NewHistoryRow = Insertable<HistoryTable>;

export type JobTable = {
  id: Generated<number>;
  name: string;
  payload: string;
  status: "queued" | "running" | "done" | "failed";
  run_at: string;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  locked_by: string | null;
  locked_at: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
};
export type JobRow = Selectable<JobTable>;

export type TicketTable = {
  id: Generated<number>;
  entity_id: number;
  type: string;
  title: string;
  description: string;
  channel: string;
  requester_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  assignee_id: number | null;
  group_id: number | null;
  level: number;
  status: string;
  /** 1 while the status is one of OPEN_STATUSES: what the queues filter on. */
  is_open: Flag;
  pending_reason: string | null;
  pending_until: string | null;
  urgency: number;
  impact: number;
  priority: number;
  due_at: string | null;
  call_seconds: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  solved_at: string | null;
  closed_at: string | null;
  satisfaction: number | null;
  satisfaction_comment: string | null;
  rated_at: string | null;
  category_id: number | null;
  /** Set when the ticket was merged into another: it is closed and points there. */
  merged_into_id: number | null;
  /** One of SOLUTION_TYPES, set when solved. */
  solution_type: string | null;
  /** The SLA applied (features/sla) and its clock; deadlines are null while paused or without a target. */
  sla_id: number | null;
  sla_started_at: string | null;
  /** Business time spent pending, in ms (null: none): it pushes the deadlines. */
  sla_paused_ms: number | null;
  sla_paused_at: string | null;
  sla_own_minutes: number | null;
  sla_resolve_minutes: number | null;
  sla_own_due_at: string | null;
  sla_resolve_due_at: string | null;
  sla_own_met_at: string | null;
  /** The earliest unmet deadline and the instant 75 % of its time is used: the queue's "late" and "at risk". */
  sla_next_due_at: string | null;
  sla_next_warn_at: string | null;
  sla_next_escalation_at: string | null;
  /** The contract the ticket is worked under (assets' contract; features/sla): its SLA and support hours apply. */
  contract_id: number | null;
};
export type TicketRow = Selectable<TicketTable>;

export type TicketFollowupTable = {
  id: Generated<number>;
  ticket_id: number;
  kind: string;
  is_private: Flag;
  content: string;
  author_id: number | null;
  author_name: string;
  created_at: string;
};

export type TicketTaskTable = {
  id: Generated<number>;
  ticket_id: number;
  description: string;
  technician_id: number | null;
  planned_start: string | null;
  planned_end: string | null;
  minutes_spent: number;
  is_done: Flag;
  is_private: Flag;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};
export type TicketTaskRow = Selectable<TicketTaskTable>;

export type TicketCategoryTable = {
  id: Generated<number>;
  entity_id: number;
  parent_id: number | null;
  name: string;
  complete_name: string;
  depth: number;
  portal_label: string | null;
  description: string | null;
  default_type: string | null;
  default_group_id: number | null;
  default_urgency: number | null;
  default_impact: number | null;
  in_portal: Flag;
  is_active: Flag;
  created_at: string;
  updated_at: string;
};
export type TicketCategoryRow = Selectable<TicketCategoryTable>;

export type TicketObserverTable = { ticket_id: number; user_id: number; created_at: string };

export type TicketLinkTable = {
  id: Generated<number>;
  ticket_id: number;
  other_id: number;
  /** "related", "duplicate" (ticket_id duplicates other_id) or "child" (ticket_id is a child of other_id). */
  kind: string;
  created_by: number | null;
  created_at: string;
};

export type AttachmentTable = {
  id: Generated<number>;
  ticket_id: number;
  followup_id: number | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  is_private: Flag;
  uploaded_by: number | null;
  created_at: string;
};
export type AttachmentRow = Selectable<AttachmentTable>;

export type NotificationTable = {
  id: Generated<number>;
  /** The one user it is for; null for a group's notification, stored once for all its members. */
  user_id: number | null;
  group_id: number | null;
  /** A group notification's member who is not told (the technician, told on their own). */
  skip_user_id: number | null;
  kind: string;
  ticket_id: number | null;
  actor_id: number | null;
  title: string;
  /** For due_soon: the due date it warned about. */
  due_at: string | null;
  read_at: string | null;
  created_at: string;
  /** For the fleet's alerts: the asset or contract it is about (due_at holds the day it warned of). */
  asset_id: number | null;
  contract_id: number | null;
};

/** A member's reading of a group notification (a personal one keeps its own read_at). */
export type NotificationReadTable = { notification_id: number; user_id: number; read_at: string };

export type SavedViewTable = {
  id: Generated<number>;
  user_id: number;
  /** The list the view is of: "tickets" (the queue) or "assets". */
  scope: Generated<string>;
  name: string;
  /** The list's query string, as JSON. */
  query: string;
  /** The columns shown, as a JSON array; null for the default ones. */
  columns: string | null;
  created_at: string;
  updated_at: string;
};

export type TicketPresenceTable = { ticket_id: number; user_id: number; seen_at: string };

/**
 * Tables in the order a restore must fill them (parents before children), with the
 * self-references a restore fills in a second pass.
 */
export const TABLES: { name: keyof DB; selfRef?: string }[] = [
  { name: "setting" },
  { name: "entity", selfRef: "parent_id" },
  { name: "entity_closure" },
  { name: "app_user" },
  { name: "user_group" },
  { name: "group_member" },
  { name: "role_grant" },
  { name: "session" },
  { name: "api_token" },
  { name: "login_attempt" },
  { name: "history" },
  { name: "job" },
  { name: "ticket_category", selfRef: "parent_id" },
  { name: "ticket", selfRef: "merged_into_id" },
  { name: "ticket_followup" },
  { name: "ticket_task" },
  { name: "ticket_observer" },
  { name: "ticket_link" },
  { name: "attachment" },
  { name: "notification" },
  { name: "notification_read" },
  { name: "saved_view" },
  { name: "ticket_presence" },
  { name: "asset_kind" },
  { name: "asset_field" },
  { name: "location", selfRef: "parent_id" },
  { name: "manufacturer" },
  { name: "asset_model" },
  { name: "supplier" },
  { name: "supplier_contact" },
  { name: "asset" },
  { name: "asset_event" },
  { name: "asset_tag_counter" },
  { name: "contract" },
  { name: "contract_asset" },
  { name: "ticket_asset" },
  { name: "inventory_campaign" },
  { name: "inventory_scan" },
  { name: "inventory_agent" },
  { name: "inventory_import" },
  { name: "inventory_import_payload" },
  { name: "software" },
  { name: "software_version" },
  { name: "asset_inventory" },
  { name: "asset_identity" },
  { name: "asset_software_list" },
  { name: "software_install_count" },
  { name: "software_machine_block" },
  { name: "software_change" },
  { name: "asset_change" },
  { name: "asset_health_signal" },
  { name: "asset_connection" },
  { name: "kb_category", selfRef: "parent_id" },
  { name: "kb_article" },
  { name: "kb_revision" },
  { name: "kb_article_tag" },
  { name: "kb_vote" },
  { name: "kb_view" },
  { name: "kb_article_ticket" },
  { name: "kb_article_target" },
  { name: "kb_attachment" },
  { name: "kb_script" },
  { name: "kb_script_version" },
  { name: "kb_script_run" },
  { name: "snmp_credential" },
  { name: "snmp_range" },
  { name: "snmp_range_credential" },
  { name: "snmp_scan" },
  { name: "printer_supply" },
  { name: "printer_counter" },
  { name: "printer_supply_alert" },
  { name: "search_deflection" },
  { name: "mail_thread_ref" },
  ...SLA_TABLES,
  ...AUTOMATION_TABLES,
  ...MAIL_OUT_TABLES,
  ...MAIL_IN_TABLES,
];

/** A guided diagnostic script; its graph lives in its versions. */
export type KbScriptTable = {
  id: Generated<number>;
  entity_id: number;
  name: string;
  description: string;
  for_portal: Flag;
  language: string;
  is_active: Flag;
  current_version_id: number | null;
  version: number;
  starter_key: string | null;
  created_at: string;
  updated_at: string;
};
export type KbScriptRow = Selectable<KbScriptTable>;

/** One saved version of a script: never changed once written. */
export type KbScriptVersionTable = {
  id: Generated<number>;
  script_id: number;
  version: number;
  graph: string;
  author_id: number | null;
  author_name: string;
  created_at: string;
};

/** One run of a script version, on a ticket or at the portal. */
export type KbScriptRunTable = {
  id: Generated<number>;
  script_id: number;
  version_id: number;
  ticket_id: number | null;
  entity_id: number;
  user_id: number;
  channel: string;
  path: string;
  current_node: string;
  state: string;
  result: string | null;
  started_at: string;
  ended_at: string | null;
};
export type KbScriptRunRow = Selectable<KbScriptRunTable>;

/** A requester's request closed before it was sent, by a FAQ article the search suggested. */
export type SearchDeflectionTable = {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  entity_id: number;
  /** What the requester had typed (title and description, cut). */
  query: string;
  created_at: string;
};
