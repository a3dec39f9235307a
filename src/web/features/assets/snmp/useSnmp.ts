import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../shared/api/common.js";
import type {
  CreateSnmpCredentialBody, CreateSnmpRangeBody, PrinterSupplies, PrinterSuppliesItem, SnmpCredential, SnmpRange, SnmpScan, SnmpSettings,
  SnmpSettingsBody,
} from "../../../../shared/api/snmp.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const BASE = "/api/inventory/snmp";
export const CREDENTIALS = `${BASE}/credentials`;
export const RANGES = `${BASE}/ranges`;
export const SCANS = `${BASE}/scans`;
export const PRINTERS = `${BASE}/printers`;
/** The most credentials and ranges shown at once: an organisation has a handful, not hundreds. */
const SETUP_LIMIT = 100;
/** While a scan is queued or running, its progress is read again this often. */
const POLL_MS = 1000;

export function useSnmpCredentials() {
  return useQuery({ queryKey: [CREDENTIALS], queryFn: ({ signal }) => api<Page<SnmpCredential>>(CREDENTIALS, { query: { limit: SETUP_LIMIT }, signal }) });
}

export function useSnmpRanges() {
  return useQuery({ queryKey: [RANGES], queryFn: ({ signal }) => api<Page<SnmpRange>>(RANGES, { query: { limit: SETUP_LIMIT }, signal }) });
}

export const isActive = (scan: Pick<SnmpScan, "status">) => scan.status === "queued" || scan.status === "running";

/** The newest scans, read again every second while one of them is under way. */
export function useSnmpScans() {
  return useQuery({
    queryKey: [SCANS],
    queryFn: ({ signal }) => api<Page<SnmpScan>>(SCANS, { query: { limit: 20 }, signal }),
    refetchInterval: (query) => (query.state.data?.data.some(isActive) ? POLL_MS : false),
  });
}

export function usePrinterSupplyList() {
  return usePagedList<PrinterSuppliesItem>(PRINTERS);
}

export function useSnmpSettings() {
  return useQuery({ queryKey: [`${BASE}/settings`], queryFn: ({ signal }) => api<SnmpSettings>(`${BASE}/settings`, { signal }) });
}

/** Keyed under /api/assets/…, so an edit of the asset refreshes it with the rest of its page. */
export function usePrinterSupplies(assetId: number) {
  return useQuery({
    queryKey: [`/api/assets/${assetId}/printer-supplies`],
    queryFn: ({ signal }) => api<PrinterSupplies>(`/api/assets/${assetId}/printer-supplies`, { signal }),
  });
}

function useInvalidating<A, R>(fn: (arg: A) => Promise<R>, keys: string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(keys.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

export function useCreateSnmpCredential() {
  return useInvalidating((body: CreateSnmpCredentialBody) => api<SnmpCredential>(CREDENTIALS, { method: "POST", body }), [CREDENTIALS]);
}

export function useDeleteSnmpCredential() {
  return useInvalidating((id: number) => api(`${CREDENTIALS}/${id}`, { method: "DELETE" }), [CREDENTIALS, RANGES]);
}

export function useCreateSnmpRange() {
  return useInvalidating((body: CreateSnmpRangeBody) => api<SnmpRange>(RANGES, { method: "POST", body }), [RANGES]);
}

export function useDeleteSnmpRange() {
  return useInvalidating((id: number) => api(`${RANGES}/${id}`, { method: "DELETE" }), [RANGES, SCANS]);
}

export function useStartSnmpScan() {
  return useInvalidating((rangeId: number) => api<SnmpScan>(`${RANGES}/${rangeId}/scans`, { method: "POST" }), [SCANS, RANGES]);
}

/** A new threshold changes which supplies are low: the printers are read again. */
export function useSaveSnmpSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SnmpSettingsBody) => api<SnmpSettings>(`${BASE}/settings`, { method: "PUT", body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData([`${BASE}/settings`], saved);
      await queryClient.invalidateQueries({ queryKey: [PRINTERS] });
    },
  });
}
