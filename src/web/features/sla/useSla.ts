import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateSlaCalendarBody, CreateSlaPolicyBody, SlaCalendar, SlaPolicy, TicketSla,
} from "../../../shared/api/sla.js";
import { api } from "../../api/client.js";

export const CALENDARS = "/api/sla/calendars";
export const POLICIES = "/api/sla/policies";

export function useSlaCalendars() {
  return useQuery({ queryKey: [CALENDARS], queryFn: ({ signal }) => api<{ data: SlaCalendar[] }>(CALENDARS, { signal }) });
}

export function useSlaPolicies() {
  return useQuery({ queryKey: [POLICIES], queryFn: ({ signal }) => api<{ data: SlaPolicy[] }>(POLICIES, { signal }) });
}

export function useHolidays(year: number, alsaceMoselle: boolean) {
  return useQuery({
    queryKey: ["/api/sla/holidays", year, alsaceMoselle],
    queryFn: ({ signal }) => api<{ data: { code: string; date: string; alsaceMoselleOnly: boolean }[] }>("/api/sla/holidays",
      { query: { year, alsaceMoselle }, signal }),
  });
}

/** Keyed under the ticket's URL, so that a change of the ticket refreshes its deadlines too. */
export function useTicketSla(ticketId: number) {
  return useQuery({
    queryKey: [`/api/tickets/${ticketId}`, "sla"],
    queryFn: ({ signal }) => api<TicketSla>(`/api/sla/tickets/${ticketId}`, { signal }),
    refetchInterval: 60_000,
  });
}

function useSaving<A, R>(fn: (arg: A) => Promise<R>, key: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: async () => {
    await queryClient.invalidateQueries({ queryKey: [key] });
    // The change is in the record's history now.
    await queryClient.invalidateQueries({ queryKey: ["/api/history"] });
  } });
}

export function useSaveCalendar() {
  return useSaving(({ id, body }: { id: number | null; body: CreateSlaCalendarBody & { version?: number } }) =>
    id === null ? api<SlaCalendar>(CALENDARS, { method: "POST", body })
      : api<SlaCalendar>(`${CALENDARS}/${id}`, { method: "PATCH", body: { name: body.name, definition: body.definition, version: body.version } }), CALENDARS);
}

export function useDeleteCalendar() {
  return useSaving((id: number) => api(`${CALENDARS}/${id}`, { method: "DELETE" }), CALENDARS);
}

export function useSavePolicy() {
  return useSaving(({ id, body }: { id: number | null; body: CreateSlaPolicyBody & { version?: number } }) =>
    id === null ? api<SlaPolicy>(POLICIES, { method: "POST", body }) : api<SlaPolicy>(`${POLICIES}/${id}`, { method: "PATCH", body }), POLICIES);
}

export function useDeletePolicy() {
  return useSaving((id: number) => api(`${POLICIES}/${id}`, { method: "DELETE" }), POLICIES);
}
