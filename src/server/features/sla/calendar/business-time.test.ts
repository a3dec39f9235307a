import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, isOpen, nextOpening } from "./business-time.js";
import { alwaysOpenCalendar, type BusinessCalendar } from "./calendar.js";
import { officeCalendar, showWallTime, wallTime } from "./test-calendars.test-support.js";

const office = officeCalendar();
const alsace = officeCalendar({ holidays: { france: true, alsaceMoselle: true } });

/** Adds business minutes to a Paris wall time and shows the deadline as a Paris wall time. */
function due(calendar: BusinessCalendar, start: string, minutes: number, zone = calendar.timeZone) {
  return showWallTime(addBusinessMinutes(calendar, wallTime(start, zone), minutes), zone);
}

describe("addBusinessMinutes", () => {
  it("carries over the weekend, lunch breaks included", () => {
    // Friday 17:30: 30 min on Friday, 3 h on Monday morning, 30 min after lunch.
    expect(due(office, "2026-11-20 17:30", 240)).toBe("Mon 2026-11-23 14:30");
    // Used up exactly at a closing time: due at that closing time, not at the next opening.
    expect(due(office, "2026-11-20 17:30", 210)).toBe("Mon 2026-11-23 12:00");
    expect(due(office, "2026-11-24 11:30", 60)).toBe("Tue 2026-11-24 14:30");
  });

  it("skips holidays that fall on weekdays", () => {
    expect(due(office, "2026-04-03 17:30", 210)).toBe("Tue 2026-04-07 12:00"); // Easter Monday
    expect(due(office, "2026-07-13 17:00", 120)).toBe("Wed 2026-07-15 10:00"); // 14 July, a Tuesday
    expect(due(office, "2026-05-13 18:00", 60)).toBe("Fri 2026-05-15 10:00"); // Ascension Thursday
    expect(due(office, "2026-05-22 17:00", 120)).toBe("Tue 2026-05-26 10:00"); // Whit Monday
  });

  it("closes on Good Friday only in Alsace-Moselle", () => {
    expect(due(office, "2026-04-02 17:30", 210)).toBe("Fri 2026-04-03 12:00");
    expect(due(alsace, "2026-04-02 17:30", 210)).toBe("Tue 2026-04-07 12:00");
    expect(due(alsace, "2026-12-24 17:00", 120)).toBe("Mon 2026-12-28 10:00"); // 25 and 26 December
  });

  it("skips custom closures, single days and ranges", () => {
    const summer = officeCalendar({
      closures: [{ from: "2026-08-10", to: "2026-08-14", label: "Fermeture estivale" }, { from: "2026-08-18" }],
    });
    expect(due(summer, "2026-08-07 17:00", 120)).toBe("Mon 2026-08-17 10:00");
    expect(due(summer, "2026-08-17 17:00", 120)).toBe("Wed 2026-08-19 10:00");
  });

  it("starts the clock at the next opening when opened outside hours", () => {
    expect(due(office, "2026-11-21 10:00", 30)).toBe("Mon 2026-11-23 09:30");
    expect(due(office, "2026-11-23 07:00", 30)).toBe("Mon 2026-11-23 09:30");
    expect(due(office, "2026-11-23 12:45", 30)).toBe("Mon 2026-11-23 14:30");
    expect(due(office, "2026-11-23 19:00", 30)).toBe("Tue 2026-11-24 09:30");
  });

  it("handles starts exactly at an opening or a closing", () => {
    expect(due(office, "2026-11-23 09:00", 180)).toBe("Mon 2026-11-23 12:00");
    expect(due(office, "2026-11-23 12:00", 1)).toBe("Mon 2026-11-23 14:01");
    expect(due(office, "2026-11-23 18:00", 1)).toBe("Tue 2026-11-24 09:01");
  });

  it("is due at the start for 0 minutes, even outside hours", () => {
    const sunday = wallTime("2026-11-22 10:00");
    expect(addBusinessMinutes(office, sunday, 0)).toEqual(sunday);
  });

  it("counts 23 and 25 hour days around the Paris DST changes on a 24/7 calendar", () => {
    const always = alwaysOpenCalendar("Europe/Paris");
    expect(due(always, "2026-03-28 12:00", 24 * 60)).toBe("Sun 2026-03-29 13:00");
    expect(due(always, "2026-10-24 12:00", 24 * 60)).toBe("Sun 2026-10-25 11:00");
    expect(businessMinutesBetween(always, wallTime("2026-03-29 00:00"), wallTime("2026-03-30 00:00"))).toBe(23 * 60);
    expect(businessMinutesBetween(always, wallTime("2026-10-25 00:00"), wallTime("2026-10-26 00:00"))).toBe(25 * 60);
    expect(businessMinutesBetween(always, wallTime("2026-01-01 00:00"), wallTime("2027-01-01 00:00"))).toBe(365 * 24 * 60);
  });

  it("keeps office hours on local time across the DST weekends", () => {
    const spring = addBusinessMinutes(office, wallTime("2026-03-27 17:00"), 120);
    expect(spring.toISOString()).toBe("2026-03-30T08:00:00.000Z"); // Monday 10:00 CEST
    const autumn = addBusinessMinutes(office, wallTime("2026-10-23 17:00"), 120);
    expect(autumn.toISOString()).toBe("2026-10-26T09:00:00.000Z"); // Monday 10:00 CET
  });

  it("counts real time for hours that span the change itself", () => {
    const nights = officeCalendar({ week: { ...office.week, sun: ["00:00-06:00"] } });
    const sunday = (day: string) => businessMinutesBetween(nights, wallTime(`${day} 00:00`), wallTime(`${day} 12:00`));
    expect(sunday("2026-03-29")).toBe(5 * 60);
    expect(sunday("2026-10-25")).toBe(7 * 60);
    expect(due(nights, "2026-03-29 01:30", 60)).toBe("Sun 2026-03-29 03:30");
    // A range wholly inside the spring gap does not exist that day.
    const inGap = officeCalendar({ week: { ...office.week, sun: ["02:15-02:45"] } });
    expect(due(inGap, "2026-03-28 12:00", 10)).toBe("Mon 2026-03-30 09:10");
    expect(due(inGap, "2026-04-11 12:00", 10)).toBe("Sun 2026-04-12 02:25");
  });

  it("works in other zones: Montreal (its own DST dates) and La Réunion (no DST)", () => {
    const montreal = officeCalendar({
      timeZone: "America/Montreal",
      week: { ...office.week, mon: ["09:00-17:00"], fri: ["09:00-17:00"] },
      holidays: { france: false, alsaceMoselle: false },
    });
    expect(due(montreal, "2026-03-06 16:00", 120)).toBe("Mon 2026-03-09 10:00");
    expect(addBusinessMinutes(montreal, wallTime("2026-03-06 16:00", "America/Montreal"), 120).toISOString()).toBe(
      "2026-03-09T14:00:00.000Z",
    );
    expect(due(montreal, "2026-07-13 16:00", 120)).toBe("Tue 2026-07-14 10:00"); // no French holidays there

    const reunion = officeCalendar({ timeZone: "Indian/Reunion" });
    expect(due(reunion, "2026-07-13 17:30", 60)).toBe("Wed 2026-07-15 09:30");
    expect(addBusinessMinutes(reunion, wallTime("2026-07-13 17:30", "Indian/Reunion"), 60).toISOString()).toBe(
      "2026-07-15T05:30:00.000Z",
    );
  });

  it("computes year-long targets", () => {
    const start = wallTime("2026-01-05 09:00");
    const deadline = addBusinessMinutes(office, start, 2000 * 60);
    // 251 business days left in 2026 and 34 in 2027 make 1995 h; the last 5 h fall on 19 February.
    expect(showWallTime(deadline)).toBe("Fri 2027-02-19 16:00");
    expect(businessMinutesBetween(office, start, deadline)).toBe(2000 * 60);
    // A century apart, both in winter time: 24 h × 36,525 days, each spring's lost hour given back in autumn.
    const always = alwaysOpenCalendar("Europe/Paris");
    expect(businessMinutesBetween(always, wallTime("2000-01-01 00:00"), wallTime("2100-01-01 00:00"))).toBe(36_525 * 24 * 60);
  });

  it("refuses negative or non-finite minutes and invalid calendars", () => {
    const start = wallTime("2026-11-23 09:00");
    expect(() => addBusinessMinutes(office, start, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, start, Number.NaN)).toThrow(RangeError);
    const overlapping = officeCalendar({ week: { ...office.week, mon: ["09:00-12:00", "11:00-13:00"] } });
    expect(() => addBusinessMinutes(overlapping, start, 10)).toThrow(/week.mon.1: "11:00-13:00" overlaps/);
    const closedForever = officeCalendar({ closures: [{ from: "2026-01-01", to: "2199-12-31" }] });
    expect(() => addBusinessMinutes(closedForever, start, 10)).toThrow(/stays closed for more than/);
  });
});

