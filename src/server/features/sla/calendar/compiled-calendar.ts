import { BusinessCalendarSchema, WEEKDAYS, parseOpenRange, type BusinessCalendar } from "./calendar.js";
import { DAY_MS, MINUTE_MS, daysFromCivil, parseIsoDate, weekdayOfDay, yearOfDay } from "./day-math.js";
import { frenchHolidayDays } from "./holidays.js";
import { zoneOffsets, type ZoneOffsets } from "./zone-offsets.js";

/**
 * A calendar turned into numbers once, so that the arithmetic in business-time.ts only adds
 * and compares. Compiled calendars are cached per calendar object: treat calendars as
 * immutable (build a new object to change one).
 */
export type CompiledCalendar = {
  zone: ZoneOffsets;
  /** Per weekday (0 = Monday), open ranges as [start, end] minutes of the day, touching ranges merged. */
  week: [number, number][][];
  isClosedDay(dayNumber: number): boolean;
};

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (!result) {
    result = compile(calendar);
    compiled.set(calendar, result);
  }
  return result;
}

function compile(input: BusinessCalendar): CompiledCalendar {
  const parsed = BusinessCalendarSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new RangeError(`Invalid business calendar: ${problems.join("; ")}`);
  }
  const calendar = parsed.data;
  const week = WEEKDAYS.map((weekday) => mergeTouching(calendar.week[weekday].map((text) => parseOpenRange(text) as [number, number])));
  const closures = calendar.closures.map((closure) => {
    const from = parseIsoDate(closure.from)!;
    return [from, closure.to === undefined ? from : parseIsoDate(closure.to)!] as const;
  });
  const closedByYear = new Map<number, ReadonlySet<number>>();

  function closedDaysOf(year: number): ReadonlySet<number> {
    let days = closedByYear.get(year);
    if (!days) {
      const set = new Set<number>(calendar.holidays.france ? frenchHolidayDays(year, calendar.holidays.alsaceMoselle) : []);
      const [yearStart, nextYearStart] = [daysFromCivil(year, 1, 1), daysFromCivil(year + 1, 1, 1)];
      for (const [from, to] of closures) {
        for (let day = Math.max(from, yearStart); day <= to && day < nextYearStart; day++) set.add(day);
      }
      closedByYear.set(year, set);
      days = set;
    }
    return days;
  }

  return {
    zone: zoneOffsets(calendar.timeZone),
    week,
    isClosedDay: (dayNumber) => closedDaysOf(yearOfDay(dayNumber)).has(dayNumber),
  };
}

function mergeTouching(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && last[1] === range[0]) last[1] = range[1];
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The open intervals of one local day as UTC instants [start, end) in ms, flattened
 * ([s0, e0, s1, e1, …]); empty on a closed day. DST days come out 23 or 25 hours long
 * for a 00:00-24:00 range because each bound is converted on its own.
 */
export function openIntervalsOfDay(calendar: CompiledCalendar, dayNumber: number): number[] {
  const ranges = calendar.week[weekdayOfDay(dayNumber)]!;
  if (ranges.length === 0 || calendar.isClosedDay(dayNumber)) return [];
  const midnight = dayNumber * DAY_MS;
  const offset = calendar.zone.steadyOffset(midnight, midnight + DAY_MS);
  const intervals: number[] = [];
  for (const [start, end] of ranges) {
    const from = localToUtc(calendar, midnight + start * MINUTE_MS, offset);
    const to = localToUtc(calendar, midnight + end * MINUTE_MS, offset);
    // A range lying wholly inside a spring-forward gap does not exist that day.
    if (to > from) intervals.push(from, to);
  }
  return intervals;
}

/** A plain subtraction on the (many) days when the offset is known to hold all day. */
function localToUtc(calendar: CompiledCalendar, localMs: number, steadyOffset: number | undefined): number {
  return steadyOffset === undefined ? calendar.zone.toUtc(localMs) : localMs - steadyOffset * MINUTE_MS;
}

/** The local day (day number) an instant falls on in the calendar's zone. */
export function localDayOf(calendar: CompiledCalendar, utcMs: number): number {
  return Math.floor(calendar.zone.toLocal(utcMs) / DAY_MS);
}
