import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApprovalBody,
  ChangeStatusBody,
  CreateTaskBody,
  CreateFollowupBody,
  CreateTicketBody,
  EscalateBody,
  Followup,
  SatisfactionBody,
  SolveBody,
  Task,
  Ticket,
  TicketCounts,
  UpdateTaskBody,
  UpdateTicketBody,
} from "../../../shared/api/tickets.js";
import type { TicketType, TicketView } from "../../../shared/domain/tickets.js";
import type { Page } from "../../../shared/api/common.js";
import type { HistoryEntry } from "../../../shared/api/history.js";
import { PAGE_SIZE_MAX } from "../../../shared/domain/limits.js";
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
  requesterId?: number;
  entityId?: number;
  sort?: "updated" | "created" | "priority";
  limit?: number;
  /** For requesters: their own tickets, or their entity's when it shares them. */
  portal?: "mine" | "entity";
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

/** The ticket's field changes for the timeline: its latest 200, under the history's query key so saves refresh it. */
export function useTicketChanges(id: number, enabled: boolean): HistoryEntry[] {
  const query = useQuery({
    queryKey: ["/api/history", "ticket", id, "timeline"],
    queryFn: ({ signal }) => api<Page<HistoryEntry>>(`/api/history/ticket/${id}`, { query: { limit: PAGE_SIZE_MAX }, signal }),
    enabled,
  });
  // Field updates, links and unlinks; the creation is the ticket itself.
  return enabled ? (query.data?.data ?? []).filter((e) => e.field !== null && e.action !== "create") : [];
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

/** The counter next to each queue view; 1000 stands for "999+". Refreshed with the lists. */
export function useTicketCounts(entityId?: number) {
  return useQuery({
    queryKey: [PATH, "counts", { entityId }],
    queryFn: ({ signal }) => api<TicketCounts>(`${PATH}/counts`, { query: { entityId }, signal }),
    refetchInterval: 60_000,
  });
}

export function useSolveTicket(id: number) {
  const changed = useTicketChanged();
  const reload = useReloadOnConflict();
  return useMutation({
    mutationFn: (body: SolveBody) => api<Ticket>(`${PATH}/${id}/solution`, { method: "POST", body }),
    onSuccess: changed,
    onError: (error) => reload(error, id),
  });
}

/** A workaround leaves the ticket open; the timeline gets a "workaround" followup. */
export function useAddWorkaround(id: number) {
  const changed = useTicketChanged();
  return useMutation({
    mutationFn: (content: string) => api<Ticket>(`${PATH}/${id}/workaround`, { method: "POST", body: { content } }),
    onSuccess: changed,
  });
}

/** The requester accepts the solution (closed) or refuses it with a reason (back to work). */
export function useApproveSolution(id: number) {
  const changed = useTicketChanged();
  const reload = useReloadOnConflict();
  return useMutation({
    mutationFn: (body: ApprovalBody) => api<Ticket>(`${PATH}/${id}/approval`, { method: "POST", body }),
    onSuccess: changed,
    onError: (error) => reload(error, id),
  });
}

export function useRateTicket(id: number) {
  const changed = useTicketChanged();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SatisfactionBody) => api<Ticket>(`${PATH}/${id}/satisfaction`, { method: "POST", body }),
    onSuccess: changed,
    onError: (error) => {
      if (isApiError(error, "CONFLICT")) void queryClient.invalidateQueries({ queryKey: [PATH, id] });
    },
  });
}

export type TaskList = { data: Task[]; totalMinutes: number };

const tasksKey = (id: number) => [`${PATH}/${id}/tasks`];

export function useTasks(id: number) {
  return useQuery({
    queryKey: tasksKey(id),
    queryFn: ({ signal }) => api<TaskList>(`${PATH}/${id}/tasks`, { signal }),
  });
}

function useTasksChanged(id: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: tasksKey(id) });
    void queryClient.invalidateQueries({ queryKey: ["/api/history", "ticket", id] });
  };
}

export function useCreateTask(id: number) {
  const changed = useTasksChanged(id);
  return useMutation({
    mutationFn: (body: CreateTaskBody) => api<Task>(`${PATH}/${id}/tasks`, { method: "POST", body }),
    onSuccess: changed,
  });
}

/** Optimistic: a ticked box shows at once, and comes back if the server says no. */
export function useUpdateTask(id: number) {
  const changed = useTasksChanged(id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: number; body: UpdateTaskBody }) =>
      api<Task>(`${PATH}/${id}/tasks/${taskId}`, { method: "PATCH", body }),
    onMutate: async ({ taskId, body }) => {
      await queryClient.cancelQueries({ queryKey: tasksKey(id) });
      const previous = queryClient.getQueryData<TaskList>(tasksKey(id));
      if (previous) {
        queryClient.setQueryData<TaskList>(tasksKey(id), {
          ...previous,
          data: previous.data.map((task) => (task.id === taskId ? { ...task, ...body } : task)),
        });
      }
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(tasksKey(id), context.previous);
    },
    onSettled: changed,
  });
}
