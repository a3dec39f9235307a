import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useMeQuery } from "../features/auth/useAuth.js";

export const DEFAULT_TIME_ZONE = "Europe/Paris";

/** Dates and numbers in the user's language and time zone (Me.timeZone, else Paris). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { data: me } = useMeQuery();
  const language = i18n.language;
  const timeZone = validTimeZone(me?.timeZone);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, {
      dateStyle: "short",
      timeStyle: "short",
      timeZone,
    });
    const date = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone });
    const number = new Intl.NumberFormat(language);
    return {
      timeZone,
      dateTime: (iso: string | null | undefined) => (iso ? safeFormat(dateTime, iso) : "—"),
      date: (iso: string | null | undefined) => (iso ? safeFormat(date, iso) : "—"),
      number: (value: number) => number.format(value),
    };
  }, [language, timeZone]);
}

function safeFormat(format: Intl.DateTimeFormat, iso: string): string {
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : format.format(value);
}

/** An unknown zone name would make Intl throw: fall back to Paris rather than break the page. */
export function validTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
