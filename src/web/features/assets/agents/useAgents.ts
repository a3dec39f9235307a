import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttachImportResult, ImportDecision, InventoryAgent, InventoryImport } from "../../../../shared/api/inventory-agents.js";
import type { AgentAuth, CreatedAgentLogin, MatchRule, MatchRules } from "../../../../shared/api/inventory-settings.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const RULES = "/api/inventory/match-rules";

export function useInventoryAgents(filters: { stale?: boolean }) {
  return usePagedList<InventoryAgent>("/api/inventory/agents", filters);
}

export function useInventoryImports(filters: { outcome?: "refused"; decision?: ImportDecision; agentId?: number }) {
  return usePagedList<InventoryImport>("/api/inventory/imports", filters);
}

export function useMatchRules() {
  return useQuery({ queryKey: [RULES], queryFn: ({ signal }) => api<MatchRules>(RULES, { signal }) });
}

export function useSaveMatchRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: MatchRule[]) => api<MatchRules>(RULES, { method: "PUT", body: { rules } }),
    onSuccess: (saved) => queryClient.setQueryData([RULES], saved),
  });
}

export function useResetMatchRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<MatchRules>(RULES, { method: "DELETE" }),
    onSuccess: (saved) => queryClient.setQueryData([RULES], saved),
  });
}

const AUTH = "/api/inventory/agent-auth";

export function useAgentAuth(enabled: boolean) {
  return useQuery({ queryKey: [AUTH], enabled, queryFn: ({ signal }) => api<AgentAuth>(AUTH, { signal }) });
}

export function useSetAgentAuthRequired() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (required: boolean) => api<AgentAuth>(AUTH, { method: "PUT", body: { required } }),
    onSuccess: (saved) => queryClient.setQueryData([AUTH], saved),
  });
}

export function useCreateAgentLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { entityId: number; login: string }) => api<CreatedAgentLogin>(`${AUTH}/logins`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [AUTH] }),
  });
}

export function useDeleteAgentLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<AgentAuth>(`${AUTH}/logins/${id}`, { method: "DELETE" }),
    onSuccess: (saved) => queryClient.setQueryData([AUTH], saved),
  });
}

/** A refused inventory stored into the asset a person chose (`assetId`), or into a new one (null). */
export function useAttachImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, assetId }: { entryId: number; assetId: number | null }) =>
      api<AttachImportResult>(`/api/inventory/imports/${entryId}/attach`, { method: "POST", body: { assetId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["/api/inventory/imports"] });
      void queryClient.invalidateQueries({ queryKey: ["/api/assets"] });
    },
  });
}
