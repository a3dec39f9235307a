import { Alert, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AssetInventory, InventorySnapshot } from "../../../../shared/api/asset-inventory.js";
import type { Asset } from "../../../../shared/api/assets.js";
import { useFormat } from "../../../i18n/format.js";
import type { frAssetInventory } from "../../../i18n/fr/asset-inventory.js";
import { FieldGrid } from "../core/AssetOverview.js";
import { allowedOperations } from "../core/OperationModal.js";
import { assetErrorText } from "../core/asset-ui.js";
import { useAssetOperation } from "../core/useAssets.js";
import { gbText } from "./inventory-format.js";

/** From this share of a volume used, the disk is almost full: the figure turns red. */
export const VOLUME_WARNING_PCT = 90;

function FullestVolume({ pct }: { pct: number | null }) {
  const { t } = useTranslation();
  if (pct === null) return null;
  const full = pct >= VOLUME_WARNING_PCT;
  return (
    <Badge variant="light" color={full ? "red" : "green"} data-testid="fullest-volume">
      {t(full ? "assetInventory.summary.fullestVolumeFull" : "assetInventory.summary.fullestVolumeValue", { pct })}
    </Badge>
  );
}

function Antivirus({ products }: { products: InventorySnapshot["details"]["antivirus"] }) {
  const { t } = useTranslation();
  if (products.length === 0) return <Text span size="sm" c="dimmed">{t("assetInventory.antivirusState.none")}</Text>;
  return (
    <Stack gap={4}>
      {products.map((product, index) => (
        <Group key={`${product.name}-${index}`} gap={6} wrap="wrap">
          <span>{product.name ?? "—"}</span>
          {product.isEnabled !== null && (
            <Badge size="sm" variant="light" color={product.isEnabled ? "green" : "red"}>
              {t(product.isEnabled ? "assetInventory.antivirusState.enabled" : "assetInventory.antivirusState.disabled")}
            </Badge>
          )}
          {product.isUpToDate !== null && (
            <Badge size="sm" variant="light" color={product.isUpToDate ? "green" : "orange"}>
              {t(product.isUpToDate ? "assetInventory.antivirusState.upToDate" : "assetInventory.antivirusState.outdated")}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** What a technician looks at first: which agent, how recent, and the machine in a few figures. */
export function InventorySummary({ inventory }: { inventory: InventorySnapshot }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const d = inventory.details;
  const s = (key: keyof typeof frAssetInventory.assetInventory.summary) => t(`assetInventory.summary.${key}`);
  const os = [inventory.os.name ?? d.os?.fullName, inventory.os.version, inventory.os.arch].filter(Boolean).join(" · ");
  const cpus = d.cpus.map((cpu) => cpu.name).filter(Boolean);
  const items: [string, ReactNode][] = [
    [s("agent"), inventory.agent.name && <>{inventory.agent.name} <Text span c="dimmed" size="sm">{inventory.agent.version}</Text></>],
    [s("lastInventory"), <time dateTime={inventory.receivedAt}>{format.dateTime(inventory.receivedAt)}</time>],
    [s("firstInventory"), <time dateTime={inventory.firstReceivedAt}>{format.dateTime(inventory.firstReceivedAt)}</time>],
    [s("hostname"), inventory.hostname && <span className="mono">{inventory.hostname}</span>],
    [s("os"), os],
    [s("cpu"), cpus.length > 1 ? `${cpus.length} × ${cpus[0]}` : cpus[0]],
    [s("memory"), inventory.memoryMb !== null && gbText(inventory.memoryMb, i18n.language, t)],
    [s("disks"), d.disks.flatMap((disk) => (disk.sizeMb ? [gbText(disk.sizeMb, i18n.language, t)] : [])).join(" + ")],
    [s("fullestVolume"), <FullestVolume pct={inventory.fullestVolumePct} />],
    [s("antivirus"), <Antivirus products={d.antivirus} />],
    [s("lastUser"), inventory.lastUser && <span className="mono">{inventory.lastUser}</span>],
    [s("software"), format.number(inventory.softwareCount)],
    [s("model"), [d.bios.manufacturer, d.bios.model].filter(Boolean).join(" ")],
    [s("serial"), d.bios.serial && <span className="mono">{d.bios.serial}</span>],
  ];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t("assetInventory.summary.title")}>
      <FieldGrid items={items} />
    </Paper>
  );
}

/** The last logged-in user is a known person: one click assigns the asset to them, when its status allows it. */
export function SuggestedUser({ asset, suggestion, mayWrite }: { asset: Asset; suggestion: NonNullable<AssetInventory["suggestedUser"]>; mayWrite: boolean }) {
  const { t } = useTranslation();
  const operation = useAssetOperation(asset.id);
  const mayAssign = mayWrite && allowedOperations(asset).includes("assign");
  const assign = () => operation.mutate({ type: "assign", userId: suggestion.id, version: asset.version }, {
    onSuccess: () => notifications.show({ color: "green", message: t("assetInventory.suggestion.assigned", { name: suggestion.name }) }),
  });
  return (
    <Alert color="blue" variant="light" py="xs">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{t("assetInventory.suggestion.text", { login: suggestion.login, name: suggestion.name })}</Text>
        {mayAssign && (
          <Button size="xs" onClick={assign} loading={operation.isPending}>
            {t("assetInventory.suggestion.assign", { name: suggestion.name })}
          </Button>
        )}
      </Group>
      {operation.error ? <Text size="sm" c="red" role="alert" mt={4}>{assetErrorText(operation.error, t)}</Text> : null}
    </Alert>
  );
}
