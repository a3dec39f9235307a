import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AssetHealth, HealthItem, HealthSettings, HealthSettingsBody, HealthSignal, HealthSummary,
} from "../../../../shared/api/inventory-health.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const HEALTH = "/api/inventory/health";
const SETTINGS = `${HEALTH}/settings`;

export function useHealthSummary() {
  return useQuery({ queryKey: [HEALTH, "summary"], queryFn: ({ signal }) => api<HealthSummary>(`${HEALTH}/summary`, { signal }) });
}

export function useHealthList(signal: HealthSignal) {
  return usePagedList<HealthItem>(HEALTH, { signal });
}

export function useHealthSettings() {
  return useQuery({ queryKey: [SETTINGS], queryFn: ({ signal }) => api<HealthSettings>(SETTINGS, { signal }) });
}

/** New thresholds change every list and count: they are all fetched again. */
export function useSaveHealthSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HealthSettingsBody) => api<HealthSettings>(SETTINGS, { method: "PUT", body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData([SETTINGS], saved);
      await queryClient.invalidateQueries({ queryKey: [HEALTH] });
    },
  });
}

/** Keyed under /api/assets/…, so an edit of the asset refreshes it with the rest of its page. */
export function useAssetHealth(assetId: number) {
  return useQuery({
    queryKey: [`/api/assets/${assetId}/health`],
    queryFn: ({ signal }) => api<AssetHealth>(`/api/assets/${assetId}/health`, { signal }),
  });
}
