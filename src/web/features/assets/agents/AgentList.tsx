import { Anchor, Badge, Group, Skeleton, Switch, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type InventoryAgent, STALE_DAYS_DEFAULT } from "../../../../shared/api/inventory-agents.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { useRelativeTime } from "../../tickets/ticket-ui.js";
import { useInventoryAgents } from "./useAgents.js";

/** The agents, newest contact first; the silent ones (no contact for STALE_DAYS_DEFAULT days) carry a badge. */
export function AgentList({ staleOnly, setStaleOnly }: { staleOnly: boolean; setStaleOnly: (on: boolean) => void }) {
  const { t } = useTranslation();
  const agents = useInventoryAgents(staleOnly ? { stale: true } : {});

  return (
    <>
      <Group mb="sm">
        <Switch label={t("agents.staleOnly")} checked={staleOnly} onChange={(e) => setStaleOnly(e.currentTarget.checked)} />
      </Group>
      <ApiErrorAlert error={agents.error} />
      {agents.isPending ? <Skeleton h={200} /> : agents.items.length === 0 && !agents.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t(staleOnly ? "agents.emptyStale" : "agents.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("agents.tabs.agents")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("agents.columns.deviceId")}</Table.Th>
                <Table.Th>{t("agents.columns.agent")}</Table.Th>
                <Table.Th>{t("agents.columns.ip")}</Table.Th>
                <Table.Th>{t("agents.columns.lastContact")}</Table.Th>
                <Table.Th>{t("agents.columns.lastInventory")}</Table.Th>
                <Table.Th>{t("agents.columns.asset")}</Table.Th>
                <Table.Th>{t("agents.columns.tag")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{agents.items.map((agent) => <AgentRow key={agent.id} agent={agent} />)}</Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={agents.items.length} hasNextPage={agents.hasNextPage} isFetchingNextPage={agents.isFetchingNextPage}
        fetchNextPage={agents.fetchNextPage} />
    </>
  );
}

function AgentRow({ agent }: { agent: InventoryAgent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ago = useRelativeTime();
  return (
    <Table.Tr>
      <Table.Td className="mono nowrap">{agent.deviceId}</Table.Td>
      <Table.Td className="nowrap">
        {agent.name ?? "—"}
        {agent.version && <Text span c="dimmed" fz="sm"> {agent.version}</Text>}
      </Table.Td>
      <Table.Td className="mono nowrap">{agent.lastIp ?? "—"}</Table.Td>
      <Table.Td className="nowrap">
        <Group gap="xs" wrap="nowrap">
          <time dateTime={agent.lastContactAt} title={format.dateTime(agent.lastContactAt)}>{ago(agent.lastContactAt)}</time>
          {agent.stale && <Badge color="orange" variant="light" title={t("agents.staleHelp", { count: STALE_DAYS_DEFAULT })}>{t("agents.stale")}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td className="nowrap">
        {agent.lastInventoryAt
          ? <time dateTime={agent.lastInventoryAt} title={format.dateTime(agent.lastInventoryAt)}>{ago(agent.lastInventoryAt)}</time>
          : <Text span c="dimmed" fz="sm">{t("agents.never")}</Text>}
      </Table.Td>
      <Table.Td className="nowrap">
        {agent.assetId !== null && agent.assetTag !== null
          ? <Anchor component={Link} to={`/assets/${agent.assetId}`} fw={600}>{agent.assetTag}</Anchor>
          : "—"}
      </Table.Td>
      <Table.Td className="mono nowrap">{agent.tag ?? "—"}</Table.Td>
    </Table.Tr>
  );
}
