import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Asset,
  AssetEvent,
  AssetOperationBody,
  AssetSummary,
  AssetTicketSchema,
  BulkAssetBody,
  CreateAssetBody,
  UpdateAssetBody,
} from "../../../../shared/api/assets.js";
import type { z } from "zod";
import { type QueryValue, api, buildUrl } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

export const ASSETS = "/api/assets";
export type AssetTicket = z.infer<typeof AssetTicketSchema>;

/** The fleet list with its filters; the key starts with /api/assets so every change refreshes it. */
export function useAssetList(query: Record<string, QueryValue>, enabled = true) {
  return usePagedList<AssetSummary>(ASSETS, query, enabled);
}

export function useAsset(id: number) {
  return useQuery({
    queryKey: [`${ASSETS}/${id}`],
    queryFn: ({ signal }) => api<Asset>(`${ASSETS}/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAssetEvents(id: number) {
  return usePagedList<AssetEvent>(`${ASSETS}/${id}/events`);
}

export function useAssetTickets(id: number) {
  return usePagedList<AssetTicket>(`${ASSETS}/${id}/tickets`);
}

export function useMovements(query: Record<string, QueryValue>) {
  return usePagedList<AssetEvent>("/api/asset-movements", query);
}

/** After any write every asset query is stale: lists, pages, timelines, the ticket panels. */
export function useAssetsChanged() {
  const queryClient = useQueryClient();
  return () =>
    void queryClient.invalidateQueries({
      predicate: (q) => {
        const key = q.queryKey[0];
        if (typeof key !== "string") return false;
        return key.startsWith(ASSETS) || key.startsWith("/api/asset-movements") || key.endsWith("/assets") || key === "/api/history";
      },
    });
}

export function useCreateAsset() {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (body: CreateAssetBody) => api<Asset>(ASSETS, { method: "POST", body }),
    onSuccess: changed,
  });
}

export function useUpdateAsset(id: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (body: UpdateAssetBody) => api<Asset>(`${ASSETS}/${id}`, { method: "PATCH", body }),
    onSuccess: changed,
  });
}

export function useAssetOperation(id: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (body: AssetOperationBody) => api<Asset>(`${ASSETS}/${id}/operations`, { method: "POST", body }),
    onSuccess: changed,
  });
}

export function useBulkAssets() {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (body: BulkAssetBody) => api<{ updated: number }>(`${ASSETS}/bulk`, { method: "POST", body }),
    onSettled: changed,
  });
}

export function useTicketAssets(ticketId: number) {
  return useQuery({
    queryKey: [`/api/tickets/${ticketId}/assets`],
    queryFn: ({ signal }) => api<{ data: AssetSummary[] }>(`/api/tickets/${ticketId}/assets`, { signal }),
    select: (list) => list.data,
  });
}

export function useLinkAssets(ticketId: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (assetIds: number[]) => api<unknown>(`/api/tickets/${ticketId}/assets`, { method: "POST", body: { assetIds } }),
    onSuccess: changed,
  });
}

export function useUnlinkAsset(ticketId: number) {
  const changed = useAssetsChanged();
  return useMutation({
    mutationFn: (assetId: number) => api<void>(`/api/tickets/${ticketId}/assets/${assetId}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}

/** The export is a plain download: the browser sends the session cookie with the link. */
export function exportUrl(query: Record<string, QueryValue>, format: "csv" | "xlsx", lang: string): string {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  return buildUrl(`${ASSETS}/export`, { ...filters, format, lang: lang.startsWith("en") ? "en" : "fr" });
}
