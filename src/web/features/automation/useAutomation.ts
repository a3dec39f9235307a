import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Canned, CannedBody, CreateRuleBody, Recurring, RecurringBody, Rule, RuleTestBody, RuleTestResult, Template, TemplateBody, UpdateRuleBody,
} from "../../../shared/api/automation.js";
import { api } from "../../api/client.js";

export const RULES = "/api/automation/rules";
export const TEMPLATES = "/api/automation/templates";
export const CANNED = "/api/automation/canned-responses";
export const RECURRING = "/api/automation/recurring";

export function useRules() {
  return useQuery({ queryKey: [RULES], queryFn: ({ signal }) => api<{ data: Rule[] }>(RULES, { signal }), select: (r) => r.data });
}

/** Every change to one of the lists refreshes that list. */
function useListMutation<V, R>(path: string, fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: async () => {
    await client.invalidateQueries({ queryKey: [path] });
    // A rule's change is in its history now.
    if (path === RULES) await client.invalidateQueries({ queryKey: ["/api/history"] });
  } });
}

export type RuleSave = { id?: number; body: CreateRuleBody | UpdateRuleBody };

export function useSaveRule() {
  return useListMutation(RULES, ({ id, body }: RuleSave) =>
    id ? api<Rule>(`${RULES}/${id}`, { method: "PUT", body }) : api<Rule>(RULES, { method: "POST", body }));
}

export function useRuleCommand() {
  return useListMutation(RULES, (cmd: { id: number } & ({ kind: "active"; isActive: boolean; version: number } | { kind: "move"; direction: "up" | "down" } | { kind: "delete" })) => {
    if (cmd.kind === "active") return api(`${RULES}/${cmd.id}/active`, { method: "POST", body: { isActive: cmd.isActive, version: cmd.version } });
    if (cmd.kind === "move") return api(`${RULES}/${cmd.id}/move`, { method: "POST", body: { direction: cmd.direction } });
    return api(`${RULES}/${cmd.id}`, { method: "DELETE" });
  });
}

export function useTestRule() {
  return useMutation({ mutationFn: (body: RuleTestBody) => api<RuleTestResult>(`${RULES}/test`, { method: "POST", body }) });
}

/** Without an entity: the templates the caller manages; with one, those usable there. */
export function useTemplates(filters: { entityId?: number; categoryId?: number; usable?: boolean } = {}, enabled = true) {
  return useQuery({ queryKey: [TEMPLATES, filters], queryFn: ({ signal }) => api<{ data: Template[] }>(TEMPLATES, { query: filters, signal }),
    select: (r) => r.data, enabled });
}

export function useSaveTemplate() {
  return useListMutation(TEMPLATES, ({ id, body }: { id?: number; body: TemplateBody }) =>
    id ? api<Template>(`${TEMPLATES}/${id}`, { method: "PUT", body }) : api<Template>(TEMPLATES, { method: "POST", body }));
}

export function useDeleteTemplate() {
  return useListMutation(TEMPLATES, (id: number) => api(`${TEMPLATES}/${id}`, { method: "DELETE" }));
}

export function useCannedList(ticketId?: number, enabled = true) {
  return useQuery({ queryKey: [CANNED, { ticketId }], queryFn: ({ signal }) => api<{ data: Canned[] }>(CANNED, { query: { ticketId }, signal }),
    select: (r) => r.data, enabled });
}

export function useSaveCanned() {
  return useListMutation(CANNED, ({ id, body }: { id?: number; body: CannedBody }) =>
    id ? api<Canned>(`${CANNED}/${id}`, { method: "PUT", body }) : api<Canned>(CANNED, { method: "POST", body }));
}

export function useDeleteCanned() {
  return useListMutation(CANNED, (id: number) => api(`${CANNED}/${id}`, { method: "DELETE" }));
}

export function useRenderCanned() {
  return useMutation({ mutationFn: ({ id, ticketId }: { id: number; ticketId: number }) =>
    api<{ content: string }>(`${CANNED}/${id}/render`, { method: "POST", body: { ticketId } }) });
}

export function useRecurringList() {
  return useQuery({ queryKey: [RECURRING], queryFn: ({ signal }) => api<{ data: Recurring[] }>(RECURRING, { signal }), select: (r) => r.data });
}

export function useSaveRecurring() {
  return useListMutation(RECURRING, ({ id, body }: { id?: number; body: RecurringBody }) =>
    id ? api<Recurring>(`${RECURRING}/${id}`, { method: "PUT", body }) : api<Recurring>(RECURRING, { method: "POST", body }));
}

export function useRecurringCommand() {
  return useListMutation(RECURRING, (cmd: { id: number; kind: "pause"; isActive: boolean } | { id: number; kind: "delete" }) =>
    cmd.kind === "pause" ? api(`${RECURRING}/${cmd.id}/pause`, { method: "POST", body: { isActive: cmd.isActive } })
      : api(`${RECURRING}/${cmd.id}`, { method: "DELETE" }));
}
