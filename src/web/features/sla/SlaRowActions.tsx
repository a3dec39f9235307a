import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../components/ConfirmButton.js";
import { HistoryButton } from "../history/HistoryButton.js";
import type { HistoryWording } from "../history/HistoryTab.js";

const RECORD_TYPES = { calendars: "sla_calendar", policies: "sla_policy" } as const;

/** Edit, history and delete (asked first) on a calendar's or an SLA's row. */
export function SlaRowActions({ kind, item, wording, onEdit, onDelete }: {
  kind: keyof typeof RECORD_TYPES; item: { id: number; name: string }; wording: HistoryWording; onEdit: () => void; onDelete: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit}>{t("sla.edit")}</Button>
      <HistoryButton recordType={RECORD_TYPES[kind]} id={item.id} name={item.name} wording={wording} />
      <ConfirmButton label={t("sla.delete")} title={t(`sla.${kind}.deleteTitle`, { name: item.name })} message={t(`sla.${kind}.deleteMessage`)}
        confirmLabel={t("sla.delete")} onConfirm={onDelete} buttonProps={{ variant: "subtle", color: "red", size: "xs" }} />
    </Group>
  );
}
