import { Anchor, Badge, Group, Select, Skeleton, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ALERT_DAYS_DEFAULT, FLEET_ALERT_KINDS, type FleetAlert, type FleetAlertKind } from "../../../../shared/api/contracts.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { daysBetween, localToday, useDayFormat } from "./contract-ui.js";
import { useFleetAlerts } from "./useContracts.js";

const HORIZONS = [30, ALERT_DAYS_DEFAULT, 90, 180, 365];
const KIND_COLORS: Record<FleetAlertKind, string> = { contract_notice: "red", contract_ending: "orange", warranty_ending: "yellow" };

function targetPath(alert: FleetAlert): string {
  return alert.target.type === "asset" ? `/assets/${alert.target.id}` : `/contracts/${alert.target.id}`;
}

/** Warranties and contracts ending, and notice deadlines, soonest first, in the entity scope. */
export function FleetAlertsList() {
  const { t } = useTranslation();
  const { scopeQuery } = useEntityScope();
  const [days, setDays] = useState(ALERT_DAYS_DEFAULT);
  const [kind, setKind] = useState<FleetAlertKind | undefined>(undefined);
  const list = useFleetAlerts({ days, kind, entityId: scopeQuery.entityId });

  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">{t("contracts.alerts.description")}</Text>
      <Group mb="sm" gap="sm" align="flex-end">
        <Select label={t("contracts.alerts.days")} value={String(days)} allowDeselect={false} w={160}
          data={HORIZONS.map((n) => ({ value: String(n), label: t("contracts.alerts.daysOption", { count: n }) }))}
          onChange={(v) => v && setDays(Number(v))} />
        <Select label={t("contracts.alerts.kind")} placeholder={t("contracts.alerts.allKinds")} clearable value={kind ?? null} w={240}
          data={FLEET_ALERT_KINDS.map((value) => ({ value, label: t(`contracts.alerts.kinds.${value}`) }))}
          onChange={(v) => setKind((v as FleetAlertKind | null) ?? undefined)} />
      </Group>
      <ApiErrorAlert error={list.error} />
      <AlertTable list={list} />
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage} />
    </>
  );
}

function AlertTable({ list }: { list: ReturnType<typeof useFleetAlerts> }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const today = localToday();
  if (list.isPending) return <Skeleton h={200} />;
  if (list.isError) return null;
  if (list.items.length === 0) return <Text c="dimmed" py="xl" ta="center">{t("contracts.alerts.empty")}</Text>;
  return (
    <div className="table-scroll">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("contracts.alerts.date")}</Table.Th>
            <Table.Th>{t("contracts.alerts.kind")}</Table.Th>
            <Table.Th>{t("contracts.alerts.about")}</Table.Th>
            <Table.Th>{t("contracts.alerts.entity")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((alert) => (
            <Table.Tr key={`${alert.kind}-${alert.target.id}-${alert.date}`}>
              <Table.Td className="nowrap">
                <Text size="sm" fw={500}>{day(alert.date)}</Text>
                <Text size="xs" c="dimmed">{t("contracts.alerts.inDays", { count: Math.max(daysBetween(today, alert.date), 0) })}</Text>
              </Table.Td>
              <Table.Td>
                <Badge color={KIND_COLORS[alert.kind]} variant="light" size="sm" miw="max-content">{t(`contracts.alerts.kinds.${alert.kind}`)}</Badge>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={targetPath(alert)} fw={500}>{alert.name}</Anchor>
                <Text size="xs" c="dimmed">
                  {[alert.reference, alert.tacitRenewal ? t("contracts.alerts.tacit") : null].filter(Boolean).join(" · ")}
                </Text>
              </Table.Td>
              <Table.Td>{alert.entityName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
