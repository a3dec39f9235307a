import { Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useFormat } from "../../../i18n/format.js";
import { SupplyGauges } from "./SupplyGauges.js";
import { usePrinterSupplies } from "./useSnmp.js";

/**
 * A printer's supplies and page counter as its last SNMP scan read them, for the asset's page.
 * Renders nothing for an asset no scan read supplies of (any kind but a printer, or one not scanned).
 */
export function PrinterSuppliesPanel({ assetId }: { assetId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const supplies = usePrinterSupplies(assetId);
  if (supplies.isPending) return <Skeleton h={60} />;
  if (supplies.error) return <ApiErrorAlert error={supplies.error} />;
  const { supplies: list, counters } = supplies.data;
  if (list.length === 0 && counters.length === 0) return null;
  const total = counters.find((c) => c.name === "total");
  return (
    <Paper withBorder p="sm" mb="md" component="section" aria-labelledby={`printer-supplies-${assetId}`}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={`printer-supplies-${assetId}`}>{t("snmp.supply.title")}</Title>
        {list.length > 0 ? <SupplyGauges supplies={list} /> : <Text size="sm" c="dimmed">{t("snmp.supply.none")}</Text>}
        {total && <Text size="sm">{t("snmp.supply.pageCount", { count: total.value, formatted: format.number(total.value) })}</Text>}
        {list[0] && <Text size="xs" c="dimmed">{t("snmp.supply.readAt", { date: format.dateTime(list[0].readAt) })}</Text>}
      </Stack>
    </Paper>
  );
}
