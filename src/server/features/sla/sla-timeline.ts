import { addBusinessMs } from "./calendar/business-time.js";
import type { BusinessCalendar } from "./calendar/calendar.js";
import { compileCalendar, localDayOf, openIntervalsOfDay } from "./calendar/compiled-calendar.js";
import { DAY_MS } from "./calendar/day-math.js";

/**
 * A calendar's open intervals over a few years, laid out once with the business time before
 * each, so that adding business time is two binary searches instead of a walk over the days:
 * recomputing 100,000 tickets calls it half a million times. Outside the span laid out, it
 * falls back to the day walk of business-time.ts, which gives the same instants.
 */
const PAST_DAYS = 2 * 366;
const FUTURE_DAYS = 3 * 366;

export type Adder = (startMs: number, durationMs: number) => number;

type Timeline = { starts: Float64Array; ends: Float64Array; before: Float64Array; add: Adder };

const timelines = new WeakMap<BusinessCalendar, Timeline>();

/** The fast `addBusinessMs` of a calendar (kept per calendar object: treat calendars as immutable). */
export function adderFor(calendar: BusinessCalendar): Adder {
  let timeline = timelines.get(calendar);
  if (!timeline) {
    timeline = layOut(calendar, Date.now());
    timelines.set(calendar, timeline);
  }
  return timeline.add;
}

function layOut(calendar: BusinessCalendar, aroundMs: number): Timeline {
  const compiled = compileCalendar(calendar);
  const today = localDayOf(compiled, aroundMs);
  const flat: number[] = [];
  for (let day = today - PAST_DAYS; day <= today + FUTURE_DAYS; day++) {
    const intervals = openIntervalsOfDay(compiled, day);
    for (let i = 0; i < intervals.length; i += 2) {
      const last = flat.length - 1;
      // A range reaching past midnight (a DST change at midnight) may touch or overlap the next day's first one.
      if (last > 0 && intervals[i]! <= flat[last]!) flat[last] = Math.max(flat[last]!, intervals[i + 1]!);
      else flat.push(intervals[i]!, intervals[i + 1]!);
    }
  }
  const n = flat.length / 2;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const before = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    starts[i] = flat[2 * i]!;
    ends[i] = flat[2 * i + 1]!;
    before[i + 1] = before[i]! + ends[i]! - starts[i]!;
  }
  const fallback: Adder = (startMs, durationMs) => addBusinessMs(calendar, startMs, durationMs);
  const add: Adder = (startMs, durationMs) => {
    if (durationMs <= 0) return startMs;
    if (n === 0 || startMs < starts[0]! || startMs >= ends[n - 1]! - DAY_MS) return fallback(startMs, durationMs);
    const i = firstAbove(ends, startMs, n);
    const target = before[i]! + Math.max(0, startMs - starts[i]!) + durationMs;
    const j = firstAtLeast(before, target, n);
    if (j > n) return fallback(startMs, durationMs);
    // before[j] ≥ target: the deadline falls in interval j - 1.
    return starts[j - 1]! + (target - before[j - 1]!);
  };
  return { starts, ends, before, add };
}

/** The first index i < n with values[i] > x (n if none). */
function firstAbove(values: Float64Array, x: number, n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index i in 1..n with values[i] ≥ x (n + 1 if none). */
function firstAtLeast(values: Float64Array, x: number, n: number): number {
  let lo = 1;
  let hi = n + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
