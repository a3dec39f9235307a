import type { Db } from "../../db/database.js";
import type { Flag, TicketRow, TicketTable } from "../../db/schema.js";
import { flag, now } from "../../db/values.js";
import { settingCache } from "../../db/setting-cache.js";
import { AppError } from "../../http/errors.js";
import { type Change, diffFields, recordHistory } from "../history/history.service.js";
import type { Actor } from "../identity/access.js";
import { notifyTicketChange } from "../notifications/notify.js";
import { sanitizeRichText } from "./html.js";
import { afterTicketChanged } from "./ticket-hooks.js";
import { DEFAULT_PRIORITY_MATRIX, OPEN_STATUSES, type TicketStatus, priorityOf } from "../../../shared/domain/tickets.js";

type TicketChange = Partial<Omit<TicketTable, "id" | "version" | "created_at" | "updated_at" | "is_open">>;

/** The API's names for the columns history shows. */
const FIELD_NAMES: Partial<Record<keyof TicketTable, string>> = {
  type: "type", title: "title", description: "description", channel: "channel", assignee_id: "assigneeId",
  group_id: "groupId", level: "level", status: "status", pending_reason: "pendingReason", pending_until: "pendingUntil",
  urgency: "urgency", impact: "impact", priority: "priority", due_at: "dueAt", call_seconds: "callSeconds", solution_type: "solutionType",
  category_id: "categoryId", contract_id: "contractId",
};

function historyChanges(row: TicketRow, change: TicketChange): Change[] {
  const named = (source: Partial<TicketRow>) =>
    Object.fromEntries(Object.entries(source).flatMap(([k, v]) => (FIELD_NAMES[k as keyof TicketTable] ? [[FIELD_NAMES[k as keyof TicketTable], v]] : [])));
  return diffFields(named(row), named(change as Partial<TicketRow>));
}

/**
 * Writes a change if the ticket is still at `version`: two technicians saving at once do not
 * overwrite each other; the second gets TICKET_VERSION_CONFLICT and reloads. Every changed
 * field goes to the history (by "system" when there is no actor). Returns whether anything changed.
 */
export async function applyTicketChange(db: Db, actor: Actor | undefined, row: TicketRow, version: number, change: TicketChange): Promise<boolean> {
  if (row.version !== version) {
    throw new AppError("TICKET_VERSION_CONFLICT", `Ticket ${row.id} changed meanwhile (version ${row.version}, you sent ${version})`);
  }
  const changes = historyChanges(row, change);
  if (changes.length === 0) return false;
  const openness = change.status === undefined ? {} : { is_open: isOpenStatus(change.status) };
  const result = await db
    .updateTable("ticket")
    .set({ ...change, ...openness, version: row.version + 1, updated_at: now() })
    .where("id", "=", row.id)
    .where("version", "=", version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new AppError("TICKET_VERSION_CONFLICT", `Ticket ${row.id} changed meanwhile`);
  }
  await recordHistory(db, actor, { recordType: "ticket", recordId: row.id, entityId: change.entity_id ?? row.entity_id, action: "update", changes });
  await notifyTicketChange(db, actor, row, change);
  await afterTicketChanged(db, actor, row, change as Partial<TicketRow>);
  return true;
}

export function isOpenStatus(status: string): Flag {
  return flag(OPEN_STATUSES.includes(status as TicketStatus));
}

/** The 5×5 urgency × impact matrix: the admin's, or the default one. */
export async function loadPriorityMatrix(db: Db): Promise<number[][]> {
  const row = await db.selectFrom("setting").select("value").where("key", "=", "tickets.priority_matrix").executeTakeFirst();
  return row ? (JSON.parse(row.value) as number[][]) : DEFAULT_PRIORITY_MATRIX;
}

/**
 * The matrix as ticket writes use it, read at most every few seconds per database: it changes a few
 * times a year, and every ticket creation needs it. Another instance's change shows within 5 s;
 * this instance's at once (setPriorityMatrix forgets it).
 */
const matrixCache = settingCache(5_000, loadPriorityMatrix);

export function forgetPriorityMatrix(db: Db): void {
  matrixCache.forget(db);
}

export async function computePriority(db: Db, urgency: number, impact: number): Promise<number> {
  return priorityOf(await matrixCache.get(db), urgency, impact);
}

export type NewTicketRow = {
  entityId: number; type: string; title: string; description: string; channel: string;
  requesterId?: number | null; contactName?: string | null; contactPhone?: string | null; contactEmail?: string | null;
  assigneeId?: number | null; groupId: number | null; categoryId: number | null; contractId?: number | null;
  urgency: number; impact: number; dueAt?: string | null; callSeconds?: number | null; createdBy: number | null;
};

/**
 * Inserts a new ticket, the one way every module opens one (staff, portal, mail, monitoring):
 * status from its assignment, priority from the matrix, description sanitized. History,
 * notifications and the hooks stay with the caller, who knows who acts. Answers its id.
 */
export async function insertTicketRow(db: Db, ticket: NewTicketRow): Promise<number> {
  const at = now();
  const assigneeId = ticket.assigneeId ?? null;
  const row = await db.insertInto("ticket").values({
    entity_id: ticket.entityId, type: ticket.type, title: ticket.title, description: sanitizeRichText(ticket.description),
    channel: ticket.channel, requester_id: ticket.requesterId ?? null, contact_name: ticket.contactName ?? null,
    contact_phone: ticket.contactPhone ?? null, contact_email: ticket.contactEmail ?? null, assignee_id: assigneeId,
    group_id: ticket.groupId, category_id: ticket.categoryId, contract_id: ticket.contractId ?? null, level: 1, status: statusAfterAssignment("new", assigneeId, ticket.groupId),
    is_open: 1, pending_reason: null, pending_until: null, urgency: ticket.urgency, impact: ticket.impact,
    priority: await computePriority(db, ticket.urgency, ticket.impact), due_at: ticket.dueAt ?? null, call_seconds: ticket.callSeconds ?? null,
    version: 1, created_by: ticket.createdBy, created_at: at, updated_at: at,
    solved_at: null, closed_at: null, satisfaction: null, satisfaction_comment: null, rated_at: null,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** A ticket with someone or a team on it is "assigned"; one with nobody goes back to "new". */
export function statusAfterAssignment(status: string, assigneeId: number | null, groupId: number | null): string {
  const hasOwner = assigneeId !== null || groupId !== null;
  if (status === "new" && hasOwner) return "assigned";
  if (status === "assigned" && !hasOwner) return "new";
  return status;
}
