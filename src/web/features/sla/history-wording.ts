import { useTranslation } from "react-i18next";
import { SLA_NOTIFY_WHO, SLA_TARGET_KINDS, WEEKDAYS, type Weekday } from "../../../shared/api/sla.js";
import type { HistoryWording } from "../history/HistoryTab.js";

const CALENDAR_FIELDS = ["name", "timeZone", "france", "alsaceMoselle", "closures"] as const;
const POLICY_FIELDS = { name: "name", entity: "entity", category: "category", recursive: "recursive", isActive: "active" } as const;

/** The history of a calendar names its fields as the calendar form does. */
export function useCalendarWording(): HistoryWording {
  const { t } = useTranslation();
  return {
    field: (field) => {
      if ((WEEKDAYS as readonly string[]).includes(field)) return t(`sla.weekdays.${field as Weekday}`);
      return (CALENDAR_FIELDS as readonly string[]).includes(field) ? t(`sla.calendars.${field as (typeof CALENDAR_FIELDS)[number]}`) : undefined;
    },
  };
}

/** Minutes as the SLA form shows targets: "4 h", "1 h 30", "45 min". */
function minutesText(value: string): string | undefined {
  const minutes = Number(value);
  if (!Number.isInteger(minutes)) return undefined;
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}`;
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The history of an SLA: "own3" is the time to own of priority 3, "level2" the second escalation level. */
export function usePolicyWording(): HistoryWording {
  const { t } = useTranslation();
  /** "resolve · 75 % · assignee+group · → N2 · P+1" (the server's codes) in words. */
  const levelText = (value: string) => value.split(" · ").map((part) => {
    if (isOneOf(SLA_TARGET_KINDS, part)) return t(`sla.targets.${part}`);
    if (part === "P+1") return t("sla.policies.raisePriority");
    const who = part.split("+");
    if (who.every((w) => isOneOf(SLA_NOTIFY_WHO, w))) return who.map((w) => t(`sla.notify.${w as (typeof SLA_NOTIFY_WHO)[number]}`)).join(", ");
    return part;
  }).join(" · ");
  return {
    value: (field, value) => {
      if (/^(own|resolve)\d$/.test(field)) return minutesText(value);
      return /^level\d+$/.test(field) ? levelText(value) : undefined;
    },
    field: (field) => {
      const indexed = /^(own|resolve|level)(\d+)$/.exec(field);
      if (indexed?.[1] === "level") return t("sla.policies.levelN", { n: Number(indexed[2]) });
      if (indexed) return t(`sla.history.${indexed[1] as "own" | "resolve"}`, { priority: Number(indexed[2]) });
      if (field === "contract") return t("slaContracts.contract");
      const key = POLICY_FIELDS[field as keyof typeof POLICY_FIELDS];
      return key ? t(`sla.policies.${key}`) : undefined;
    },
  };
}
