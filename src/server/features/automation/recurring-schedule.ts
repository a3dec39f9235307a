import { DateTime } from "luxon";

export type Schedule = {
  frequency: "day" | "week" | "month";
  every: number;
  /** ISO weekday for weekly schedules (1 = Monday); null keeps the start day's. */
  weekday: number | null;
  /** "HH:MM", local to timeZone. */
  timeOfDay: string;
  timeZone: string;
  /** "YYYY-MM-DD": the first possible day; a monthly schedule keeps its day of the month (clamped to short months). */
  startsOn: string;
};

function firstOccurrence(s: Schedule): DateTime {
  const [hour, minute] = s.timeOfDay.split(":").map(Number);
  const start = DateTime.fromISO(s.startsOn, { zone: s.timeZone }).set({ hour, minute, second: 0, millisecond: 0 });
  if (s.frequency !== "week" || s.weekday === null) return start;
  return start.plus({ days: (s.weekday - start.weekday + 7) % 7 });
}

/** The k-th occurrence, counted from the first one in local time, so 08:00 stays 08:00 across DST. */
function occurrence(s: Schedule, first: DateTime, k: number): DateTime {
  if (s.frequency === "month") return first.plus({ months: k * s.every });
  return first.plus({ days: k * s.every * (s.frequency === "week" ? 7 : 1) });
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(s: Schedule, after: Date): Date {
  const first = firstOccurrence(s);
  const limit = DateTime.fromJSDate(after);
  if (first > limit) return first.toJSDate();
  const unit = s.frequency === "month" ? "months" : "days";
  const stepUnits = s.frequency === "week" ? 7 * s.every : s.every;
  // An estimate close below the answer, then a few steps forward (month lengths and DST vary).
  let k = Math.max(0, Math.floor(limit.diff(first, unit).get(unit) / stepUnits) - 1);
  while (occurrence(s, first, k) <= limit) k++;
  return occurrence(s, first, k).toJSDate();
}

/** The latest occurrence at or before `at` (after a downtime only the latest missed one is created). */
export function latestOccurrence(s: Schedule, from: Date, at: Date): Date {
  let current = from;
  for (;;) {
    const next = nextOccurrence(s, current);
    if (next > at) return current;
    current = next;
  }
}
