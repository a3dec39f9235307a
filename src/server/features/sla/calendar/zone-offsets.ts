import { IANAZone } from "luxon";
import { MINUTE_MS, yearOfDay, DAY_MS } from "./day-math.js";

/**
 * Fast UTC offsets for an IANA zone. Asking luxon (Intl) for an offset costs ~10 µs, and
 * walking a year of business days asks for several per day; so each zone's offset changes
 * (DST transitions) are found once per year and kept, and lookups become a short scan.
 *
 * Assumes a zone changes offset at most once a week, which holds for every zone in use today.
 */

export type ZoneOffsets = {
  /** Offset in minutes east of UTC at a UTC instant (ms). */
  offsetAt(utcMs: number): number;
  /** UTC instant (ms) → local wall-clock time expressed as ms since 1970 "as if UTC". */
  toLocal(utcMs: number): number;
  /**
   * Local wall-clock ms → UTC instant. A repeated wall time (autumn) resolves to its second
   * occurrence; a wall time that does not exist (spring gap) resolves to the instant the clocks
   * jumped. Either way the mapping never goes backwards.
   */
  toUtc(localMs: number): number;
  /**
   * The offset when it is the same all through [fromLocalMs, toLocalMs] (padded by a day
   * each side), else undefined: lets a caller convert a whole day with one subtraction.
   */
  steadyOffset(fromLocalMs: number, toLocalMs: number): number | undefined;
};

type Transition = { at: number; offset: number };
type YearOffsets = { from: number; to: number; startOffset: number; transitions: Transition[] };

const WEEK_MS = 7 * DAY_MS;
const zones = new Map<string, ZoneOffsets>();

export function zoneOffsets(name: string): ZoneOffsets {
  let offsets = zones.get(name);
  if (!offsets) {
    offsets = createZoneOffsets(name);
    zones.set(name, offsets);
  }
  return offsets;
}

function createZoneOffsets(name: string): ZoneOffsets {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${name}`);
  const years = new Map<number, YearOffsets>();
  let lastUsed: YearOffsets = yearOffsets(new Date().getUTCFullYear());

  function yearOffsets(year: number): YearOffsets {
    let table = years.get(year);
    if (!table) {
      table = scanYear(zone, year);
      years.set(year, table);
    }
    return table;
  }

  function offsetAt(utcMs: number): number {
    // Walks go forward in time: the year used last is nearly always the right one.
    if (utcMs < lastUsed.from || utcMs >= lastUsed.to) lastUsed = yearOffsets(yearOfDay(Math.floor(utcMs / DAY_MS)));
    const table = lastUsed;
    let offset = table.startOffset;
    for (const transition of table.transitions) {
      if (transition.at > utcMs) break;
      offset = transition.offset;
    }
    return offset;
  }

  function lastTransitionAtOrBefore(utcMs: number): number {
    const year = yearOfDay(Math.floor(utcMs / DAY_MS));
    for (const y of [year, year - 1]) {
      const found = yearOffsets(y).transitions.filter((transition) => transition.at <= utcMs).at(-1);
      if (found) return found.at;
    }
    return utcMs;
  }

  function toUtc(localMs: number): number {
    // The offsets a day either side are the only candidates (one change at most in between).
    const before = offsetAt(localMs - DAY_MS);
    const after = offsetAt(localMs + DAY_MS);
    const early = localMs - before * MINUTE_MS;
    const late = localMs - after * MINUTE_MS;
    const isEarlyValid = offsetAt(early) === before;
    const isLateValid = offsetAt(late) === after;
    if (isEarlyValid && isLateValid) return Math.max(early, late); // a repeated wall time: its second occurrence
    if (isEarlyValid) return early;
    if (isLateValid) return late;
    return lastTransitionAtOrBefore(Math.max(early, late)); // in the spring gap: the instant of the jump
  }

  function steadyOffset(fromLocalMs: number, toLocalMs: number): number | undefined {
    const offset = offsetAt(fromLocalMs - DAY_MS);
    return offsetAt(toLocalMs + DAY_MS) === offset ? offset : undefined;
  }

  return { offsetAt, toUtc, steadyOffset, toLocal: (utcMs) => utcMs + offsetAt(utcMs) * MINUTE_MS };
}

/** Samples the offset weekly over a UTC year and pins each change down to the minute. */
function scanYear(zone: IANAZone, year: number): YearOffsets {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const startOffset = zone.offset(start);
  const transitions: Transition[] = [];
  let before = start;
  let beforeOffset = startOffset;
  while (before < end) {
    const after = Math.min(before + WEEK_MS, end);
    const afterOffset = zone.offset(after);
    if (afterOffset !== beforeOffset) transitions.push(findTransition(zone, before, after, beforeOffset));
    before = after;
    beforeOffset = afterOffset;
  }
  return { from: start, to: end, startOffset, transitions };
}

function findTransition(zone: IANAZone, low: number, high: number, lowOffset: number): Transition {
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zone.offset(middle) === lowOffset) low = middle;
    else high = middle;
  }
  return { at: high, offset: zone.offset(high) };
}
