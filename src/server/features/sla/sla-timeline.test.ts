import { describe, expect, it } from "vitest";
import { addBusinessMs } from "./calendar/business-time.js";
import { alwaysOpenCalendar } from "./calendar/calendar.js";
import { officeCalendar } from "./calendar/test-calendars.test-support.js";
import { adderFor } from "./sla-timeline.js";

const HOUR = 3_600_000;

describe("the laid-out timeline used to recompute many deadlines", () => {
  const calendars = {
    "office hours in Paris, Alsace-Moselle holidays and a closure": officeCalendar({
      holidays: { france: true, alsaceMoselle: true }, closures: [{ from: "2026-08-10", to: "2026-08-14" }] }),
    "24/7 in Paris (DST days of 23 and 25 hours)": alwaysOpenCalendar("Europe/Paris"),
    "a night shift across midnight in New York": officeCalendar({ timeZone: "America/New_York",
      week: { mon: ["00:00-06:00", "22:00-24:00"], tue: ["00:00-06:00", "22:00-24:00"], wed: ["00:00-06:00"], thu: [], fri: ["18:00-24:00"], sat: ["00:00-24:00"], sun: [] } }),
  };
  for (const [name, calendar] of Object.entries(calendars)) {
    it(`gives the same deadlines as the day walk: ${name}`, () => {
      const add = adderFor(calendar);
      let seed = 42;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      const base = Date.parse("2025-06-01T00:00:00Z");
      for (let i = 0; i < 3000; i++) {
        const start = Math.floor(base + random() * 700 * 24 * HOUR);
        const duration = i % 10 === 0 ? 0 : Math.floor(random() * 300 * HOUR);
        expect(add(start, duration), `${new Date(start).toISOString()} + ${duration} ms`).toBe(addBusinessMs(calendar, start, duration));
      }
    });
  }
});
