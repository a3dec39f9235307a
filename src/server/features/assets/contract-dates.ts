import { addMonths } from "../../../shared/domain/assets.js";

/** The end of a contract and the last day to give notice ("résilier avant le …"). */
export function contractDates(startDate: string, durationMonths: number, noticeMonths: number): { endDate: string; noticeDate: string } {
  const endDate = addMonths(startDate, durationMonths);
  return { endDate, noticeDate: addMonths(endDate, -noticeMonths) };
}

/**
 * After a tacit renewal: the first end of a whole period after `today`'s eve. Periods are
 * counted from the start (start + k × duration), so month ends do not drift: a contract from
 * 31 January ends on 28 February then on 31 March, not on 28 March.
 */
export function renewedEnd(startDate: string, durationMonths: number, endDate: string, today: string): string {
  let periods = 1;
  let end = addMonths(startDate, durationMonths);
  while (end < today || end <= endDate) {
    periods += 1;
    end = addMonths(startDate, durationMonths * periods);
  }
  return end;
}

/** Today's date (YYYY-MM-DD) in a time zone: the day the people reading the alerts live in. */
export function todayIn(timeZone: string, at = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A date (YYYY-MM-DD) some days later. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}
