import { describe, expect, it } from "vitest";
import { addBusinessMinutes } from "./business-time.js";
import { businessMinutesElapsed, businessMinutesLeft, dueAt, type Pause } from "./pauses.js";
import { officeCalendar, showWallTime, wallTime } from "./test-calendars.test-support.js";

const office = officeCalendar();
const opened = wallTime("2026-11-23 09:00"); // a Monday

function pause(from: string, to: string | null): Pause {
  return { from: wallTime(from), to: to === null ? null : wallTime(to) };
}

function shownDue(minutes: number, pauses: Pause[]) {
  const deadline = dueAt(office, opened, minutes, pauses);
  return deadline && showWallTime(deadline);
}

describe("dueAt", () => {
  it("is addBusinessMinutes without pauses", () => {
    expect(dueAt(office, opened, 240)).toEqual(addBusinessMinutes(office, opened, 240));
  });

  it("pushes the deadline back by the business time spent waiting on the requester", () => {
    // 1 h runs, the ticket waits until Tuesday 10:00, then 3 h remain.
    expect(shownDue(240, [pause("2026-11-23 10:00", "2026-11-24 10:00")])).toBe("Tue 2026-11-24 15:00");
  });

  it("ignores pauses that only cover closed time or come after the deadline", () => {
    expect(shownDue(240, [pause("2026-11-23 12:00", "2026-11-23 14:00")])).toBe("Mon 2026-11-23 15:00");
    expect(shownDue(240, [pause("2026-11-23 16:00", "2026-11-25 16:00")])).toBe("Mon 2026-11-23 15:00");
  });

  it("merges overlapping pauses in any order and clips those before the start", () => {
    const pauses = [
      pause("2026-11-23 11:00", "2026-11-23 15:00"),
      pause("2026-11-22 10:00", "2026-11-23 10:00"),
      pause("2026-11-23 10:30", "2026-11-23 11:30"),
    ];
    // Runs 10:00–10:30 and 15:00–18:00: 30 + 180 minutes.
    expect(shownDue(210, pauses)).toBe("Mon 2026-11-23 18:00");
    expect(shownDue(211, pauses)).toBe("Tue 2026-11-24 09:01");
    expect(businessMinutesElapsed(office, opened, wallTime("2026-11-23 18:00"), pauses)).toBe(30 + 180);
  });

  it("is unknown while the ticket is still waiting, and known again if the target was met before", () => {
    expect(dueAt(office, opened, 240, [pause("2026-11-23 10:00", null)])).toBeNull();
    expect(shownDue(60, [pause("2026-11-23 10:00", null)])).toBe("Mon 2026-11-23 10:00");
    expect(shownDue(0, [pause("2026-11-23 09:00", null)])).toBe("Mon 2026-11-23 09:00");
  });

  it("refuses a pause that ends before it starts", () => {
    expect(() => dueAt(office, opened, 60, [pause("2026-11-23 10:00", "2026-11-23 09:30")])).toThrow(RangeError);
  });
});

describe("businessMinutesElapsed and businessMinutesLeft", () => {
  it("freeze the clock during an open pause", () => {
    const waiting = [pause("2026-11-23 10:00", null)];
    expect(businessMinutesElapsed(office, opened, wallTime("2026-11-23 09:45"), waiting)).toBe(45);
    expect(businessMinutesElapsed(office, opened, wallTime("2026-11-30 17:00"), waiting)).toBe(60);
    expect(businessMinutesLeft(office, opened, 240, wallTime("2026-11-30 17:00"), waiting)).toBe(180);
  });

  it("go negative once the deadline has passed", () => {
    const pauses = [pause("2026-11-23 10:00", "2026-11-24 10:00")];
    expect(businessMinutesLeft(office, opened, 240, wallTime("2026-11-24 15:00"), pauses)).toBe(0);
    expect(businessMinutesLeft(office, opened, 240, wallTime("2026-11-25 09:30"), pauses)).toBe(-(180 + 30));
  });

  it("agree with dueAt for random pauses", () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const from = opened.getTime();
    for (let i = 0; i < 200; i++) {
      const pauses: Pause[] = Array.from({ length: Math.floor(random() * 5) }, () => {
        const start = from + Math.floor(random() * 30 * 86_400_000);
        return { from: new Date(start), to: new Date(start + Math.floor(random() * 5 * 86_400_000)) };
      });
      const minutes = Math.floor(random() * 6_000);
      const deadline = dueAt(office, opened, minutes, pauses)!;
      expect(businessMinutesElapsed(office, opened, deadline, pauses)).toBe(minutes);
      expect(businessMinutesLeft(office, opened, minutes, deadline, pauses)).toBe(0);
    }
  });
});
