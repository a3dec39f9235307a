import type { Db } from "../../db/database.js";
import type { TicketRow } from "../../db/schema.js";
import { OPEN_STATUSES, type TicketStatus } from "../../../shared/domain/tickets.js";
import type { Actor } from "../identity/access.js";
import { businessMsBetween } from "./calendar/business-time.js";
import { clockOf, slaColumns } from "./sla-clock.js";
import { defaultContract, resolveSla, slaConfig, ticketCalendar } from "./sla-config.js";

/**
 * The SLA on the ticket write path: at most one UPDATE of the ticket's own row, and no query
 * at all when no SLA is active (the settings come from a per-process cache).
 */

const isOpen = (status: string) => OPEN_STATUSES.includes(status as TicketStatus);
/** The first answer of a technician: someone took the ticket, started on it or solved it. */
const TAKEN_STATUSES = new Set(["in_progress", "solved", "closed"]);

/**
 * Sets a new ticket's SLA deadlines (after the automation rules had their say on its priority),
 * and its contract when none was given and exactly one support contract with an SLA covers it.
 */
export async function slaOnTicketCreated(db: Db, _actor: Actor | undefined, ticketId: number): Promise<void> {
  const config = await slaConfig(db);
  if (config.policies.length === 0) return;
  // Read back rather than passed in: the automation rules, which run first, may have changed its
  // priority, category or assignment.
  const found = await db.selectFrom("ticket").select(["entity_id", "category_id", "priority", "status", "assignee_id", "created_at", "contract_id"])
    .where("id", "=", ticketId).executeTakeFirst();
  if (!found) return;
  const contract = found.contract_id === null ? defaultContract(config, found) : null;
  const row = contract === null ? found : { ...found, contract_id: contract };
  const resolved = resolveSla(config, row);
  if (!resolved) {
    if (contract !== null) await db.updateTable("ticket").set({ contract_id: contract }).where("id", "=", ticketId).execute();
    return;
  }
  const ownMetAt = row.assignee_id !== null || TAKEN_STATUSES.has(row.status) ? row.created_at : null;
  const pausedAt = row.status === "pending" ? row.created_at : null;
  const clock = { startMs: Date.parse(row.created_at), pausedMs: 0, pausedAt, ownMetAt, isOpen: isOpen(row.status) };
  await db.updateTable("ticket")
    .set({ ...slaColumns(resolved, clock), sla_started_at: row.created_at, sla_paused_at: pausedAt, sla_own_met_at: ownMetAt,
      ...(contract === null ? {} : { contract_id: contract }) })
    .where("id", "=", ticketId).execute();
}

const MATTERS: (keyof TicketRow)[] = ["status", "priority", "entity_id", "category_id", "assignee_id", "contract_id"];
const RESOLVES: (keyof TicketRow)[] = ["priority", "entity_id", "category_id", "contract_id"];

function changed(before: TicketRow, change: Partial<TicketRow>, fields: (keyof TicketRow)[]): boolean {
  return fields.some((field) => change[field] !== undefined && change[field] !== before[field]);
}

/**
 * A technician's first public answer takes the ticket in charge, as an assignment does: the time
 * to own is met. The caller decides what an answer is (not a private note, not the requester's).
 * Conditional on the column still being empty, so two answers at once keep the first.
 */
export async function slaOnPublicAnswer(db: Db, ticket: TicketRow): Promise<void> {
  if (ticket.sla_id === null || ticket.sla_own_met_at !== null) return;
  const resolved = resolveSla(await slaConfig(db), ticket);
  const at = new Date().toISOString();
  const clock = { ...clockOf(ticket), ownMetAt: at };
  await db.updateTable("ticket").set({ ...slaColumns(resolved, clock), sla_own_met_at: at })
    .where("id", "=", ticket.id).where("sla_own_met_at", "is", null).execute();
}

/** Pauses, resumes or recomputes a ticket's deadlines after a change (status pending, priority, entity…). */
export async function slaOnTicketChanged(db: Db, _actor: Actor | undefined, before: TicketRow, change: Partial<TicketRow>): Promise<void> {
  if (!changed(before, change, MATTERS)) return;
  if (before.sla_id === null && !changed(before, change, RESOLVES)) return;
  const config = await slaConfig(db);
  if (config.policies.length === 0 && before.sla_id === null) return;
  const after = { ...before, ...change };
  // Lowering the priority to one without a target takes the ticket out of its SLA, as creating it so would; raising keeps it (keptSla).
  const lowered = change.priority !== undefined && change.priority < before.priority;
  const resolved = resolveSla(config, lowered ? { ...after, sla_id: null } : after);
  if (!resolved && before.sla_id === null) return;
  const at = new Date();
  let pausedMs = Number(before.sla_paused_ms ?? 0);
  let pausedAt = before.sla_paused_at;
  if (after.status === "pending" && pausedAt === null) pausedAt = at.toISOString();
  if (after.status !== "pending" && pausedAt !== null) {
    const calendar = resolved?.calendar ?? ticketCalendar(config, after).calendar;
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
