import { Badge, Skeleton, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEntry, HistoryRecordType } from "../../../shared/api/history.js";
import { isApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { useFormat } from "../../i18n/format.js";
import { useHistory } from "./useHistory.js";

const ACTION_COLORS: Record<HistoryEntry["action"], string> = {
  create: "green",
  update: "blue",
  delete: "red",
  link: "teal",
  unlink: "orange",
};

/** Field names come from the server; known ones are translated, others are shown as they are. */
export function fieldLabel(field: string | null, t: TFunction): string {
  if (!field) return "—";
  const key = `fields.${field}`;
  return t(key as "fields.name", { defaultValue: field });
}

/** How a module names its own fields and shows their values; undefined falls back to the shared names. */
export type HistoryWording = {
  field?: (field: string) => string | undefined;
  value?: (field: string, value: string) => string | undefined;
};

/** Who changed what, when: one line per change, old value → new value. */
export function HistoryTab({ recordType, id, wording }: { recordType: HistoryRecordType; id: number; wording?: HistoryWording }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useHistory(recordType, id);

  if (history.isPending) return <Skeleton h={120} />;
  // A record older than its history (created before changes were recorded) has none yet.
  if (history.isError && !isApiError(history.error, "NOT_FOUND")) return <ApiErrorAlert error={history.error} />;
  if (history.items.length === 0) return <Text c="dimmed">{t("history.empty")}</Text>;

  return (
    <>
      <div className="table-scroll">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("history.when")}</Table.Th>
              <Table.Th>{t("history.who")}</Table.Th>
              <Table.Th>{t("history.action")}</Table.Th>
              <Table.Th>{t("history.field")}</Table.Th>
              <Table.Th>{t("history.change")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.items.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td className="nowrap">{format.dateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actorName}</Table.Td>
                <Table.Td className="nowrap">
                  <Badge size="sm" variant="light" color={ACTION_COLORS[entry.action]} style={{ minWidth: "max-content" }}>
                    {t(`history.actions.${entry.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{(entry.field && wording?.field?.(entry.field)) ?? fieldLabel(entry.field, t)}</Table.Td>
                <Table.Td>
                  <HistoryChange entry={entry} wording={wording} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <LoadMore
        shown={history.items.length}
        hasNextPage={history.hasNextPage}
        isFetchingNextPage={history.isFetchingNextPage}
        fetchNextPage={history.fetchNextPage}
      />
    </>
  );
}

const ROLE_NAMES = ["requester", "technician", "supervisor", "admin"] as const;

/**
 * A stored value as the reader should see it: role grants are stored as JSON
 * ({ role, entity, recursive }) and yes/no fields as "true"/"false", both translated here.
 */
function displayValue(field: string | null, value: string | null, t: TFunction, wording?: HistoryWording): string | null {
  if (value === null) return null;
  const own = field ? wording?.value?.(field, value) : undefined;
  if (own !== undefined) return own;
  if (field === "role" && value.startsWith("{")) {
    try {
      const grant = JSON.parse(value) as { role: (typeof ROLE_NAMES)[number]; entity: string; recursive: boolean };
      if (!ROLE_NAMES.includes(grant.role)) return value;
      const scope = grant.recursive ? ` (${t("history.withSubEntities")})` : "";
      return `${t(`roles.${grant.role}`)} · ${grant.entity}${scope}`;
    } catch {
      return value;
    }
  }
  if (value === "true") return t("common.yes");
  if (value === "false") return t("common.no");
  return value;
}

function HistoryChange({ entry: raw, wording }: { entry: HistoryEntry; wording?: HistoryWording }) {
  const { t } = useTranslation();
  // An id field (assignee, group, model…) reads as the name the server found for it.
  const entry = { ...raw, oldValue: raw.oldLabel ?? displayValue(raw.field, raw.oldValue, t, wording),
    newValue: raw.newLabel ?? displayValue(raw.field, raw.newValue, t, wording) };
  if (entry.oldValue === null && entry.newValue === null) return <Text c="dimmed">—</Text>;
  if (entry.oldValue === null) return <Text size="sm" fw={500} className="history-value">{entry.newValue}</Text>;
  if (entry.newValue === null) {
    return (
      <Text size="sm" c="dimmed" td="line-through" className="history-value">
        {entry.oldValue}
      </Text>
    );
  }
  return (
    <Text size="sm" component="span">
      <Text span c="dimmed" td="line-through" className="history-value">
        {entry.oldValue || t("history.emptyValue")}
      </Text>
      <Text span mx={6} aria-label={t("history.becomes")}>
        →
      </Text>
      <Text span fw={500} className="history-value">
        {entry.newValue || t("history.emptyValue")}
      </Text>
    </Text>
  );
}
