import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, formatIsoDate, parseIsoDate, weekdayOfDay } from "./day-math.js";

describe("day numbers", () => {
  it("count from 1970-01-01, a Thursday", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(weekdayOfDay(0)).toBe(3);
    expect(weekdayOfDay(daysFromCivil(2026, 7, 14))).toBe(1); // a Tuesday
    expect(weekdayOfDay(-1)).toBe(2);
  });

  it("agree with Date for every day from 1900 to 2200", () => {
    for (let day = daysFromCivil(1900, 1, 1); day < daysFromCivil(2200, 1, 1); day++) {
      const date = new Date(day * 86_400_000);
      const civil = civilFromDays(day);
      if (civil.year !== date.getUTCFullYear() || civil.month !== date.getUTCMonth() + 1 || civil.day !== date.getUTCDate()) {
        expect(civil).toEqual(date.toISOString());
      }
      if (weekdayOfDay(day) !== (date.getUTCDay() + 6) % 7) expect(weekdayOfDay(day)).toBe((date.getUTCDay() + 6) % 7);
    }
  });

  it("parse only real ISO dates", () => {
    expect(formatIsoDate(parseIsoDate("2028-02-29")!)).toBe("2028-02-29");
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
    expect(parseIsoDate("2026-13-01")).toBeUndefined();
    expect(parseIsoDate("26-01-01")).toBeUndefined();
    expect(parseIsoDate("2026-1-1")).toBeUndefined();
  });
});
