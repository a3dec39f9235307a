import { Alert, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Asset } from "../../../../shared/api/assets.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { AssetChangeList } from "./AssetChangeList.js";
import { AssetSoftwareList } from "./AssetSoftwareList.js";
import { HardwareTables } from "./HardwareTables.js";
import { InventoryLocks } from "./InventoryLocks.js";
import { InventorySummary, SuggestedUser } from "./InventorySummary.js";
import { useAssetInventory } from "./useAssetInventory.js";

/**
 * What the agents' inventories say of the asset: the summary first (what a technician on the
 * phone needs) and what changed lately, then the hardware in detail, the locked fields, and the
 * software, the longest list, last.
 */
export function AssetInventoryTab({ asset, mayWrite }: { asset: Asset; mayWrite: boolean }) {
  const { t } = useTranslation();
  const query = useAssetInventory(asset.id);
  if (query.isPending) return <Skeleton h={240} />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const { inventory, locks, suggestedUser } = query.data;
  if (!inventory) {
    return (
      <Stack gap="md">
        <Alert color="gray" variant="light" title={t("assetInventory.never")}>
          <Text size="sm">{t("assetInventory.neverHint")}</Text>
        </Alert>
        <InventoryLocks assetId={asset.id} locks={locks} mayWrite={mayWrite} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {suggestedUser && <SuggestedUser asset={asset} suggestion={suggestedUser} mayWrite={mayWrite} />}
      <InventorySummary inventory={inventory} />
      <AssetChangeList assetId={asset.id} />
      <HardwareTables details={inventory.details} />
      <InventoryLocks assetId={asset.id} locks={locks} mayWrite={mayWrite} />
      <AssetSoftwareList assetId={asset.id} />
    </Stack>
  );
}
