import { z } from "zod";
import { parseIsoDate } from "./day-math.js";

/**
 * A business calendar: when the SLA clock runs. Opening hours are wall-clock times in the
 * calendar's own time zone; holidays and closures are whole local days. Pure data, so it
 * can be stored as JSON and sent to the web app as is.
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const RANGE_PATTERN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** "09:00-12:00" → [540, 720] minutes of the day, or a message saying what is wrong. */
export function parseOpenRange(text: string): [number, number] | string {
  const match = RANGE_PATTERN.exec(text);
  if (!match) return `"${text}" must look like HH:MM-HH:MM`;
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [number, number, number, number];
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  if (startHour > 23 || startMinute > 59) return `"${text}": the start must be between 00:00 and 23:59`;
  if (endMinute > 59 || end > 24 * 60) return `"${text}": the end must be between 00:00 and 24:00`;
  if (end <= start) return `"${text}": the end must come after the start`;
  return [start, end];
}

function isTimeZone(name: string): boolean {
  try {
    // Intl rather than luxon so that this schema also runs in the browser.
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name.includes("/") || name === "UTC";
  } catch {
    return false;
  }
}

const DaySchema = z.array(z.string()).max(24).default([]);

export const ClosureSchema = z.object({
  /** First closed day, "YYYY-MM-DD" (local to the calendar). */
  from: z.string(),
  /** Last closed day (inclusive); omitted for a single day. */
  to: z.string().optional(),
  label: z.string().max(200).optional(),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const BusinessCalendarSchema = z
  .object({
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Paris"),
    week: z.object({
      mon: DaySchema,
      tue: DaySchema,
      wed: DaySchema,
      thu: DaySchema,
      fri: DaySchema,
      sat: DaySchema,
      sun: DaySchema,
    }),
    holidays: z.object({ france: z.boolean(), alsaceMoselle: z.boolean() }),
    closures: z.array(ClosureSchema).max(1000).default([]),
  })
  .superRefine((calendar, ctx) => {
    for (const issue of calendarIssues(calendar)) ctx.addIssue({ code: "custom", ...issue });
  });
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

type Issue = { path: (string | number)[]; message: string };

/** Everything wrong with the hours and closures, each with its path (zod only checked the shapes). */
function calendarIssues(calendar: BusinessCalendar): Issue[] {
  const issues: Issue[] = [];
  let hasHours = false;
  for (const weekday of WEEKDAYS) {
    let previousEnd = -1;
    calendar.week[weekday].forEach((text, index) => {
      const range = parseOpenRange(text);
      if (typeof range === "string") return issues.push({ path: ["week", weekday, index], message: range });
      hasHours = true;
      if (range[0] < previousEnd) {
        issues.push({ path: ["week", weekday, index], message: `"${text}" overlaps or comes before the previous range` });
      }
      previousEnd = Math.max(previousEnd, range[1]);
    });
  }
  if (!hasHours) issues.push({ path: ["week"], message: "the calendar must be open at least once a week" });
  if (calendar.holidays.alsaceMoselle && !calendar.holidays.france) {
    issues.push({ path: ["holidays", "alsaceMoselle"], message: "Alsace-Moselle holidays come on top of the French ones" });
  }
  calendar.closures.forEach((closure, index) => {
    const from = parseIsoDate(closure.from);
    const to = closure.to === undefined ? from : parseIsoDate(closure.to);
    if (from === undefined) issues.push({ path: ["closures", index, "from"], message: "must be a date YYYY-MM-DD" });
    if (closure.to !== undefined && to === undefined) {
      issues.push({ path: ["closures", index, "to"], message: "must be a date YYYY-MM-DD" });
    }
    if (from !== undefined && to !== undefined && to < from) {
      issues.push({ path: ["closures", index, "to"], message: "must not be before from" });
    }
  });
  return issues;
}

/** Open round the clock, no holidays: the calendar for "24/7" contracts. */
export function alwaysOpenCalendar(timeZone = "Europe/Paris"): BusinessCalendar {
  const allDay = () => ["00:00-24:00"];
  return {
    timeZone,
    week: { mon: allDay(), tue: allDay(), wed: allDay(), thu: allDay(), fri: allDay(), sat: allDay(), sun: allDay() },
    holidays: { france: false, alsaceMoselle: false },
    closures: [],
  };
}
