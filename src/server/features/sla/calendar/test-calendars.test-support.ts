import { DateTime } from "luxon";
import type { BusinessCalendar } from "./calendar.js";

/** Calendars and date helpers shared by the tests and the speed script of this folder. */

export const OFFICE_HOURS = ["09:00-12:00", "14:00-18:00"];

export function officeCalendar(overrides: Partial<BusinessCalendar> = {}): BusinessCalendar {
  const day = () => [...OFFICE_HOURS];
  return {
    timeZone: "Europe/Paris",
    week: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] },
    holidays: { france: true, alsaceMoselle: false },
    closures: [],
    ...overrides,
  };
}

/** A wall-clock time in a zone ("2026-11-20 17:30") as an instant. */
export function wallTime(text: string, zone = "Europe/Paris"): Date {
  const time = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone });
  if (!time.isValid) throw new Error(`bad test time ${text}`);
  return time.toJSDate();
}

/** An instant shown as "Mon 2026-11-23 14:30" in a zone, to keep expectations readable. */
export function showWallTime(date: Date, zone = "Europe/Paris"): string {
  return DateTime.fromJSDate(date, { zone }).setLocale("en").toFormat("ccc yyyy-MM-dd HH:mm");
}
