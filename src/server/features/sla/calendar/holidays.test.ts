import { describe, expect, it } from "vitest";
import { easterSunday, frenchHolidayDays, frenchHolidays, HOLIDAY_CODES, HOLIDAY_LABELS } from "./holidays.js";
import { daysFromCivil } from "./day-math.js";

/** Easter Sunday (MMDD) for 1900–2199, from python-dateutil's easter(), an independent implementation. */
const EASTER_1900_2199 = (
  "0415 0407 0330 0412 0403 0423 0415 0331 0419 0411 0327 0416 0407 0323 0412 0404 0423 0408 0331 0420 " +
  "0404 0327 0416 0401 0420 0412 0404 0417 0408 0331 0420 0405 0327 0416 0401 0421 0412 0328 0417 0409 " +
  "0324 0413 0405 0425 0409 0401 0421 0406 0328 0417 0409 0325 0413 0405 0418 0410 0401 0421 0406 0329 " +
  "0417 0402 0422 0414 0329 0418 0410 0326 0414 0406 0329 0411 0402 0422 0414 0330 0418 0410 0326 0415 " +
  "0406 0419 0411 0403 0422 0407 0330 0419 0403 0326 0415 0331 0419 0411 0403 0416 0407 0330 0412 0404 " +
  "0423 0415 0331 0420 0411 0327 0416 0408 0323 0412 0404 0424 0408 0331 0420 0405 0327 0416 0401 0421 " +
  "0412 0404 0417 0409 0331 0420 0405 0328 0416 0401 0421 0413 0328 0417 0409 0325 0413 0405 0425 0410 " +
  "0401 0421 0406 0329 0417 0409 0325 0414 0405 0418 0410 0402 0421 0406 0329 0418 0402 0422 0414 0330 " +
  "0418 0410 0326 0415 0406 0329 0411 0403 0422 0414 0330 0419 0410 0326 0415 0407 0419 0411 0403 0423 " +
  "0407 0330 0419 0404 0326 0415 0331 0420 0411 0403 0416 0408 0330 0412 0404 0424 0415 0331 0420 0412 " +
  "0328 0417 0409 0325 0413 0405 0418 0410 0401 0421 0406 0329 0417 0402 0422 0414 0329 0418 0410 0326 " +
  "0414 0406 0329 0411 0402 0422 0414 0330 0418 0410 0326 0415 0406 0419 0411 0403 0422 0407 0330 0419 " +
  "0403 0326 0415 0331 0419 0411 0403 0416 0407 0330 0412 0404 0423 0415 0331 0420 0411 0327 0416 0408 " +
  "0323 0412 0404 0424 0408 0331 0420 0405 0327 0416 0401 0421 0412 0404 0417 0409 0331 0420 0405 0328 " +
  "0416 0401 0421 0413 0328 0417 0409 0325 0413 0405 0425 0410 0401 0421 0406 0329 0417 0409 0325 0414 " +
  ""
).trim().split(" ");

const iso = (date: { year: number; month: number; day: number }) =>
  `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

describe("easterSunday", () => {
  it("gives the known dates", () => {
    expect(iso(easterSunday(2024))).toBe("2024-03-31");
    expect(iso(easterSunday(2025))).toBe("2025-04-20");
    expect(iso(easterSunday(2026))).toBe("2026-04-05");
    expect(iso(easterSunday(2038))).toBe("2038-04-25"); // the latest possible date
    expect(iso(easterSunday(2285))).toBe("2285-03-22"); // the earliest possible date
    expect(iso(easterSunday(1913))).toBe("1913-03-23");
  });

  it("agrees with an independent table for every year from 1900 to 2199", () => {
    expect(EASTER_1900_2199).toHaveLength(300);
    EASTER_1900_2199.forEach((mmdd, index) => {
      const { month, day } = easterSunday(1900 + index);
      expect(`${1900 + index}-${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`).toBe(`${1900 + index}-${mmdd}`);
    });
  });
});

describe("frenchHolidays", () => {
  it("lists the 2026 holidays in date order", () => {
    expect(frenchHolidays(2026).map((holiday) => `${holiday.date} ${holiday.code}`)).toEqual([
      "2026-01-01 new_year",
      "2026-04-05 easter_sunday",
      "2026-04-06 easter_monday",
      "2026-05-01 labour_day",
      "2026-05-08 victory_1945",
      "2026-05-14 ascension",
      "2026-05-24 pentecost",
      "2026-05-25 whit_monday",
      "2026-07-14 bastille_day",
      "2026-08-15 assumption",
      "2026-11-01 all_saints",
      "2026-11-11 armistice_1918",
      "2026-12-25 christmas",
    ]);
  });

  it("computes the movable feasts from Easter (2025: Easter 20 April)", () => {
    const byCode = Object.fromEntries(frenchHolidays(2025).map((holiday) => [holiday.code, holiday.date]));
    expect(byCode.easter_monday).toBe("2025-04-21");
    expect(byCode.ascension).toBe("2025-05-29"); // a Thursday, Easter + 39
    expect(byCode.whit_monday).toBe("2025-06-09"); // Easter + 50
    expect(byCode.good_friday).toBeUndefined();
  });

  it("adds Good Friday and 26 December in Alsace-Moselle", () => {
    const holidays = frenchHolidays(2026, { alsaceMoselle: true });
    expect(holidays).toHaveLength(15);
    expect(holidays.find((holiday) => holiday.code === "good_friday")).toEqual({
      code: "good_friday",
      date: "2026-04-03",
      labelKey: "holidays.good_friday",
      alsaceMoselleOnly: true,
    });
    expect(holidays.at(-1)?.date).toBe("2026-12-26");
  });

  it("crosses into May when Easter is late (2038: Ascension on 3 June)", () => {
    const byCode = Object.fromEntries(frenchHolidays(2038).map((holiday) => [holiday.code, holiday.date]));
    expect(byCode.ascension).toBe("2038-06-03");
    expect(byCode.whit_monday).toBe("2038-06-14");
  });

  it("has a French and an English label for every code", () => {
    for (const code of HOLIDAY_CODES) {
      expect(HOLIDAY_LABELS.fr[code]).toBeTruthy();
      expect(HOLIDAY_LABELS.en[code]).toBeTruthy();
    }
  });
});

describe("frenchHolidayDays", () => {
  it("returns the same cached set for a year, with the Alsace-Moselle days only when asked", () => {
    expect(frenchHolidayDays(2026, false)).toBe(frenchHolidayDays(2026, false));
    expect(frenchHolidayDays(2026, false).has(daysFromCivil(2026, 7, 14))).toBe(true);
    expect(frenchHolidayDays(2026, false).has(daysFromCivil(2026, 4, 3))).toBe(false);
    expect(frenchHolidayDays(2026, true).has(daysFromCivil(2026, 4, 3))).toBe(true);
  });
});
