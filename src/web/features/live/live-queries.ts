import type { Query, QueryClient } from "@tanstack/react-query";

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

export function refreshPresence(queryClient: QueryClient, ticketId: number): void {
  void queryClient.invalidateQueries({ queryKey: [`${TICKETS}/${ticketId}/presence`] });
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
