import { addBusinessMs, businessMsBetween } from "./business-time.js";
import type { BusinessCalendar } from "./calendar.js";
import { MINUTE_MS } from "./day-math.js";

/**
 * SLA clocks that stop while a ticket waits on its requester. A pause is [from, to);
 * `to: null` means the ticket is still waiting. Pauses may overlap, come in any order or
 * start before the clock did: they are clipped and merged first.
 */
export type Pause = { from: Date; to: Date | null };

type Span = { from: number; to: number };

function normalizePauses(pauses: readonly Pause[], startMs: number): Span[] {
  const spans = pauses
    .map((pause) => {
      const to = pause.to === null ? Infinity : pause.to.getTime();
      if (to < pause.from.getTime()) throw new RangeError(`A pause ends before it starts: ${pause.from.toISOString()}`);
      return { from: Math.max(pause.from.getTime(), startMs), to };
    })
    .filter((span) => span.to > span.from)
    .sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/** Business minutes the clock has run from `start` to `now`, pauses excluded. */
export function businessMinutesElapsed(
  calendar: BusinessCalendar,
  start: Date,
  now: Date,
  pauses: readonly Pause[] = [],
): number {
  // Summed in whole milliseconds: pauses start at any instant and minute fractions would drift.
  let elapsed = 0;
  let cursor = start.getTime();
  const nowMs = now.getTime();
  for (const pause of normalizePauses(pauses, cursor)) {
    if (pause.from >= nowMs) break;
    elapsed += businessMsBetween(calendar, cursor, pause.from);
    cursor = pause.to;
    if (cursor >= nowMs) return elapsed / MINUTE_MS;
  }
  return (elapsed + businessMsBetween(calendar, cursor, nowMs)) / MINUTE_MS;
}

/**
 * The deadline of a `minutes` target started at `start`, pushed back by the pauses; null while
 * the ticket is paused (an open pause) before the target is used up: the deadline is unknown
 * until the clock restarts.
 */
export function dueAt(calendar: BusinessCalendar, start: Date, minutes: number, pauses: readonly Pause[] = []): Date | null {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  let remaining = minutes * MINUTE_MS;
  let cursor = start.getTime();
  for (const pause of normalizePauses(pauses, cursor)) {
    const run = businessMsBetween(calendar, cursor, pause.from);
    if (run >= remaining) break;
    remaining -= run;
    if (pause.to === Infinity) return null;
    cursor = pause.to;
  }
  return new Date(addBusinessMs(calendar, cursor, remaining));
}

/** Business minutes left before the deadline at `now`; negative once it has passed. */
export function businessMinutesLeft(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  now: Date,
  pauses: readonly Pause[] = [],
): number {
  return minutes - businessMinutesElapsed(calendar, start, now, pauses);
}
