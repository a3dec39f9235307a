import { Group, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../../shared/api/history.js";
import { fieldLabel } from "../history/HistoryTab.js";
import { useFormat } from "../../i18n/format.js";

/** Coded values as words: statuses, types, channels, the 1–5 scales, levels, solution types. */
function ticketValue(field: string | null, value: string | null, t: TFunction): string | null {
  if (value === null || value === "") return null;
  const key = {
    status: "tickets.statuses", type: "tickets.types", channel: "tickets.channels", urgency: "tickets.scale", impact: "tickets.scale",
    priority: "tickets.scale", level: "tickets.levels", solutionType: "tickets.solutionTypes",
  }[field ?? ""];
  return key ? t(`${key}.${value}` as "tickets.title", { defaultValue: value }) : value;
}

/** Fields whose values are record ids or long text: the line says what changed, the History tab has the detail. */
const NO_VALUE_FIELDS = new Set(["assigneeId", "groupId", "categoryId", "contractId", "entityId", "description"]);

/** One field change, as a quiet line between the followups. */
export function TimelineChange({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const before = ticketValue(entry.field, entry.oldValue, t);
  const after = ticketValue(entry.field, entry.newValue, t);
  const values = NO_VALUE_FIELDS.has(entry.field ?? "") || entry.action !== "update"
    ? (after ?? before ?? "")
    : `${before ?? t("history.emptyValue")} → ${after ?? t("history.emptyValue")}`;
  return (
    <Group gap={6} wrap="wrap" className="timeline-change" data-field={entry.field ?? undefined} px="sm">
      <Text size="xs" c="dimmed">{format.dateTime(entry.at)}</Text>
      <Text size="xs">
        <Text span fw={600} size="xs">{entry.actorName}</Text> · {fieldLabel(entry.field, t)}
        {NO_VALUE_FIELDS.has(entry.field ?? "") ? "" : ` : ${values}`}
      </Text>
    </Group>
  );
}
