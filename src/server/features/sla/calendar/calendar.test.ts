import { describe, expect, it } from "vitest";
import { alwaysOpenCalendar, BusinessCalendarSchema, parseOpenRange } from "./calendar.js";

const OFFICE = ["09:00-12:00", "14:00-18:00"];

function calendarWith(overrides: Record<string, unknown> = {}) {
  return {
    timeZone: "Europe/Paris",
    week: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE },
    holidays: { france: true, alsaceMoselle: false },
    ...overrides,
  };
}

function issuesOf(input: unknown) {
  const result = BusinessCalendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("parseOpenRange", () => {
  it("reads ranges in minutes of the day, up to 24:00", () => {
    expect(parseOpenRange("09:00-12:30")).toEqual([540, 750]);
    expect(parseOpenRange("00:00-24:00")).toEqual([0, 1440]);
  });

  it("says what is wrong with a bad range", () => {
    expect(parseOpenRange("9-12")).toBe('"9-12" must look like HH:MM-HH:MM');
    expect(parseOpenRange("24:00-24:00")).toMatch(/start must be between 00:00 and 23:59/);
    expect(parseOpenRange("08:00-24:30")).toMatch(/end must be between 00:00 and 24:00/);
    expect(parseOpenRange("08:60-09:00")).toMatch(/start must be/);
    expect(parseOpenRange("12:00-09:00")).toMatch(/end must come after the start/);
    expect(parseOpenRange("12:00-12:00")).toMatch(/end must come after the start/);
  });
});

describe("BusinessCalendarSchema", () => {
  it("accepts an office calendar, filling closed days and closures", () => {
    const result = BusinessCalendarSchema.parse(calendarWith());
    expect(result.week.sat).toEqual([]);
    expect(result.closures).toEqual([]);
  });

  it("accepts 24/7, touching ranges and closures", () => {
    expect(issuesOf(alwaysOpenCalendar("Indian/Reunion"))).toEqual([]);
    expect(issuesOf(calendarWith({ week: { mon: ["08:00-12:00", "12:00-17:00"] } }))).toEqual([]);
    const closures = [{ from: "2026-08-10", to: "2026-08-14", label: "Fermeture estivale" }, { from: "2026-12-24" }];
    expect(issuesOf(calendarWith({ closures }))).toEqual([]);
  });

  it("lists every problem with its path", () => {
    const input = calendarWith({
      timeZone: "Europe/Lutece",
      week: { mon: ["09:00-12:00", "11:00-13:00"], tue: ["14:00-18:00", "09:00-12:00"], wed: ["9h-12h"] },
      holidays: { france: false, alsaceMoselle: true },
      closures: [{ from: "2026-02-30" }, { from: "2026-08-14", to: "2026-08-10" }],
    });
    expect(issuesOf(input)).toEqual([
      "timeZone: must be an IANA time zone such as Europe/Paris",
      'week.mon.1: "11:00-13:00" overlaps or comes before the previous range',
      'week.tue.1: "09:00-12:00" overlaps or comes before the previous range',
      'week.wed.0: "9h-12h" must look like HH:MM-HH:MM',
      "holidays.alsaceMoselle: Alsace-Moselle holidays come on top of the French ones",
      "closures.0.from: must be a date YYYY-MM-DD",
      "closures.1.to: must not be before from",
    ]);
  });

  it("refuses a calendar that never opens", () => {
    expect(issuesOf(calendarWith({ week: {} }))).toEqual(["week: the calendar must be open at least once a week"]);
  });

  it("accepts other zones, such as Montreal and La Réunion", () => {
    expect(issuesOf(calendarWith({ timeZone: "America/Montreal" }))).toEqual([]);
    expect(issuesOf(calendarWith({ timeZone: "Indian/Reunion" }))).toEqual([]);
    expect(issuesOf(calendarWith({ timeZone: "UTC" }))).toEqual([]);
  });
});
