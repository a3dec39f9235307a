import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Campaign, CampaignReport, CampaignStatus, CreateCampaignBody, FixLocationsBody, InventoryLine, LabelLayout, ReportSection, ScanResult,
} from "../../../../shared/api/inventory.js";
import { ApiError, api } from "../../../api/client.js";
import { flattenPages, usePagedList } from "../../../api/paged.js";

export const CAMPAIGNS_PATH = "/api/inventory/campaigns";
const one = (id: number) => `${CAMPAIGNS_PATH}/${id}`;

export function useCampaigns(status?: CampaignStatus) {
  return usePagedList<Campaign>(CAMPAIGNS_PATH, { status });
}

export function useCampaign(id: number) {
  return useQuery({ queryKey: [one(id)], queryFn: ({ signal }) => api<Campaign>(one(id), { signal }) });
}

export function useScans(id: number) {
  return usePagedList<InventoryLine>(`${one(id)}/scans`, { limit: 20 });
}

/** One section of the report, page after page; the counts of all three come with each page. */
export function useReport(id: number, section: ReportSection) {
  const path = `${one(id)}/report`;
  const result = useInfiniteQuery({
    queryKey: [path, { section }],
    queryFn: ({ pageParam, signal }) => api<CampaignReport>(path, { query: { section, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...result, items: flattenPages(result.data), counts: result.data?.pages[0]?.counts };
}

/** Everything under the campaign's address: its header, scans and report refresh together. */
function useInvalidateCampaign() {
  const queryClient = useQueryClient();
  return (id?: number) => {
    void queryClient.invalidateQueries({ queryKey: [CAMPAIGNS_PATH] });
    if (id === undefined) return;
    for (const path of [one(id), `${one(id)}/scans`, `${one(id)}/report`]) void queryClient.invalidateQueries({ queryKey: [path] });
  };
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => api<Campaign>(CAMPAIGNS_PATH, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useRecordScan(id: number) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (code: string) => api<ScanResult>(`${one(id)}/scans`, { method: "POST", body: { code } }),
    onSuccess: () => invalidate(id),
  });
}

export function useFixLocations(id: number) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (body: FixLocationsBody) => api<{ moved: number }>(`${one(id)}/fix-locations`, { method: "POST", body }),
    onSuccess: () => invalidate(id),
  });
}

export function useCloseCampaign(id: number) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: () => api<Campaign>(`${one(id)}/close`, { method: "POST" }),
    onSuccess: () => invalidate(id),
  });
}

/**
 * Fetches the labels' PDF and hands it to the browser as a download. A POST (the list of ids
 * can be long), so not a plain link; errors come back as the API's JSON.
 */
export async function downloadLabels(assetIds: number[], layout: LabelLayout): Promise<void> {
  let response: Response;
  try {
    response = await fetch("/api/assets/labels", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/pdf, application/json" },
      body: JSON.stringify({ assetIds, layout }),
    });
  } catch {
    throw new ApiError("SERVICE_UNAVAILABLE", 0, "Network error");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: ApiError["code"]; message?: string } };
    throw new ApiError(body.error?.code ?? "INTERNAL", response.status, body.error?.message ?? response.statusText);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "etiquettes.pdf";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
