import { Badge, Group, Skeleton, Switch, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { useInventoryImports } from "./useAgents.js";

/** Every message the agents sent, newest first: what was received, and what was refused and why. */
export function ImportLog({ refusedOnly, setRefusedOnly }: { refusedOnly: boolean; setRefusedOnly: (on: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const log = useInventoryImports(refusedOnly ? { outcome: "refused" } : {});

  return (
    <>
      <Group mb="sm">
        <Switch label={t("agents.refusedOnly")} checked={refusedOnly} onChange={(e) => setRefusedOnly(e.currentTarget.checked)} />
      </Group>
      <ApiErrorAlert error={log.error} />
      {log.isPending ? <Skeleton h={200} /> : log.items.length === 0 && !log.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t(refusedOnly ? "agents.log.emptyRefused" : "agents.log.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("agents.tabs.log")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("agents.log.when")}</Table.Th>
                <Table.Th>{t("agents.log.outcome")}</Table.Th>
                <Table.Th>{t("agents.log.query")}</Table.Th>
                <Table.Th>{t("agents.columns.deviceId")}</Table.Th>
                <Table.Th>{t("agents.columns.ip")}</Table.Th>
                <Table.Th>{t("agents.log.reason")}</Table.Th>
                <Table.Th>{t("agents.log.detail")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td className="nowrap">{format.dateTime(entry.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={entry.outcome === "refused" ? "red" : "green"} variant="light" miw="max-content">{t(`agents.outcomes.${entry.outcome}`)}</Badge>
                  </Table.Td>
                  <Table.Td className="mono">{entry.query ?? "—"}</Table.Td>
                  <Table.Td className="mono nowrap">{entry.deviceId ?? "—"}</Table.Td>
                  <Table.Td className="mono nowrap">{entry.ip ?? "—"}</Table.Td>
                  <Table.Td className="mono">{entry.reason ?? "—"}</Table.Td>
                  <Table.Td miw={240}>{entry.detail ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={log.items.length} hasNextPage={log.hasNextPage} isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage} />
    </>
  );
}
