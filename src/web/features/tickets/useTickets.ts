import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ChangeStatusBody,
  CreateFollowupBody,
  CreateTicketBody,
  EscalateBody,
  Followup,
  Ticket,
  UpdateTicketBody,
} from "../../../shared/api/tickets.js";
import type { TicketType, TicketView } from "../../../shared/domain/tickets.js";
import { api, isApiError } from "../../api/client.js";
import { usePagedList } from "../../api/paged.js";

const PATH = "/api/tickets";

export type TicketFilters = {
  view?: TicketView;
  /** Comma-separated, as the API takes them. */
  status?: string;
  priority?: string;
  type?: TicketType;
  level?: number;
  entityId?: number;
  sort?: "updated" | "created" | "priority";
  limit?: number;
};

export function useTicketList(filters: TicketFilters, enabled = true) {
  return usePagedList<Ticket>(PATH, filters, enabled);
}

export function useTicket(id: number) {
  return useQuery({
    queryKey: [PATH, id],
    queryFn: ({ signal }) => api<Ticket>(`${PATH}/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useFollowups(id: number) {
  return usePagedList<Followup>(`${PATH}/${id}/followups`, { limit: 100 });
}

/** After any change: the ticket, the lists, its timeline and its history are all stale. */
function useTicketChanged() {
  const queryClient = useQueryClient();
  return (ticket: Ticket) => {
    queryClient.setQueryData([PATH, ticket.id], ticket);
    void queryClient.invalidateQueries({ queryKey: [PATH], predicate: (q) => q.queryKey[1] !== ticket.id });
    void queryClient.invalidateQueries({ queryKey: [`${PATH}/${ticket.id}/followups`] });
    void queryClient.invalidateQueries({ queryKey: ["/api/history", "ticket", ticket.id] });
  };
}

/** A stale version (someone saved meanwhile): reload the ticket so the next try uses the new one. */
function useReloadOnConflict() {
  const queryClient = useQueryClient();
  return (error: unknown, id: number) => {
    if (isApiError(error, "TICKET_VERSION_CONFLICT") || isApiError(error, "TICKET_TRANSITION_INVALID")) {
      void queryClient.invalidateQueries({ queryKey: [PATH, id] });
      void queryClient.invalidateQueries({ queryKey: [`${PATH}/${id}/followups`] });
    }
  };
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketBody) => api<Ticket>(PATH, { method: "POST", body }),
    onSuccess: (ticket) => {
      queryClient.setQueryData([PATH, ticket.id], ticket);
      void queryClient.invalidateQueries({ queryKey: [PATH] });
    },
  });
}

export function useUpdateTicket(id: number) {
  const changed = useTicketChanged();
  const reload = useReloadOnConflict();
  return useMutation({
    mutationFn: (body: UpdateTicketBody) => api<Ticket>(`${PATH}/${id}`, { method: "PATCH", body }),
    onSuccess: changed,
    onError: (error) => reload(error, id),
  });
}

export function useChangeStatus(id: number) {
  const changed = useTicketChanged();
  const reload = useReloadOnConflict();
  return useMutation({
    mutationFn: (body: ChangeStatusBody) => api<Ticket>(`${PATH}/${id}/status`, { method: "POST", body }),
    onSuccess: changed,
    onError: (error) => reload(error, id),
  });
}

export function useEscalate(id: number) {
  const changed = useTicketChanged();
  const reload = useReloadOnConflict();
  return useMutation({
    mutationFn: (body: EscalateBody) => api<Ticket>(`${PATH}/${id}/escalate`, { method: "POST", body }),
    onSuccess: changed,
    onError: (error) => reload(error, id),
  });
}

/** Take works from the queue too, so the ticket comes as an argument. */
export function useTakeTicket() {
  const changed = useTicketChanged();
  const reload = useReloadOnConflict();
  return useMutation({
    mutationFn: (ticket: Pick<Ticket, "id" | "version">) =>
      api<Ticket>(`${PATH}/${ticket.id}/take`, { method: "POST", body: { version: ticket.version } }),
    onSuccess: changed,
    onError: (error, ticket) => reload(error, ticket.id),
  });
}

export function useAddFollowup(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFollowupBody) => api<Followup>(`${PATH}/${id}/followups`, { method: "POST", body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [`${PATH}/${id}/followups`] });
      void queryClient.invalidateQueries({ queryKey: [PATH] });
    },
  });
}
