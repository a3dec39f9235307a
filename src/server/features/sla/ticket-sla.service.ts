import { SLA_WARN_SHARE, type SlaDeadline, type SlaState, type TicketSla } from "../../../shared/api/sla.js";
import type { Ctx } from "../../http/context.js";
import { loadReadableTicket } from "../tickets/ticket-access.js";
import { addBusinessMs, businessMsBetween } from "./calendar/business-time.js";
import type { BusinessCalendar } from "./calendar/calendar.js";
import { MINUTE_MS } from "./calendar/day-math.js";
import { clockOf, type Clock } from "./sla-clock.js";
import { contractOf, slaConfig, ticketCalendar } from "./sla-config.js";

/** A ticket's deadlines as its page shows them: when each is due, the business time left, and its colour. */
export async function getTicketSla(ctx: Ctx, ticketId: number, at = new Date()): Promise<TicketSla> {
  const { row } = await loadReadableTicket(ctx.db, ctx.actor, ticketId);
  const [config, escalations, policy] = await Promise.all([
    slaConfig(ctx.db),
    ctx.db.selectFrom("sla_escalation").select(["level_key", "fired_at"]).where("ticket_id", "=", ticketId).orderBy("id").execute(),
    row.sla_id === null ? undefined : ctx.db.selectFrom("sla_policy").select("name").where("id", "=", row.sla_id).executeTakeFirst(),
  ]);
  const { name: calendarName, calendar } = ticketCalendar(config, row);
  const contract = contractOf(config, row);
  const clock = clockOf(row);
  const resolvedAt = row.is_open === 1 ? null : row.solved_at ?? row.closed_at;
  return {
    slaId: row.sla_id, slaName: policy?.name ?? null, calendarName, contractId: contract?.id ?? null, contractName: contract?.name ?? null,
    pausedAt: row.sla_paused_at,
    own: deadline(calendar, clock, row.sla_own_minutes, row.sla_own_due_at, row.sla_own_met_at, at),
    resolve: deadline(calendar, clock, row.sla_resolve_minutes, row.sla_resolve_due_at, resolvedAt, at),
    escalations: escalations.map((e) => ({ levelKey: e.level_key, firedAt: e.fired_at })),
  };
}

function deadline(calendar: BusinessCalendar, clock: Clock, minutes: number | null, dueAt: string | null, metAt: string | null,
  at: Date): SlaDeadline | null {
  if (minutes === null) return null;
  // Elapsed business time stops when the target is met, or when the ticket went pending.
  const until = metAt ? Date.parse(metAt) : clock.pausedAt ? Date.parse(clock.pausedAt) : at.getTime();
  const elapsed = businessMsBetween(calendar, clock.startMs, until) - clock.pausedMs;
  const leftMinutes = Math.round((minutes * MINUTE_MS - elapsed) / MINUTE_MS);
  const warnAt = clock.pausedAt ? null : new Date(addBusinessMs(calendar, clock.startMs, Math.round(SLA_WARN_SHARE * minutes * MINUTE_MS) + clock.pausedMs));
  let state: SlaState;
  if (metAt) state = dueAt === null || metAt <= dueAt ? "met" : "missed";
  else if (clock.pausedAt) state = "paused";
  else if (dueAt !== null && at.toISOString() >= dueAt) state = "late";
  else if (warnAt !== null && at >= warnAt) state = "at_risk";
  else state = "ok";
  return { minutes, dueAt, warnAt: warnAt?.toISOString() ?? null, metAt, leftMinutes, state };
}