describe("businessMinutesBetween", () => {
  it("counts only open time", () => {
    expect(businessMinutesBetween(office, wallTime("2026-11-20 17:30"), wallTime("2026-11-23 12:00"))).toBe(210);
    expect(businessMinutesBetween(office, wallTime("2026-11-23 12:10"), wallTime("2026-11-23 13:50"))).toBe(0);
    expect(businessMinutesBetween(office, wallTime("2026-07-14 08:00"), wallTime("2026-07-14 20:00"))).toBe(0);
    expect(businessMinutesBetween(office, wallTime("2026-11-23 08:00"), wallTime("2026-11-24 08:00"))).toBe(420);
  });

  it("is 0 when to is not after from", () => {
    expect(businessMinutesBetween(office, wallTime("2026-11-23 11:00"), wallTime("2026-11-23 10:00"))).toBe(0);
    expect(businessMinutesBetween(office, wallTime("2026-11-23 11:00"), wallTime("2026-11-23 11:00"))).toBe(0);
  });
});

describe("isOpen and nextOpening", () => {
  it("include the start of a range and exclude its end", () => {
    expect(isOpen(office, wallTime("2026-11-23 09:00"))).toBe(true);
    expect(isOpen(office, wallTime("2026-11-23 11:59"))).toBe(true);
    expect(isOpen(office, wallTime("2026-11-23 12:00"))).toBe(false);
    expect(isOpen(office, wallTime("2026-11-22 10:00"))).toBe(false);
    expect(isOpen(office, wallTime("2026-07-14 10:00"))).toBe(false);
    expect(isOpen(alwaysOpenCalendar(), wallTime("2026-12-25 03:00"))).toBe(true);
  });

  it("find the next opening", () => {
    const next = (at: string) => showWallTime(nextOpening(office, wallTime(at)));
    expect(next("2026-11-23 10:15")).toBe("Mon 2026-11-23 10:15");
    expect(next("2026-11-23 12:00")).toBe("Mon 2026-11-23 14:00");
    expect(next("2026-11-21 10:00")).toBe("Mon 2026-11-23 09:00");
    expect(next("2026-07-13 18:00")).toBe("Wed 2026-07-15 09:00");
    expect(next("2026-12-24 18:30")).toBe("Mon 2026-12-28 09:00");
  });
});

