import { Alert, Button, Group, Skeleton, Tabs, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Asset } from "../../../../shared/api/assets.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { RecordError } from "../../../components/StatusPages.js";
import { can } from "../../../lib/permissions.js";
import { useTabParam } from "../../../lib/useTabParam.js";
import { useMe } from "../../auth/useAuth.js";
import { AssetConnectionsPanel } from "../connections/AssetConnectionsPanel.js";
import { AssetHealthBadges } from "../health/AssetHealthBadges.js";
import { AssetInventoryTab } from "../inventory-tab/AssetInventoryTab.js";
import { PrinterSuppliesPanel } from "../snmp/PrinterSuppliesPanel.js";
import { useKindName } from "../references/kind-name.js";
import { AssetFinancial } from "./AssetFinancial.js";
import { AssetOverview } from "./AssetOverview.js";
import { AssetHistoryTab } from "./AssetTimeline.js";
import { AssetTicketsTab } from "./AssetTicketsTab.js";
import { PrintLabels } from "./external.js";
import { AssetStatusBadge, formatDay } from "./asset-ui.js";
import { type OperationType, OperationModal, allowedOperations } from "./OperationModal.js";
import { useAsset } from "./useAssets.js";

const TABS = ["overview", "inventory", "financial", "tickets", "history"] as const;

/** The operations the status allows, as buttons that wrap on a phone. */
function AssetActions({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OperationType | null>(null);
  const ops = allowedOperations(asset);
  if (ops.length === 0) return null;
  return (
    <>
      <Group gap="xs" wrap="wrap" role="group" aria-label={t("assets.ops.title")}>
        {ops.map((op, index) => (
          <Button key={op} size="xs" variant={index === 0 ? "filled" : op === "dispose" ? "light" : "default"}
            color={op === "dispose" ? "red" : undefined} onClick={() => setOpen(op)}>
            {op === "assign" && asset.userId !== null ? t("assets.ops.reassign") : t(`assets.ops.${op}`)}
          </Button>
        ))}
      </Group>
      {open && <OperationModal key={`${open}-${asset.version}`} asset={asset} type={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function Notices({ asset }: { asset: Asset }) {
  const { t, i18n } = useTranslation();
  if (asset.status === "disposed") {
    return (
      <Alert color="gray" variant="light" mb="md" py="xs">
        {t("assets.disposedNotice", { date: formatDay(asset.disposedAt, i18n.language), recycler: asset.recycler ?? "—",
          certificate: asset.disposalCertificate ?? "—" })}
      </Alert>
    );
  }
  if (asset.status === "loaned" && asset.loanDueAt) {
    const late = asset.loanDueAt < new Date().toISOString().slice(0, 10);
    return (
      <Alert color={late ? "red" : "cyan"} variant="light" mb="md" py="xs">
        {t(late ? "assets.loanLate" : "assets.loanedNotice", { date: formatDay(asset.loanDueAt, i18n.language) })}
      </Alert>
    );
  }
  return null;
}

/**
 * One asset: who has it, where, in what state, what it cost and what happened to it. The QR label
 * points here, so it must read well on a phone: the header wraps, the tabs scroll.
 */
export function AssetPage() {
  const { t } = useTranslation();
  const me = useMe();
  const kindName = useKindName();
  const id = Number(useParams().id);
  const [tab, setTab] = useTabParam(TABS);
  const query = useAsset(id);

  if (query.isPending) return <Skeleton h={300} />;
  if (query.isError) return <RecordError error={query.error} />;
  const asset = query.data;
  const mayWrite = can(me, "asset.write") && asset.status !== "disposed";

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("assets.title"), to: "/assets" }]}
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <Text span c="dimmed" fz="inherit" fw="inherit" className="mono">{asset.assetTag}</Text>
            {asset.name}
          </Group>
        }
        description={
          <Group gap="xs" component="span" mt={4} wrap="wrap">
            <AssetStatusBadge status={asset.status} size="md" />
            <AssetHealthBadges assetId={asset.id} />
            <Text span size="sm" c="dimmed">
              {kindName({ code: asset.kindCode, name: asset.kindName })} · {asset.entityName}
              {asset.userName ? ` · ${asset.userName}` : ""}
              {asset.locationName ? ` · ${asset.locationName}` : ""}
            </Text>
          </Group>
        }
        actions={
          <Group gap="xs" wrap="wrap">
            {mayWrite && <AssetActions asset={asset} />}
            <PrintLabels assetIds={[asset.id]} />
          </Group>
        }
      />
      <Notices asset={asset} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <div className="table-scroll">
          <Tabs.List mb="md" style={{ flexWrap: "nowrap", overflowX: "auto", overflowY: "hidden" }}>
            {TABS.map((value) => (
              <Tabs.Tab key={value} value={value} className="nowrap">{value === "inventory" ? t("assetInventory.tab") : t(`assets.tabs.${value}`)}</Tabs.Tab>
            ))}
          </Tabs.List>
        </div>
        <Tabs.Panel value="overview">
          {asset.kindCode === "printer" && <PrinterSuppliesPanel assetId={asset.id} />}
          <AssetOverview asset={asset} mayWrite={mayWrite} />
          <AssetConnectionsPanel asset={asset} mayWrite={mayWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="inventory"><AssetInventoryTab asset={asset} mayWrite={mayWrite} /></Tabs.Panel>
        <Tabs.Panel value="financial"><AssetFinancial asset={asset} /></Tabs.Panel>
        <Tabs.Panel value="tickets"><AssetTicketsTab asset={asset} /></Tabs.Panel>
        <Tabs.Panel value="history"><AssetHistoryTab asset={asset} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
