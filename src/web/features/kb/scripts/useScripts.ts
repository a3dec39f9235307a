import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../shared/api/common.js";
import type {
  GraphIssue, SaveScriptBody, Script, ScriptRun, ScriptStats, ScriptSummary, ScriptVersion,
} from "../../../../shared/api/kb-scripts.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/kb/scripts";
const RUNS = "/api/kb/script-runs";

export function useScriptList(filters: { q?: string; language?: string; portal?: boolean } = {}) {
  return usePagedList<ScriptSummary>(PATH, { ...filters, portal: filters.portal ? "true" : undefined, limit: 50 });
}

/** Every script the caller may run, for a picker (at most 100, by name). */
export function useScriptChoices(enabled = true) {
  return useQuery({
    queryKey: [PATH, "choices"],
    queryFn: ({ signal }) => api<Page<ScriptSummary>>(PATH, { query: { limit: 100 }, signal }),
    enabled,
  });
}

export function useScript(id: number | undefined) {
  return useQuery({
    queryKey: [PATH, id],
    queryFn: ({ signal }) => api<Script>(`${PATH}/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useScriptVersions(id: number | undefined) {
  return useQuery({
    queryKey: [PATH, id, "versions"],
    queryFn: ({ signal }) => api<{ data: Omit<ScriptVersion, "graph">[] }>(`${PATH}/${id}/versions`, { signal }),
    enabled: id !== undefined,
  });
}

export function useScriptVersion(id: number | undefined, version: number | null) {
  return useQuery({
    queryKey: [PATH, id, "versions", version],
    queryFn: ({ signal }) => api<ScriptVersion>(`${PATH}/${id}/versions/${version}`, { signal }),
    enabled: id !== undefined && version !== null,
  });
}

/** The last `days` days, counted when the query runs. */
export function useScriptStats(id: number | undefined, days: number) {
  return useQuery({
    queryKey: [PATH, id, "stats", days],
    queryFn: ({ signal }) => api<ScriptStats>(`${PATH}/${id}/stats`, {
      query: { from: new Date(Date.now() - days * 86_400_000).toISOString() }, signal }),
    enabled: id !== undefined,
  });
}

export function useSaveScript(id: number | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveScriptBody) =>
      api<Script>(id === undefined ? PATH : `${PATH}/${id}`, { method: id === undefined ? "POST" : "PUT", body }),
    onSuccess: (saved) => {
      queryClient.setQueryData([PATH, saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [PATH] });
    },
  });
}

export function useCheckScript() {
  return useMutation({ mutationFn: (body: SaveScriptBody) => api<{ issues: GraphIssue[] }>(`${PATH}/validate`, { method: "POST", body }) });
}

export function useLoadStarter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ created: number; skipped: number }>(`${PATH}/starter`, { method: "POST" }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

type RunAction = { runId: number; action: "answer" | "back" | "apply" | "finish" | "abandon"; body?: object };

/** Every step of a run goes through the server, which keeps the path; the answer is the run as it now stands. */
export function useRunAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, action, body }: RunAction) => api<ScriptRun>(`${RUNS}/${runId}/${action}`, { method: "POST", body: body ?? {} }),
    onSuccess: (run, { action }) => {
      if (action !== "apply" || run.ticketId === null) return;
      void queryClient.invalidateQueries({ queryKey: ["/api/tickets"] });
      void queryClient.invalidateQueries({ queryKey: [`/api/tickets/${run.ticketId}/followups`] });
    },
  });
}

export function useStartRun() {
  return useMutation({
    mutationFn: (body: { scriptId: number; ticketId?: number }) => api<ScriptRun>(RUNS, { method: "POST", body }),
  });
}

/** Call intake: the run started before the ticket existed is attached to it and applied. */
export function applyRunTo(runId: number, ticketId: number) {
  return api<ScriptRun>(`${RUNS}/${runId}/apply`, { method: "POST", body: { ticketId } });
}
