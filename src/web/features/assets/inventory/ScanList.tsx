import { Group, Paper, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InventoryLine } from "../../../../shared/api/inventory.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { InventoryErrorAlert, VerdictBadge } from "./inventory-ui.js";
import { useScans } from "./useInventory.js";

/** One scanned label or asset, as a card that reads well on a phone. */
export function LineCard({ line, action }: { line: InventoryLine; action?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="xs" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          {action}
          <div style={{ minWidth: 0 }}>
            {line.assetId !== null ? (
              <Text fw={700} component={Link} to={`/assets/${line.assetId}`} style={{ wordBreak: "break-all" }}>{line.tag}</Text>
            ) : (
              <Text fw={700} style={{ wordBreak: "break-all" }}>{line.tag}</Text>
            )}
            <Text size="sm" lineClamp={2}>{line.name ?? t("inventory.scan.unknownHint")}</Text>
            {line.assetId !== null && (
              <Text size="xs" c="dimmed">{line.locationName ?? t("inventory.noLocation")}</Text>
            )}
            {line.scannedAt && (
              <Text size="xs" c="dimmed">{t("inventory.scannedBy", { date: format.dateTime(line.scannedAt), name: line.scannedByName ?? "—" })}</Text>
            )}
          </div>
        </Group>
        <VerdictBadge verdict={line.verdict} />
      </Group>
    </Paper>
  );
}

/** The running list of what was scanned, latest first. */
export function ScanList({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const scans = useScans(campaignId);
  return (
    <Stack gap="xs">
      <InventoryErrorAlert error={scans.error} />
      {!scans.isPending && scans.items.length === 0 && <Text c="dimmed" ta="center" py="md">{t("inventory.scan.none")}</Text>}
      {scans.items.map((line) => <LineCard key={line.tag} line={line} />)}
      <LoadMore shown={scans.items.length} hasNextPage={scans.hasNextPage} isFetchingNextPage={scans.isFetchingNextPage} fetchNextPage={scans.fetchNextPage} />
    </Stack>
  );
}
