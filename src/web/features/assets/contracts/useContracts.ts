import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AssetContractList, Contract, ContractAssetsResult, CoveredAsset, CreateContractBody, FleetAlert, FleetAlertKind, UpdateContractBody,
} from "../../../../shared/api/contracts.js";
import type { ContractType } from "../../../../shared/domain/assets.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/contracts";

export type ContractFilters = {
  entityId?: number;
  contractType?: ContractType;
  supplierId?: number;
  endingBefore?: string;
  noticeBefore?: string;
  q?: string;
  sort?: "end_date" | "name";
};

export function useContractList(filters: ContractFilters) {
  return usePagedList<Contract>(PATH, filters);
}

export function useContract(id: number) {
  return useQuery({ queryKey: [PATH, id], queryFn: ({ signal }) => api<Contract>(`${PATH}/${id}`, { signal }) });
}

export function useCoveredAssets(contractId: number) {
  return usePagedList<CoveredAsset>(`${PATH}/${contractId}/assets`, { limit: 50 });
}

export function useAssetContracts(assetId: number) {
  return useQuery({
    queryKey: ["/api/assets", assetId, "contracts"],
    queryFn: ({ signal }) => api<AssetContractList>(`/api/assets/${assetId}/contracts`, { signal }),
    select: (list) => list.data,
  });
}

export function useFleetAlerts(filters: { days: number; kind?: FleetAlertKind; entityId?: number }) {
  return usePagedList<FleetAlert>("/api/fleet/alerts", filters);
}

/** What the asset search (GET /api/assets?q=…) gives: enough to pick the right one. */
export type AssetChoice = { id: number; assetTag: string; name: string; kindName: string; status: string; locationName: string | null };

export function useAssetSearch(q: string, entityId: number) {
  return useQuery({
    queryKey: ["/api/assets", { q, entityId, limit: 20 }],
    queryFn: ({ signal }) => api<{ data: AssetChoice[] }>("/api/assets", { query: { q, entityId, limit: 20 }, signal }),
    select: (page) => page.data,
    enabled: q.length > 0,
    staleTime: 30_000,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (id?: number) => {
    void queryClient.invalidateQueries({ queryKey: [PATH] });
    void queryClient.invalidateQueries({ queryKey: ["/api/fleet/alerts"] });
    if (id !== undefined) {
      void queryClient.invalidateQueries({ queryKey: [`${PATH}/${id}/assets`] });
      void queryClient.invalidateQueries({ queryKey: ["/api/history", "contract", id] });
      void queryClient.invalidateQueries({ queryKey: ["/api/assets"] });
    }
  };
}

export function useCreateContract() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateContractBody) => api<Contract>(PATH, { method: "POST", body }),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateContract() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateContractBody }) => api<Contract>(`${PATH}/${id}`, { method: "PATCH", body }),
    onSuccess: (contract) => invalidate(contract.id),
  });
}

export function useDeleteContract() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => invalidate(),
  });
}

/** Adds (or, with `remove`, takes off) assets of a contract. */
export function useContractAssets(contractId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ assetIds, remove }: { assetIds: number[]; remove?: boolean }) =>
      api<ContractAssetsResult>(`${PATH}/${contractId}/assets${remove ? "/remove" : ""}`, { method: "POST", body: { assetIds } }),
    onSuccess: () => invalidate(contractId),
  });
}
