import { Group, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { ReportPanel } from "./ReportPanel.js";
import { ScanList } from "./ScanList.js";
import { ScanPanel } from "./ScanPanel.js";
import { CampaignStatusBadge, InventoryErrorAlert } from "./inventory-ui.js";
import { useCampaign, useCloseCampaign } from "./useInventory.js";

/** A campaign on the technician's phone: scan, watch the list grow, read the report, file, close. */
export function CampaignPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const id = Number(useParams().campaignId);
  const campaign = useCampaign(id);
  const close = useCloseCampaign(id);
  const mayWrite = can(me, "asset.write");
  if (campaign.isPending) return <Skeleton h={240} />;
  if (!campaign.data) return <InventoryErrorAlert error={campaign.error} />;
  const c = campaign.data;
  const isOpen = c.status === "open";

  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        crumbs={[{ label: t("inventory.title"), to: "/inventory" }]}
        title={c.name}
        description={
          <Group gap="xs" component="span">
            <CampaignStatusBadge status={c.status} />
            <Text span size="sm">{c.locationName} · {c.entityName}</Text>
          </Group>
        }
        actions={isOpen && mayWrite && (
          <ConfirmButton label={t("inventory.close")} title={t("inventory.closeTitle")} message={t("inventory.closeMessage")}
            confirmLabel={t("inventory.close")} onConfirm={() => close.mutateAsync()} loading={close.isPending} error={close.error}
            onOpen={() => close.reset()} buttonProps={{ variant: "default" }} />
        )}
      />
      <Text size="sm" c="dimmed">
        {isOpen
          ? t("inventory.openedBy", { date: format.dateTime(c.createdAt), name: c.createdByName ?? "—" })
          : t("inventory.closedOn", { date: format.dateTime(c.closedAt) })}
      </Text>
      {isOpen && mayWrite && <ScanPanel campaignId={c.id} />}
      <Tabs defaultValue={isOpen ? "scans" : "report"} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="scans">{t("inventory.tabs.scans", { count: c.scanCount })}</Tabs.Tab>
          <Tabs.Tab value="report">{t("inventory.tabs.report")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scans" pt="sm"><ScanList campaignId={c.id} /></Tabs.Panel>
        <Tabs.Panel value="report" pt="sm"><ReportPanel campaign={c} mayWrite={mayWrite} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
