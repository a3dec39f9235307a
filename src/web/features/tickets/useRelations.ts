import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateLinkBody, Observer, TicketLink } from "../../../shared/api/ticket-links.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import { api } from "../../api/client.js";

const PATH = "/api/tickets";

export function useLinks(ticketId: number) {
  return useQuery({
    queryKey: [`${PATH}/${ticketId}/links`],
    queryFn: ({ signal }) => api<{ data: TicketLink[] }>(`${PATH}/${ticketId}/links`, { signal }),
  });
}

/** Links, merges and observers change the ticket's history and, for a merge, several tickets. */
function useRelationsChanged(ticketId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [`${PATH}/${ticketId}/links`] });
    void queryClient.invalidateQueries({ queryKey: [`${PATH}/${ticketId}/observers`] });
    void queryClient.invalidateQueries({ queryKey: ["/api/history", "ticket", ticketId] });
  };
}

export function useCreateLink(ticketId: number) {
  const changed = useRelationsChanged(ticketId);
  return useMutation({
    mutationFn: (body: CreateLinkBody) => api<TicketLink>(`${PATH}/${ticketId}/links`, { method: "POST", body }),
    onSuccess: changed,
  });
}

export function useDeleteLink(ticketId: number) {
  const changed = useRelationsChanged(ticketId);
  return useMutation({
    mutationFn: (linkId: number) => api(`${PATH}/${ticketId}/links/${linkId}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}

export function useMergeTickets(targetId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sourceIds: number[]) => api<Ticket>(`${PATH}/${targetId}/merge`, { method: "POST", body: { sourceIds } }),
    // Every ticket merged changed too: simplest is to refresh all ticket queries.
    onSuccess: () => void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(PATH) }),
  });
}

export function useObservers(ticketId: number) {
  return useQuery({
    queryKey: [`${PATH}/${ticketId}/observers`],
    queryFn: ({ signal }) => api<{ data: Observer[] }>(`${PATH}/${ticketId}/observers`, { signal }),
  });
}

export function useAddObserver(ticketId: number) {
  const changed = useRelationsChanged(ticketId);
  return useMutation({
    mutationFn: (userId: number) => api<{ data: Observer[] }>(`${PATH}/${ticketId}/observers`, { method: "POST", body: { userId } }),
    onSuccess: changed,
  });
}

export function useRemoveObserver(ticketId: number) {
  const changed = useRelationsChanged(ticketId);
  return useMutation({
    mutationFn: (userId: number) => api<{ data: Observer[] }>(`${PATH}/${ticketId}/observers/${userId}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}
