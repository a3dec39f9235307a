import { useTranslation } from "react-i18next";
import type { HistoryWording } from "../history/HistoryTab.js";

/** The ticket fields whose history holds a code, and the list of names it reads from. */
const CODED = { status: "statuses", type: "types", channel: "channels", urgency: "scale", impact: "scale", priority: "scale" } as const;

/** A ticket's history says "Nouveau → Assigné", not "new → assigned". */
export function useTicketHistoryWording(): HistoryWording {
  const { t } = useTranslation();
  return {
    value: (field, value) => {
      const list = CODED[field as keyof typeof CODED];
      return list ? t(`tickets.${list}.${value}` as "tickets.statuses.new", { defaultValue: value }) : undefined;
    },
  };
}