describe("add and between agree", () => {
  const calendars: Record<string, BusinessCalendar> = {
    office,
    alsace,
    always: alwaysOpenCalendar(),
    montreal: officeCalendar({ timeZone: "America/Montreal" }),
    reunion: officeCalendar({ timeZone: "Indian/Reunion" }),
    nights: officeCalendar({ week: { ...office.week, sat: ["22:00-24:00"], sun: ["00:00-03:30", "20:00-24:00"] } }),
  };

  it.each(Object.keys(calendars))("between(start, add(start, m)) === m for random starts and targets (%s)", (name) => {
    const calendar = calendars[name]!;
    const random = seededRandom(name.length * 7919);
    const from = Date.parse("2025-12-01T00:00:00Z");
    const span = Date.parse("2028-01-01T00:00:00Z") - from;
    for (let i = 0; i < 400; i++) {
      const start = new Date(from + Math.floor(random() * span));
      const minutes = Math.floor(random() * (random() < 0.2 ? 200_000 : 3_000));
      const deadline = addBusinessMinutes(calendar, start, minutes);
      const check = { name, start: start.toISOString(), minutes, deadline: deadline.toISOString() };
      if (businessMinutesBetween(calendar, start, deadline) !== minutes) {
        expect({ ...check, between: businessMinutesBetween(calendar, start, deadline) }).toEqual(check);
      }
      // The deadline falls in open time (or is the start itself for 0 minutes).
      if (minutes > 0 && !isOpen(calendar, new Date(deadline.getTime() - 1))) expect(check).toBe("open just before the deadline");
      // Elapsed time adds up over any split point.
      const middle = new Date(start.getTime() + Math.floor(random() * (deadline.getTime() - start.getTime())));
      const parts = businessMinutesBetween(calendar, start, middle) + businessMinutesBetween(calendar, middle, deadline);
      if (Math.abs(parts - minutes) > 1e-9) expect({ ...check, middle, parts }).toEqual(check);
    }
  });
});

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
