import type { InventoryAgent, InventoryImport } from "../../../../shared/api/inventory-agents.js";
import { usePagedList } from "../../../api/paged.js";

export function useInventoryAgents(filters: { stale?: boolean }) {
  return usePagedList<InventoryAgent>("/api/inventory/agents", filters);
}

export function useInventoryImports(filters: { outcome?: "refused"; agentId?: number }) {
  return usePagedList<InventoryImport>("/api/inventory/imports", filters);
}
