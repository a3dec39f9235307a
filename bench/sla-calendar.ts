/**
 * How long deadline arithmetic takes (not a test: DESIGN.md keeps timings out of tests).
 * Run: npx tsx bench/sla-calendar.ts
 */
import { addBusinessMinutes, businessMinutesBetween } from "../src/server/features/sla/calendar/business-time.js";
import { alwaysOpenCalendar } from "../src/server/features/sla/calendar/calendar.js";
import { officeCalendar } from "../src/server/features/sla/calendar/test-calendars.test-support.js";

const HOUR = 60;
const RUNS = 20_000;
const base = Date.parse("2026-01-05T08:00:00Z");

function measure(label: string, run: (start: Date) => unknown): void {
  run(new Date(base)); // first call compiles the calendar and fills the holiday and zone caches
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) run(new Date(base + (i % 5000) * 3_600_017));
  const micros = ((performance.now() - started) * 1000) / RUNS;
  console.log(`${label.padEnd(52)} ${micros.toFixed(1).padStart(7)} µs/call`);
}

function firstCall(label: string, timeZone: string): void {
  const started = performance.now();
  addBusinessMinutes(officeCalendar({ timeZone }), new Date(base), 40 * HOUR);
  console.log(`${label.padEnd(52)} ${((performance.now() - started) * 1000).toFixed(0).padStart(7)} µs`);
}
// Validating, compiling, scanning the zone's DST changes and the year's holidays; the very first also warms up Intl.
firstCall("first call of the process (America/Montreal)", "America/Montreal");
firstCall("first call on a new calendar and zone (Asia/Tokyo)", "Asia/Tokyo");

const office = officeCalendar({ closures: [{ from: "2026-08-10", to: "2026-08-14" }] });
const always = alwaysOpenCalendar();
measure("add 40 h, office 9-12/14-18 Paris", (start) => addBusinessMinutes(office, start, 40 * HOUR));
measure("add 2,000 h, office 9-12/14-18 Paris (~14 months)", (start) => addBusinessMinutes(office, start, 2000 * HOUR));
measure("add 40 h, 24/7 Paris", (start) => addBusinessMinutes(always, start, 40 * HOUR));
measure("add 2,000 h, 24/7 Paris", (start) => addBusinessMinutes(always, start, 2000 * HOUR));
measure("between, one year apart, office", (start) => businessMinutesBetween(office, start, new Date(start.getTime() + 365 * 86_400_000)));
