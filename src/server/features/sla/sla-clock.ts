import { SLA_WARN_SHARE, type SlaLevel } from "../../../shared/api/sla.js";
import type { TicketTable } from "../../db/schema.js";
import type { BusinessCalendar } from "./calendar/calendar.js";
import { MINUTE_MS } from "./calendar/day-math.js";
import type { Resolved } from "./sla-config.js";
import { adderFor } from "./sla-timeline.js";

/**
 * A ticket's SLA clock turned into the columns the queue reads. The clock starts when the
 * ticket is created; business time spent pending (`pausedMs`) pushes every deadline, and while
 * the ticket is pending the deadlines are unknown (null) until the clock restarts.
 */
export type Clock = {
  startMs: number;
  pausedMs: number;
  pausedAt: string | null;
  ownMetAt: string | null;
  isOpen: boolean;
};

export type SlaColumns = Pick<TicketTable, "sla_id" | "sla_own_minutes" | "sla_resolve_minutes" | "sla_own_due_at" | "sla_resolve_due_at"
  | "sla_next_due_at" | "sla_next_warn_at" | "sla_next_escalation_at">;

export const NO_SLA: SlaColumns = {
  sla_id: null, sla_own_minutes: null, sla_resolve_minutes: null, sla_own_due_at: null, sla_resolve_due_at: null,
  sla_next_due_at: null, sla_next_warn_at: null, sla_next_escalation_at: null,
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const earliest = (values: (number | null)[]) => values.reduce<number | null>((a, b) => (b === null ? a : a === null ? b : Math.min(a, b)), null);

/** The instant `share` of a `minutes` target is used up. */
function shareAt(calendar: BusinessCalendar, clock: Clock, minutes: number, share: number): number {
  return adderFor(calendar)(clock.startMs, Math.round(share * minutes * MINUTE_MS) + clock.pausedMs);
}

export type LevelDue = { key: string; level: SlaLevel & { id: string }; at: number };

/** When each escalation level of the SLA is due, for the targets still unmet of an open, running ticket. */
export function levelsDue(resolved: Resolved, clock: Clock): LevelDue[] {
  if (!clock.isOpen || clock.pausedAt !== null) return [];
  const out: LevelDue[] = [];
  for (const level of resolved.policy.levels) {
    const minutes = level.target === "own" ? resolved.target.ownMinutes : resolved.target.resolveMinutes;
    if (minutes === null || (level.target === "own" && clock.ownMetAt !== null)) continue;
    const at = level.trigger === "share"
      ? shareAt(resolved.calendar, clock, minutes, (level.percent ?? 100) / 100)
      : adderFor(resolved.calendar)(shareAt(resolved.calendar, clock, minutes, 1), (level.minutesAfter ?? 0) * MINUTE_MS);
    out.push({ key: `${resolved.policy.id}:${level.id}`, level, at });
  }
  return out;
}

export function slaColumns(resolved: Resolved | undefined, clock: Clock): SlaColumns {
  if (!resolved) return NO_SLA;
  const { ownMinutes, resolveMinutes } = resolved.target;
  const base = { ...NO_SLA, sla_id: resolved.policy.id, sla_own_minutes: ownMinutes, sla_resolve_minutes: resolveMinutes };
  if (clock.pausedAt !== null) return base;
  const { calendar } = resolved;
  const ownDue = ownMinutes === null ? null : shareAt(calendar, clock, ownMinutes, 1);
  const resolveDue = resolveMinutes === null ? null : shareAt(calendar, clock, resolveMinutes, 1);
  const ownPending = clock.isOpen && clock.ownMetAt === null && ownMinutes !== null;
  const resolvePending = clock.isOpen && resolveMinutes !== null;
  const nextDue = earliest([ownPending ? ownDue : null, resolvePending ? resolveDue : null]);
  // The warning belongs to the deadline that comes first.
  const nextWarn = nextDue === null ? null : nextDue === ownDue && ownPending
    ? shareAt(calendar, clock, ownMinutes!, SLA_WARN_SHARE)
    : shareAt(calendar, clock, resolveMinutes!, SLA_WARN_SHARE);
  return {
    ...base, sla_own_due_at: iso(ownDue), sla_resolve_due_at: iso(resolveDue), sla_next_due_at: iso(nextDue), sla_next_warn_at: iso(nextWarn),
    sla_next_escalation_at: iso(earliest(levelsDue(resolved, clock).map((l) => l.at))),
  };
}

/** The clock of a ticket row (or of its state after a change). */
export function clockOf(row: {
  created_at: string; sla_started_at: string | null; sla_paused_ms: number | null; sla_paused_at: string | null; sla_own_met_at: string | null; is_open: number;
}): Clock {
  return {
    startMs: Date.parse(row.sla_started_at ?? row.created_at), pausedMs: Number(row.sla_paused_ms ?? 0), pausedAt: row.sla_paused_at,
    ownMetAt: row.sla_own_met_at, isOpen: row.is_open === 1,
  };
}
