import { Anchor, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CampaignStatus } from "../../../../shared/api/inventory.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { NewCampaignModal } from "./NewCampaignModal.js";
import { CampaignStatusBadge, InventoryErrorAlert } from "./inventory-ui.js";
import { useCampaigns } from "./useInventory.js";

/** The physical inventory campaigns, newest first, as cards that stay readable on a phone. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [status, setStatus] = useState<CampaignStatus | "all">("open");
  const [creating, creator] = useDisclosure(false);
  const list = useCampaigns(status === "all" ? undefined : status);

  return (
    <Stack gap="sm" maw={900}>
      <PageHeader title={t("inventory.title")} description={t("inventory.description")}
        actions={can(me, "asset.write") && <Button onClick={creator.open}>{t("inventory.new")}</Button>} />
      <SegmentedControl value={status} onChange={(value) => setStatus(value as CampaignStatus | "all")} aria-label={t("inventory.statusFilter")}
        data={[{ value: "open", label: t("inventory.statuses.open") }, { value: "closed", label: t("inventory.statuses.closed") },
          { value: "all", label: t("common.all") }]} style={{ alignSelf: "flex-start" }} />
      <InventoryErrorAlert error={list.error} />
      {list.isPending && <Skeleton h={160} />}
      {!list.isPending && list.items.length === 0 && !list.isError && (
        <Text c="dimmed" ta="center" py="xl">{t("inventory.empty")}</Text>
      )}
      {list.items.map((c) => (
        <Paper key={c.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/inventory/${c.id}`} fw={700}>{c.name}</Anchor>
              <Text size="sm">{c.locationName}</Text>
              <Text size="xs" c="dimmed">
                {c.entityName} · {t("inventory.scanCount", { count: c.scanCount, value: format.number(c.scanCount) })} · {format.date(c.createdAt)}
              </Text>
            </div>
            <CampaignStatusBadge status={c.status} />
          </Group>
        </Paper>
      ))}
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
      {creating && <NewCampaignModal opened onClose={creator.close} />}
    </Stack>
  );
}
