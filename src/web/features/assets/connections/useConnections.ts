import { useMutation, useQuery } from "@tanstack/react-query";
import type { AssetConnection } from "../../../../shared/api/asset-connections.js";
import type { Page } from "../../../../shared/api/common.js";
import { api } from "../../../api/client.js";
import { useAssetsChanged } from "../core/useAssets.js";

/** A computer has a few devices: one page of 100 shows them all. */
const LIMIT = 100;

export function useAssetConnections(assetId: number, enabled = true) {
  const url = `/api/assets/${assetId}/connections`;
  return useQuery({
    queryKey: [url, LIMIT],
    queryFn: ({ signal }) => api<Page<AssetConnection>>(url, { signal, query: { limit: LIMIT } }),
    select: (page) => page.data,
    enabled,
  });
}

/** Both assets' pages and histories change: every asset query is refreshed. */
export function useConnectDevice(assetId: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (deviceId: number) => api<AssetConnection>(`/api/assets/${assetId}/connections`, { method: "POST", body: { deviceId } }),
    onSuccess: changed,
  });
}

export function useDisconnectDevice(assetId: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (connectionId: number) => api<unknown>(`/api/assets/${assetId}/connections/${connectionId}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}
