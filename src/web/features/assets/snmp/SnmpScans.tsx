import { Badge, Group, Progress, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SnmpScan } from "../../../../shared/api/snmp.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useFormat } from "../../../i18n/format.js";
import { PRINTERS, RANGES, isActive, useSnmpScans } from "./useSnmp.js";

const STATUS_COLOURS = { queued: "gray", running: "blue", done: "green", failed: "red" } as const;

/** A scan's state as a badge, with its progress bar while it runs. */
export function ScanStatus({ scan }: { scan: SnmpScan }) {
  const { t } = useTranslation();
  const pct = scan.total > 0 ? Math.round((scan.done / scan.total) * 100) : 0;
  const label = t("snmp.scans.progressLabel", { done: scan.done, total: scan.total });
  return (
    <Stack gap={4} miw={160}>
      <Group gap="xs" wrap="nowrap">
        <Badge color={STATUS_COLOURS[scan.status]} variant="light">{t(`snmp.scans.statuses.${scan.status}`)}</Badge>
        <Text size="xs" c="dimmed">{t("snmp.scans.found")} : {scan.found}</Text>
      </Group>
      {isActive(scan) && <Progress value={pct} size="sm" aria-label={label} animated />}
      <Text size="xs" c="dimmed">{label}</Text>
      {scan.error && <Text size="xs" c="red">{scan.error}</Text>}
    </Stack>
  );
}

/** The newest scans, polled while one is under way; when the last one ends, the ranges and printers are read again. */
export function SnmpScans() {
  const { t } = useTranslation();
  const format = useFormat();
  const scans = useSnmpScans();
  const queryClient = useQueryClient();
  const running = scans.data?.data.some(isActive) ?? false;
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void queryClient.invalidateQueries({ queryKey: [RANGES] });
      void queryClient.invalidateQueries({ queryKey: [PRINTERS] });
    }
    wasRunning.current = running;
  }, [running, queryClient]);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="snmp-scans">{t("snmp.scans.title")}</Title>
      <ApiErrorAlert error={scans.error} />
      {scans.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-labelledby="snmp-scans">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("snmp.scans.range")}</Table.Th>
                <Table.Th>{t("snmp.scans.status")}</Table.Th>
                <Table.Th>{t("snmp.scans.startedAt")}</Table.Th>
                <Table.Th>{t("snmp.scans.finishedAt")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {scans.data?.data.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text size="sm" c="dimmed">{t("snmp.scans.none")}</Text></Table.Td></Table.Tr>}
              {scans.data?.data.map((scan) => (
                <Table.Tr key={scan.id} data-status={scan.status}>
                  <Table.Td>{scan.rangeName}</Table.Td>
                  <Table.Td><ScanStatus scan={scan} /></Table.Td>
                  <Table.Td className="nowrap">{format.dateTime(scan.startedAt ?? scan.createdAt)}</Table.Td>
                  <Table.Td className="nowrap">{format.dateTime(scan.finishedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
