import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ImportDecision, InventoryAgent, InventoryImport } from "../../../../shared/api/inventory-agents.js";
import type { MatchRule, MatchRules } from "../../../../shared/api/inventory-settings.js";
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
