import { Badge, Stack, Table, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { InventoryDetailsView } from "../../../../shared/api/asset-inventory.js";
import type { frAssetInventory } from "../../../i18n/fr/asset-inventory.js";
import { gbText } from "./inventory-format.js";
import { VOLUME_WARNING_PCT } from "./InventorySummary.js";

type Column = keyof typeof frAssetInventory.assetInventory.columns;

/** One part of the hardware as a compact table that scrolls sideways on a phone; nothing when the agent found none. */
function InfoTable({ title, columns, rows }: { title: string; columns: Column[]; rows: ReactNode[][] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <section>
      <Title order={3} fz="sm" tt="uppercase" c="dimmed" mb={4}>{title}</Title>
      <div className="table-scroll">
        <Table striped withTableBorder verticalSpacing={4} fz="sm" aria-label={title}>
          <Table.Thead>
            <Table.Tr>{columns.map((column) => <Table.Th key={column} className="nowrap">{t(`assetInventory.columns.${column}`)}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((cells, index) => (
              <Table.Tr key={index}>{cells.map((cell, i) => <Table.Td key={i} className="nowrap">{cell ?? "—"}</Table.Td>)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

const mono = (value: string | null) => value && <span className="mono">{value}</span>;

/** Processors, memory modules, disks, volumes, network interfaces, monitors, printers, antivirus and who is logged in. */
export function HardwareTables({ details }: { details: InventoryDetailsView }) {
  const { t, i18n } = useTranslation();
  const gb = (mb: number | null) => gbText(mb, i18n.language, t);
  const yesNo = (value: boolean | null) => (value === null ? null : t(value ? "assetInventory.yes" : "assetInventory.no"));
  const mhz = (value: number | null) => (value === null ? null : t("assetInventory.mhz", { value }));
  const s = (key: keyof typeof frAssetInventory.assetInventory.sections) => t(`assetInventory.sections.${key}`);
  return (
    <Stack gap="md">
      <InfoTable title={s("cpus")} columns={["name", "manufacturer", "cores", "speed"]} rows={details.cpus.map((cpu) => [
        cpu.name, cpu.manufacturer, cpu.cores === null ? null : `${cpu.cores} / ${cpu.threads ?? "?"}`, mhz(cpu.speedMhz)])} />
      <InfoTable title={s("memories")} columns={["slot", "capacity", "type", "speed", "manufacturer", "serial"]} rows={details.memories.map((m) => [
        m.slot, gb(m.capacityMb), m.type, mhz(m.speedMhz), m.manufacturer, mono(m.serial)])} />
      <InfoTable title={s("disks")} columns={["name", "model", "size", "type", "interface", "serial"]} rows={details.disks.map((disk) => [
        disk.name, [disk.manufacturer, disk.model].filter(Boolean).join(" "), gb(disk.sizeMb), disk.type, disk.interface, mono(disk.serial)])} />
      <InfoTable title={s("volumes")} columns={["mount", "filesystem", "total", "free", "used"]} rows={details.volumes.map((volume) => [
        mono(volume.mount ?? volume.device), volume.filesystem, gb(volume.totalMb), gb(volume.freeMb), <VolumeUse key="use" total={volume.totalMb} free={volume.freeMb} />])} />
      <InfoTable title={s("networks")} columns={["name", "mac", "ips", "speed", "status"]} rows={details.networks.map((n) => [
        n.name, mono(n.mac), mono([...n.ipv4, ...n.ipv6].join(", ") || null), n.speedMbps === null ? null : t("assetInventory.mbps", { value: n.speedMbps }), n.status])} />
      <InfoTable title={s("monitors")} columns={["name", "manufacturer", "serial"]} rows={details.monitors.map((m) => [m.name, m.manufacturer, mono(m.serial)])} />
      <InfoTable title={s("printers")} columns={["name", "driver", "port"]} rows={details.printers.map((p) => [p.name, p.driver, mono(p.port)])} />
      <InfoTable title={s("antivirus")} columns={["name", "manufacturer", "version", "enabled", "upToDate"]} rows={details.antivirus.map((a) => [
        a.name, a.company, a.version, yesNo(a.isEnabled), yesNo(a.isUpToDate)])} />
      <InfoTable title={s("users")} columns={["login", "domain"]} rows={details.users.map((u) => [mono(u.login), u.domain])} />
    </Stack>
  );
}

function VolumeUse({ total, free }: { total: number | null; free: number | null }) {
  const { i18n } = useTranslation();
  if (total === null || free === null || total === 0) return null;
  const pct = Math.round(((total - free) / total) * 100);
  const text = new Intl.NumberFormat(i18n.language, { style: "percent" }).format(pct / 100);
  return <Badge size="sm" variant="light" color={pct >= VOLUME_WARNING_PCT ? "red" : "gray"}>{text}</Badge>;
}
