import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  AssetChange, AssetInventory, AssetSoftware, ChangeSection, FleetChange, InventoryLocks,
} from "../../../../shared/api/asset-inventory.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";
import { ASSETS, useAssetsChanged } from "../core/useAssets.js";

/** Keyed under /api/assets/…: an assignment or an edit of the asset refreshes the suggestion and the locks. */
export function useAssetInventory(assetId: number) {
  return useQuery({
    queryKey: [`${ASSETS}/${assetId}/inventory`],
    queryFn: ({ signal }) => api<AssetInventory>(`${ASSETS}/${assetId}/inventory`, { signal }),
  });
}

export function useAssetSoftware(assetId: number, q: string | undefined) {
  return usePagedList<AssetSoftware>(`${ASSETS}/${assetId}/software`, { q });
}

export function useAssetChanges(assetId: number) {
  return usePagedList<AssetChange>(`${ASSETS}/${assetId}/changes`);
}

export function useFleetChanges(filters: { section?: ChangeSection; item?: string }) {
  return usePagedList<FleetChange>("/api/inventory/changes", filters);
}

export function useUnlockField(assetId: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (field: string) =>
      api<InventoryLocks>(`${ASSETS}/${assetId}/inventory-locks/${encodeURIComponent(field)}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}
