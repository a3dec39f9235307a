import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WEEKDAYS, type SlaCalendar } from "../../../shared/api/sla.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { useDuration } from "./TicketSla.js";
import { useContractSla } from "./useSlaContracts.js";

/** The contract page's tab: the support hours and SLAs the contract carries (set up on the SLA admin page). */
export function ContractSlaPanel({ contractId }: { contractId: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const sla = useContractSla(contractId);
  const duration = useDuration();
  if (sla.isPending) return <Skeleton h={120} />;
  if (sla.isError) return <ApiErrorAlert error={sla.error} />;
  const { calendar, policies } = sla.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t("slaContracts.page.intro")}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="contract-sla-hours">
        <Title order={3} size="h5" id="contract-sla-hours" mb="xs">{t("slaContracts.page.hours")}</Title>
        {calendar ? <Hours calendar={calendar} /> : <Text size="sm" c="dimmed">{t("slaContracts.page.noHours")}</Text>}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="contract-sla-policies">
        <Title order={3} size="h5" id="contract-sla-policies" mb="xs">{t("slaContracts.page.policies")}</Title>
        {policies.length === 0 ? <Text size="sm" c="dimmed">{t("slaContracts.page.noPolicies")}</Text> : (
          <div className="table-scroll">
            <Table aria-labelledby="contract-sla-policies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("sla.policies.name")}</Table.Th>
                  <Table.Th>{t("sla.policies.category")}</Table.Th>
                  <Table.Th>{t("sla.policies.targets")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {policies.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name} {!p.isActive && <Badge color="gray" variant="light">{t("slaContracts.page.inactive")}</Badge>}</Table.Td>
                    <Table.Td>{p.categoryName ?? t("slaContracts.page.anyCategory")}</Table.Td>
                    <Table.Td>
                      {[...p.targets].sort((a, b) => b.priority - a.priority).map((x) => (
                        <Text size="xs" key={x.priority}>{t("sla.policies.targetLine", { priority: x.priority,
                          own: x.ownMinutes === null ? "—" : duration(x.ownMinutes), resolve: x.resolveMinutes === null ? "—" : duration(x.resolveMinutes) })}</Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Paper>
      {can(me, "sla.manage") && (
        <Group><Anchor component={Link} to="/admin/sla" size="sm">{t("slaContracts.page.manage")}</Anchor></Group>
      )}
    </Stack>
  );
}

function Hours({ calendar }: { calendar: SlaCalendar }) {
  const { t } = useTranslation();
  const { week, timeZone } = calendar.definition;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>{calendar.name} <Text span size="xs" c="dimmed">({timeZone})</Text></Text>
      <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }} spacing="xs">
        {WEEKDAYS.map((day) => (
          <div key={day}>
            <Text size="xs" c="dimmed">{t(`sla.weekdays.${day}`)}</Text>
            <Text size="sm">{week[day].join(", ") || t("slaContracts.page.closed")}</Text>
          </div>
        ))}
      </SimpleGrid>
      {calendar.definition.holidays.france && <Text size="xs" c="dimmed">{t("sla.calendars.france")}</Text>}
    </Stack>
  );
}
