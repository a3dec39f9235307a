import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AssetKind, AssetKindList, AssetModel, Location, LocationList, Manufacturer, Supplier, SupplierList,
} from "../../../../shared/api/asset-references.js";
import { api } from "../../../api/client.js";

export const KINDS_PATH = "/api/asset-kinds";
export const LOCATIONS_PATH = "/api/locations";
export const MANUFACTURERS_PATH = "/api/manufacturers";
export const MODELS_PATH = "/api/asset-models";
export const SUPPLIERS_PATH = "/api/suppliers";

/** Reference lists change rarely: a minute of staleness saves a request per form opened. */
const STALE = 60_000;

export function useKindList(filters: { includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: [KINDS_PATH, filters],
    queryFn: ({ signal }) => api<AssetKindList>(KINDS_PATH, { query: filters, signal }),
    select: (list): AssetKind[] => list.data,
    staleTime: STALE,
  });
}

/** Whether the caller may change the global catalogue; false until known, so no button shows that the server would refuse. */
export function useCatalogRights(): boolean {
  const query = useQuery({
    queryKey: [KINDS_PATH, { includeInactive: true }],
    queryFn: ({ signal }) => api<AssetKindList>(KINDS_PATH, { query: { includeInactive: true }, signal }),
    select: (list) => list.canManage,
    staleTime: STALE,
  });
  return query.data ?? false;
}

export function useLocationList(filters: { entityId?: number; includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: [LOCATIONS_PATH, filters],
    queryFn: ({ signal }) => api<LocationList>(LOCATIONS_PATH, { query: filters, signal }),
    select: (list): Location[] => list.data,
    staleTime: STALE,
  });
}

export function useManufacturerList() {
  return useQuery({
    queryKey: [MANUFACTURERS_PATH],
    queryFn: ({ signal }) => api<{ data: Manufacturer[] }>(MANUFACTURERS_PATH, { signal }),
    select: (list) => list.data,
    staleTime: STALE,
  });
}

export function useModelList(filters: { kindId?: number; manufacturerId?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: [MODELS_PATH, filters],
    queryFn: ({ signal }) => api<{ data: AssetModel[] }>(MODELS_PATH, { query: filters, signal }),
    select: (list) => list.data,
    staleTime: STALE,
    enabled,
  });
}

export function useSupplierList(filters: { entityId?: number; includeInactive?: boolean; q?: string } = {}) {
  return useQuery({
    queryKey: [SUPPLIERS_PATH, filters],
    queryFn: ({ signal }) => api<SupplierList>(SUPPLIERS_PATH, { query: filters, signal }),
    select: (list): Supplier[] => list.data,
    staleTime: STALE,
  });
}

/** One supplier with its contacts, fresh after each change (its key sits under the list's, so changes refresh it). */
export function useSupplier(id: number | null) {
  return useQuery({
    queryKey: [SUPPLIERS_PATH, "one", id],
    queryFn: ({ signal }) => api<Supplier>(`${SUPPLIERS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

type Method = "POST" | "PATCH" | "PUT" | "DELETE";

/** One mutation against a reference list; on success every list under `invalidate` is fetched again. */
export function useReferenceMutation<Vars, Result = unknown>(invalidate: string[], request: (vars: Vars) => { path: string; method: Method; body?: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: Vars) => {
      const { path, method, body } = request(vars);
      return api<Result>(path, { method, body });
    },
    onSuccess: () => {
      for (const key of invalidate) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** Lower case without accents, so "ecran" finds "Écran". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/** The ids of a location and of everything below it (the list is in tree order): where it cannot move. */
export function branchIds(locations: Location[], id: number): Set<number> {
  const ids = new Set([id]);
  for (const location of locations) {
    if (location.parentId !== null && ids.has(location.parentId)) ids.add(location.id);
  }
  return ids;
}
