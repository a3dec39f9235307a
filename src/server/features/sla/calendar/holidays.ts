import { daysFromCivil, formatIsoDate, type CivilDate } from "./day-math.js";

/**
 * French public holidays (jours fériés), computed for any year. Dates are calendar days
 * with no time zone: the business calendar decides in which zone a day starts and ends.
 */

export const HOLIDAY_CODES = [
  "new_year",
  "good_friday",
  "easter_sunday",
  "easter_monday",
  "labour_day",
  "victory_1945",
  "ascension",
  "pentecost",
  "whit_monday",
  "bastille_day",
  "assumption",
  "all_saints",
  "armistice_1918",
  "christmas",
  "st_stephen",
] as const;
export type HolidayCode = (typeof HOLIDAY_CODES)[number];

export type Holiday = {
  code: HolidayCode;
  /** "YYYY-MM-DD" */
  date: string;
  /** i18n key; the texts are in HOLIDAY_LABELS (to copy into the web's sla namespace). */
  labelKey: `holidays.${HolidayCode}`;
  /** Only observed in Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle). */
  alsaceMoselleOnly: boolean;
};

export const HOLIDAY_LABELS: Record<"fr" | "en", Record<HolidayCode, string>> = {
  fr: {
    new_year: "Jour de l'an",
    good_friday: "Vendredi saint",
    easter_sunday: "Pâques",
    easter_monday: "Lundi de Pâques",
    labour_day: "Fête du Travail",
    victory_1945: "Victoire 1945",
    ascension: "Ascension",
    pentecost: "Pentecôte",
    whit_monday: "Lundi de Pentecôte",
    bastille_day: "Fête nationale",
    assumption: "Assomption",
    all_saints: "Toussaint",
    armistice_1918: "Armistice 1918",
    christmas: "Noël",
    st_stephen: "Saint-Étienne",
  },
  en: {
    new_year: "New Year's Day",
    good_friday: "Good Friday",
    easter_sunday: "Easter Sunday",
    easter_monday: "Easter Monday",
    labour_day: "Labour Day",
    victory_1945: "Victory in Europe Day",
    ascension: "Ascension Day",
    pentecost: "Whit Sunday",
    whit_monday: "Whit Monday",
    bastille_day: "Bastille Day",
    assumption: "Assumption Day",
    all_saints: "All Saints' Day",
    armistice_1918: "Armistice Day",
    christmas: "Christmas Day",
    st_stephen: "St Stephen's Day",
  },
};

/**
 * Gregorian Easter Sunday (anonymous "Meeus/Jones/Butcher" computus). Exact for every
 * Gregorian year, so well beyond the 1900–2199 a service desk will ever need.
 */
export function easterSunday(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

type HolidayRule = { code: HolidayCode; alsaceMoselleOnly?: boolean } & (
  | { month: number; day: number }
  | { easterOffset: number }
);

const RULES: HolidayRule[] = [
  { code: "new_year", month: 1, day: 1 },
  { code: "good_friday", easterOffset: -2, alsaceMoselleOnly: true },
  { code: "easter_sunday", easterOffset: 0 },
  { code: "easter_monday", easterOffset: 1 },
  { code: "labour_day", month: 5, day: 1 },
  { code: "victory_1945", month: 5, day: 8 },
  { code: "ascension", easterOffset: 39 },
  { code: "pentecost", easterOffset: 49 },
  { code: "whit_monday", easterOffset: 50 },
  { code: "bastille_day", month: 7, day: 14 },
  { code: "assumption", month: 8, day: 15 },
  { code: "all_saints", month: 11, day: 1 },
  { code: "armistice_1918", month: 11, day: 11 },
  { code: "christmas", month: 12, day: 25 },
  { code: "st_stephen", month: 12, day: 26, alsaceMoselleOnly: true },
];

/** French public holidays of a year, in date order; Alsace-Moselle adds Good Friday and 26 December. */
export function frenchHolidays(year: number, options: { alsaceMoselle?: boolean } = {}): Holiday[] {
  return holidayDayNumbers(year, options.alsaceMoselle ?? false).map(({ rule, dayNumber }) => ({
    code: rule.code,
    date: formatIsoDate(dayNumber),
    labelKey: `holidays.${rule.code}` as const,
    alsaceMoselleOnly: rule.alsaceMoselleOnly ?? false,
  }));
}

const dayCache = new Map<string, ReadonlySet<number>>();

/**
 * The holidays of a year as a set of day numbers (see day-math.ts), cached: deadline
 * arithmetic asks for it on every day it walks through.
 */
export function frenchHolidayDays(year: number, alsaceMoselle: boolean): ReadonlySet<number> {
  const key = `${year}:${alsaceMoselle}`;
  let days = dayCache.get(key);
  if (!days) {
    days = new Set(holidayDayNumbers(year, alsaceMoselle).map(({ dayNumber }) => dayNumber));
    dayCache.set(key, days);
  }
  return days;
}

function holidayDayNumbers(year: number, alsaceMoselle: boolean) {
  const easter = easterSunday(year);
  const easterDay = daysFromCivil(year, easter.month, easter.day);
  return RULES.filter((rule) => alsaceMoselle || !rule.alsaceMoselleOnly)
    .map((rule) => ({
      rule,
      dayNumber: "easterOffset" in rule ? easterDay + rule.easterOffset : daysFromCivil(year, rule.month, rule.day),
    }))
    .sort((x, y) => x.dayNumber - y.dayNumber);
}
