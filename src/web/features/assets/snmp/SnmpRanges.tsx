import { Button, Group, MultiSelect, NumberInput, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SnmpRange } from "../../../../shared/api/snmp.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { ScanStatus } from "./SnmpScans.js";
import { isActive, useCreateSnmpRange, useDeleteSnmpRange, useSnmpCredentials, useSnmpRanges, useStartSnmpScan } from "./useSnmp.js";

/** The address ranges to scan, each with its last scan and a button to scan it now. */
export function SnmpRanges({ mayManage }: { mayManage: boolean }) {
  const { t } = useTranslation();
  const ranges = useSnmpRanges();
  const remove = useDeleteSnmpRange();
  const start = useStartSnmpScan();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="snmp-ranges">{t("snmp.ranges.title")}</Title>
      <Text size="sm" c="dimmed">{t("snmp.ranges.intro")}</Text>
      <ApiErrorAlert error={ranges.error ?? remove.error ?? start.error} />
      {ranges.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-labelledby="snmp-ranges">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("snmp.ranges.name")}</Table.Th>
                <Table.Th>{t("snmp.ranges.entity")}</Table.Th>
                <Table.Th>{t("snmp.ranges.range")}</Table.Th>
                <Table.Th>{t("snmp.ranges.lastScan")}</Table.Th>
                <Table.Th>{t("snmp.ranges.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ranges.data?.data.length === 0 && <Table.Tr><Table.Td colSpan={5}><Text size="sm" c="dimmed">{t("snmp.ranges.none")}</Text></Table.Td></Table.Tr>}
              {ranges.data?.data.map((range) => (
                <RangeRow key={range.id} range={range} scanning={start.isPending && start.variables === range.id}
                  onScan={() => start.mutateAsync(range.id).then(() => notifications.show({ color: "green", message: t("snmp.ranges.scanStarted", { name: range.name }) }))}
                  onDelete={() => remove.mutateAsync(range.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {mayManage && <NewRangeForm />}
    </Stack>
  );
}

function RangeRow({ range, scanning, onScan, onDelete }: { range: SnmpRange; scanning: boolean; onScan: () => Promise<unknown>; onDelete: () => Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>{range.name}</Table.Td>
      <Table.Td>{range.entityName}</Table.Td>
      <Table.Td>
        <Text size="sm" className="mono">{range.range}{range.port !== 161 ? ` : ${range.port}` : ""}</Text>
        <Text size="xs" c="dimmed">{t("snmp.ranges.addresses", { count: range.addressCount })}</Text>
      </Table.Td>
      <Table.Td>{range.lastScan ? <ScanStatus scan={range.lastScan} /> : <Text size="sm" c="dimmed">{t("snmp.ranges.never")}</Text>}</Table.Td>
      <Table.Td>
        {range.canManage && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" loading={scanning} disabled={range.lastScan !== null && isActive(range.lastScan)}
              onClick={() => void onScan().catch(() => undefined)} aria-label={`${t("snmp.ranges.scanNow")} ${range.name}`}>
              {t("snmp.ranges.scanNow")}
            </Button>
            <ConfirmButton label={t("snmp.ranges.delete")} title={t("snmp.ranges.deleteTitle", { name: range.name })}
              message={t("snmp.ranges.deleteMessage")} confirmLabel={t("snmp.ranges.delete")} onConfirm={onDelete}
              buttonProps={{ variant: "subtle", color: "red", size: "xs" }} />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function NewRangeForm() {
  const { t } = useTranslation();
  const create = useCreateSnmpRange();
  const credentials = useSnmpCredentials();
  const [entityId, setEntityId] = useState<number | null>(null);
  const [name, setName] = useState("");
  const [range, setRange] = useState("");
  const [port, setPort] = useState<number | string>(161);
  const [credentialIds, setCredentialIds] = useState<string[]>([]);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (entityId === null) return;
    const created = await create.mutateAsync({ entityId, name: name.trim(), range: range.trim(), port: Number(port) || 161,
      credentialIds: credentialIds.map(Number) });
    setName("");
    setRange("");
    notifications.show({ color: "green", message: t("snmp.ranges.created", { name: created.name }) });
  };
  const options = (credentials.data?.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name} (${c.version}, ${c.entityName})` }));
  return (
    <Paper withBorder p="sm" component="form" onSubmit={(event) => void submit(event).catch(() => undefined)} aria-labelledby="snmp-new-range">
      <Text fw={600} id="snmp-new-range" mb="xs">{t("snmp.ranges.new")}</Text>
      <Group align="end" wrap="wrap">
        <EntitySelect label={t("snmp.ranges.entity")} value={entityId} onChange={setEntityId} required />
        <TextInput label={t("snmp.ranges.name")} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={100} />
        <TextInput label={t("snmp.ranges.range")} description={t("snmp.ranges.rangeHelp")} value={range} onChange={(e) => setRange(e.currentTarget.value)}
          required maxLength={100} className="mono" />
        <NumberInput label={t("snmp.ranges.port")} value={port} onChange={setPort} min={1} max={65535} allowDecimal={false} w={110} />
        <MultiSelect label={t("snmp.ranges.credentials")} description={t("snmp.ranges.credentialsHelp")} data={options} value={credentialIds}
          onChange={setCredentialIds} required miw={240} />
        <Button type="submit" loading={create.isPending} disabled={entityId === null || !name.trim() || !range.trim() || credentialIds.length === 0}>
          {t("snmp.ranges.add")}
        </Button>
      </Group>
      <ApiErrorAlert error={create.error} />
    </Paper>
  );
}
