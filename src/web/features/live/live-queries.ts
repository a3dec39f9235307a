import type { Query, QueryClient } from "@tanstack/react-query";
import type { LivePresenceEvent, PresenceList } from "../../../shared/api/live.js";

/**
 * Which cached queries an event makes stale. Invalidating refetches only what a screen shows
 * and marks the rest stale; a form being typed in keeps its own state, only data is replaced.
 */
const TICKETS = "/api/tickets";
const NOTIFICATIONS = "/api/notifications";

const firstKey = (query: Query) => query.queryKey[0];

/** The ticket itself and everything under /api/tickets/:id/ (followups, tasks, attachments, links…), and its history. */
export function refreshTicket(queryClient: QueryClient, id: number): void {
  const prefix = `${TICKETS}/${id}/`;
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const [first, second, third] = query.queryKey;
      if (first === TICKETS) return second === id;
      if (first === "/api/history") return second === "ticket" && third === id;
      return typeof first === "string" && first.startsWith(prefix) && !first.endsWith("/presence");
    },
  });
}

/** The queues and their counters: every [/api/tickets, filters] and [/api/tickets, "counts", …]. */
export function refreshTicketLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ predicate: (query) => firstKey(query) === TICKETS && typeof query.queryKey[1] !== "number" });
}

export const presenceKey = (ticketId: number) => [`${TICKETS}/${ticketId}/presence`];

/** Lists come from answers and events that may cross: the one the server stamped last wins. */
export function newerPresence(old: PresenceList | undefined, next: PresenceList): PresenceList {
  return old && old.at > next.at ? old : next;
}

/** An event carries who is there now: the list is set at once, the caller left out. */
export function setPresence(queryClient: QueryClient, event: LivePresenceEvent, meId: number): void {
  const next = { data: event.present.filter((u) => u.userId !== meId), at: event.at };
  queryClient.setQueryData<PresenceList>(presenceKey(event.ticketId), (old) => newerPresence(old, next));
}

export function refreshNotifications(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const first = firstKey(query);
      return typeof first === "string" && first.startsWith(NOTIFICATIONS);
    },
  });
}

export function refreshPresenceAndBell(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const first = firstKey(query);
      return typeof first === "string" && (first.endsWith("/presence") || first.startsWith(NOTIFICATIONS));
    },
  });
}

/** After missed events: everything tickets and notifications. */
export function refreshEverything(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const first = firstKey(query);
      return typeof first === "string" && (first.startsWith(TICKETS) || first.startsWith(NOTIFICATIONS) || first === "/api/history");
    },
  });
}

/** Runs `fn` at most once per `ms`: a burst of changes costs the queue one refetch, not one each. */
export function throttle(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call: () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        fn();
      }, Math.max(0, last + ms - Date.now()));
    },
    cancel: () => clearTimeout(timer),
  };
}
