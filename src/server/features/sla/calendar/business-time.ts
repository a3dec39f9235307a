import type { BusinessCalendar } from "./calendar.js";
import { compileCalendar, localDayOf, openIntervalsOfDay, type CompiledCalendar } from "./compiled-calendar.js";
import { MINUTE_MS } from "./day-math.js";

/**
 * Business-time arithmetic: deadlines and elapsed time counted only while a calendar is
 * open. Business time is real elapsed time inside opening hours, so an hour open across a
 * DST change is still sixty minutes. All functions walk local days, O(days spanned).
 */

/** How many days in a row may be closed before the calendar is deemed never to open again (closures can be long). */
const MAX_CLOSED_DAYS = 50 * 366;

/**
 * The open intervals [start, end) in UTC ms, from the one containing or following `fromMs`,
 * in order, without end. Starts a day early so that an interval reaching past local midnight
 * (when a DST change falls at midnight) is not missed.
 */
function* intervalsFrom(calendar: CompiledCalendar, fromMs: number): Generator<[number, number]> {
  let lastOpenDay = localDayOf(calendar, fromMs) - 1;
  for (let day = lastOpenDay; day - lastOpenDay <= MAX_CLOSED_DAYS; day++) {
    const intervals = openIntervalsOfDay(calendar, day);
    if (intervals.length > 0) lastOpenDay = day;
    for (let i = 0; i < intervals.length; i += 2) {
      const end = intervals[i + 1]!;
      if (end > fromMs) yield [Math.max(intervals[i]!, fromMs), end];
    }
  }
  throw new RangeError(`The calendar stays closed for more than ${MAX_CLOSED_DAYS} days`);
}

/**
 * The deadline: the first instant at which `minutes` of business time have run from `start`.
 * Opening outside hours starts the clock at the next opening; a target used up exactly at a
 * closing time is due at that closing time (12:00, not 14:00). 0 minutes is due at `start`.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  return new Date(addBusinessMs(calendar, start.getTime(), minutes * MINUTE_MS));
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(calendar, from.getTime(), to.getTime()) / MINUTE_MS;
}

/** addBusinessMinutes on epoch milliseconds; callers that sum several spans stay in integers this way. */
export function addBusinessMs(calendar: BusinessCalendar, startMs: number, durationMs: number): number {
  let remaining = durationMs;
  if (remaining <= 0) return startMs;
  for (const [from, to] of intervalsFrom(compileCalendar(calendar), startMs)) {
    if (remaining <= to - from) return from + remaining;
    remaining -= to - from;
  }
  throw new Error("unreachable");
}

/** businessMinutesBetween in milliseconds. */
export function businessMsBetween(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  for (const [start, end] of intervalsFrom(compileCalendar(calendar), fromMs)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

/** Whether the calendar is open at this instant (ranges include their start, not their end). */
export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  return nextOpening(calendar, at).getTime() === at.getTime();
}

/** `at` itself when the calendar is open then, else the start of the next open period. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
  for (const [from] of intervalsFrom(compileCalendar(calendar), at.getTime())) return new Date(from);
  throw new Error("unreachable");
}
