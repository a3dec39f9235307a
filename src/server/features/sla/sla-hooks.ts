import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { OPEN_STATUSES, type TicketStatus } from "../../../shared/domain/tickets.js";
import type { Actor } from "../identity/access.js";
import { businessMsBetween } from "./calendar/business-time.js";
import { slaColumns } from "./sla-clock.js";
import { calendarFor, resolveSla, slaConfig } from "./sla-config.js";

/**
 * The SLA on the ticket write path: at most one UPDATE of the ticket's own row, and no query
 * at all when no SLA is active (the settings come from a per-process cache).
 */

const isOpen = (status: string) => OPEN_STATUSES.includes(status as TicketStatus);
/** The first answer of a technician: someone took the ticket, started on it or solved it. */
const TAKEN_STATUSES = new Set(["in_progress", "solved", "closed"]);

/** Sets a new ticket's SLA deadlines (after the automation rules had their say on its priority). */
export async function slaOnTicketCreated(db: Db, _actor: Actor | undefined, ticketId: number): Promise<void> {
  const config = await slaConfig(db);
  if (config.policies.length === 0) return;
  const row = await db.selectFrom("ticket").select(["entity_id", "category_id", "priority", "status", "assignee_id", "created_at"])
    .where("id", "=", ticketId).executeTakeFirst();
  if (!row) return;
  const resolved = resolveSla(config, row);
  if (!resolved) return;
  const ownMetAt = row.assignee_id !== null || TAKEN_STATUSES.has(row.status) ? row.created_at : null;
  const pausedAt = row.status === "pending" ? row.created_at : null;
  const clock = { startMs: Date.parse(row.created_at), pausedMs: 0, pausedAt, ownMetAt, isOpen: isOpen(row.status) };
  await db.updateTable("ticket")
    .set({ ...slaColumns(resolved, clock), sla_started_at: row.created_at, sla_paused_at: pausedAt, sla_own_met_at: ownMetAt })
    .where("id", "=", ticketId).execute();
}

const MATTERS: (keyof TicketRow)[] = ["status", "priority", "entity_id", "category_id", "assignee_id"];
const RESOLVES: (keyof TicketRow)[] = ["priority", "entity_id", "category_id"];

function changed(before: TicketRow, change: Partial<TicketRow>, fields: (keyof TicketRow)[]): boolean {
  return fields.some((field) => change[field] !== undefined && change[field] !== before[field]);
}

/** Pauses, resumes or recomputes a ticket's deadlines after a change (status pending, priority, entity…). */
export async function slaOnTicketChanged(db: Db, _actor: Actor | undefined, before: TicketRow, change: Partial<TicketRow>): Promise<void> {
  if (!changed(before, change, MATTERS)) return;
  if (before.sla_id === null && !changed(before, change, RESOLVES)) return;
  const config = await slaConfig(db);
  if (config.policies.length === 0 && before.sla_id === null) return;
  const after = { ...before, ...change };
  const resolved = resolveSla(config, after);
  if (!resolved && before.sla_id === null) return;
  const at = new Date();
  let pausedMs = Number(before.sla_paused_ms ?? 0);
  let pausedAt = before.sla_paused_at;
  if (after.status === "pending" && pausedAt === null) pausedAt = at.toISOString();
  if (after.status !== "pending" && pausedAt !== null) {
    const calendar = resolved?.calendar ?? calendarFor(config, after.entity_id).calendar;
    pausedMs += businessMsBetween(calendar, Date.parse(pausedAt), at.getTime());
    pausedAt = null;
  }
  const taken = (change.assignee_id !== undefined && change.assignee_id !== null) || TAKEN_STATUSES.has(after.status);
  const ownMetAt = before.sla_own_met_at ?? (taken ? at.toISOString() : null);
  const startedAt = before.sla_started_at ?? before.created_at;
  const clock = { startMs: Date.parse(startedAt), pausedMs, pausedAt, ownMetAt, isOpen: isOpen(after.status) };
  await db.updateTable("ticket")
    .set({ ...slaColumns(resolved, clock), sla_started_at: startedAt, sla_paused_ms: pausedMs, sla_paused_at: pausedAt, sla_own_met_at: ownMetAt })
    .where("id", "=", before.id).execute();
}
