import { Button, Checkbox, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { REPORT_SECTIONS, type Campaign, type ReportSection } from "../../../../shared/api/inventory.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { LineCard } from "./ScanList.js";
import { InventoryErrorAlert } from "./inventory-ui.js";
import { useFixLocations, useReport } from "./useInventory.js";

/**
 * The report, one section at a time with the three counts: found, missing, unexpected. In the
 * unexpected section the technician ticks the assets that really belong here and files them
 * at the campaign's location ("Ranger ici").
 */
export function ReportPanel({ campaign, mayWrite }: { campaign: Campaign; mayWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Three long labels do not fit side by side on a phone: stacked there.
  const narrow = useMediaQuery("(max-width: 30em)");
  const [section, setSection] = useState<ReportSection>("found");
  const [chosen, setChosen] = useState<number[]>([]);
  const report = useReport(campaign.id, section);
  const fix = useFixLocations(campaign.id);
  const canFix = mayWrite && campaign.status === "open" && section === "unexpected";
  const movable = report.items.filter((line) => line.verdict === "unexpected" && line.assetId !== null).map((line) => line.assetId as number);

  function toggle(id: number, on: boolean) {
    setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  }

  async function handleFix() {
    const { moved } = await fix.mutateAsync({ assetIds: chosen });
    setChosen([]);
    notifications.show({ color: "green", message: t("inventory.report.moved", { count: moved, location: campaign.locationName }) });
  }

  const label = (s: ReportSection) => `${t(`inventory.report.sections.${s}`)}${report.counts ? ` (${format.number(report.counts[s])})` : ""}`;
  return (
    <Stack gap="sm">
      <SegmentedControl fullWidth orientation={narrow ? "vertical" : "horizontal"} value={section} onChange={(value) => { setSection(value as ReportSection); setChosen([]); }}
        data={REPORT_SECTIONS.map((s) => ({ value: s, label: label(s) }))} aria-label={t("inventory.report.sectionLabel")} />
      <Text size="sm" c="dimmed">{t(`inventory.report.help.${section}`)}</Text>
      <InventoryErrorAlert error={report.error ?? fix.error} />
      {canFix && movable.length > 0 && (
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Checkbox label={t("inventory.report.selectAll")} checked={movable.every((id) => chosen.includes(id))}
            indeterminate={chosen.length > 0 && !movable.every((id) => chosen.includes(id))}
            onChange={(event) => setChosen(event.currentTarget.checked ? movable : [])} />
          <Button onClick={() => void handleFix().catch(() => undefined)} disabled={chosen.length === 0} loading={fix.isPending}>
            {t("inventory.report.moveHere", { count: chosen.length })}
          </Button>
        </Group>
      )}
      {!report.isPending && report.items.length === 0 && <Text c="dimmed" ta="center" py="md">{t(`inventory.report.empty.${section}`)}</Text>}
      {report.items.map((line) => (
        <LineCard key={`${line.tag}-${line.assetId ?? ""}`} line={line} action={canFix && line.verdict === "unexpected" && line.assetId !== null ? (
          <Checkbox aria-label={t("inventory.report.choose", { tag: line.tag })} checked={chosen.includes(line.assetId)} mt={4}
            onChange={(event) => toggle(line.assetId as number, event.currentTarget.checked)} />
        ) : undefined} />
      ))}
      <LoadMore shown={report.items.length} hasNextPage={report.hasNextPage} isFetchingNextPage={report.isFetchingNextPage} fetchNextPage={report.fetchNextPage} />
    </Stack>
  );
}
