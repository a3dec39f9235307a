import { Anchor, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { SnmpSettingsForm } from "./SnmpSettingsForm.js";
import { SupplyGauges } from "./SupplyGauges.js";
import { usePrinterSupplyList, useSnmpSettings } from "./useSnmp.js";

/** Every printer the scans read, with its supplies: where the toner is running out across the fleet. */
export function SnmpPrinters() {
  const { t } = useTranslation();
  const format = useFormat();
  const printers = usePrinterSupplyList();
  const settings = useSnmpSettings();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="snmp-printers">{t("snmp.printers.title")}</Title>
      {settings.data && <Text size="sm" c="dimmed">{t(settings.data.openTickets ? "snmp.printers.intro" : "snmp.printers.introNoTicket", { pct: settings.data.lowSupplyPct })}</Text>}
      {settings.data?.canManage && <SnmpSettingsForm key={JSON.stringify(settings.data)} saved={settings.data} />}
      <ApiErrorAlert error={printers.error} />
      {printers.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-labelledby="snmp-printers" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("snmp.printers.printer")}</Table.Th>
                <Table.Th>{t("snmp.printers.entity")}</Table.Th>
                <Table.Th>{t("snmp.printers.supplies")}</Table.Th>
                <Table.Th>{t("snmp.printers.pages")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {printers.items.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text size="sm" c="dimmed">{t("snmp.printers.none")}</Text></Table.Td></Table.Tr>}
              {printers.items.map((printer) => (
                <Table.Tr key={printer.assetId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/assets/${printer.assetId}`}>{printer.assetName}</Anchor>
                    <Text size="xs" c="dimmed" className="mono">{printer.assetTag}</Text>
                  </Table.Td>
                  <Table.Td>{printer.entityName}</Table.Td>
                  <Table.Td><SupplyGauges supplies={printer.supplies} /></Table.Td>
                  <Table.Td>{printer.pageCount === null ? "—" : format.number(printer.pageCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={printers.items.length} hasNextPage={printers.hasNextPage} isFetchingNextPage={printers.isFetchingNextPage}
        fetchNextPage={printers.fetchNextPage} />
    </Stack>
  );
}
