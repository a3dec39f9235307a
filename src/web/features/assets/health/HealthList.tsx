import { Anchor, Badge, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { HealthAntivirus, HealthItem, HealthSignal } from "../../../../shared/api/inventory-health.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { useRelativeTime } from "../../tickets/ticket-ui.js";
import { useHealthList } from "./useHealth.js";

/** The machines with one signal, in the order the server walks them (fullest disk, longest silence first). */
export function HealthList({ signal, diskFullPct, silentDays }: { signal: HealthSignal; diskFullPct?: number; silentDays?: number }) {
  const { t } = useTranslation();
  const list = useHealthList(signal);
  const help = signal === "disk" ? t("health.tabHelp.disk", { pct: diskFullPct ?? "…" })
    : signal === "silent" ? t("health.tabHelp.silent", { count: silentDays ?? 0 }) : t("health.tabHelp.antivirus");

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">{help}</Text>
      <ApiErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={200} /> : list.items.length === 0 && !list.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t(`health.empty.${signal}`)}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t(`health.tabs.${signal}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("health.columns.asset")}</Table.Th>
                <Table.Th>{t(`health.columns.value.${signal}`)}</Table.Th>
                <Table.Th>{t("health.columns.entity")}</Table.Th>
                <Table.Th>{t("health.columns.ticket")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{list.items.map((item) => <HealthRow key={item.assetId} item={item} />)}</Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage} />
    </>
  );
}

function HealthRow({ item }: { item: HealthItem }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td className="nowrap">
        <Anchor component={Link} to={`/assets/${item.assetId}?tab=inventory`} size="sm">
          <span className="mono">{item.assetTag}</span> {item.assetName}
        </Anchor>
      </Table.Td>
      <Table.Td><SignalValue item={item} /></Table.Td>
      <Table.Td>{item.entityName}</Table.Td>
      <Table.Td className="nowrap">
        {item.ticketId === null ? t("health.noTicket")
          : <Anchor component={Link} to={`/tickets/${item.ticketId}`} size="sm">{t("health.ticketLink", { id: item.ticketId })}</Anchor>}
      </Table.Td>
    </Table.Tr>
  );
}

function SignalValue({ item }: { item: HealthItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useRelativeTime();
  if (item.signal === "disk") {
    return <Text span fw={600} c={(item.fullestVolumePct ?? 0) >= 98 ? "red" : undefined} fz="sm">{t("health.used", { pct: item.fullestVolumePct ?? 0 })}</Text>;
  }
  if (item.signal === "silent") {
    return item.lastContactAt
      ? <time dateTime={item.lastContactAt} title={format.dateTime(item.lastContactAt)}>{ago(item.lastContactAt)}</time>
      : <>—</>;
  }
  return <Stack gap={2}>{item.antivirus.map((av, i) => <AntivirusLine key={`${av.name ?? ""}-${i}`} av={av} />)}</Stack>;
}

function AntivirusLine({ av }: { av: HealthAntivirus }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text span fz="sm">{av.name ?? t("health.avUnnamed")}{av.version && <Text span c="dimmed" fz="xs"> {av.version}</Text>}</Text>
      {av.enabled !== null && (
        <Badge size="xs" variant="light" color={av.enabled ? "green" : "red"}>{t(av.enabled ? "health.avEnabled" : "health.avDisabled")}</Badge>
      )}
      {av.upToDate !== null && (
        <Badge size="xs" variant="light" color={av.upToDate ? "green" : "red"}>{t(av.upToDate ? "health.avUpToDate" : "health.avOutdated")}</Badge>
      )}
    </Group>
  );
}
