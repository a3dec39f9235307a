import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { PRESENCE_REFRESH_MS, type PresenceList } from "../../../shared/api/live.js";
import { api } from "../../api/client.js";

const presencePath = (ticketId: number) => `/api/tickets/${ticketId}/presence`;

/**
 * While a ticket page is open: says so every 20 s, and "left" when it closes (also when the
 * tab closes: a keepalive request outlives the page). Returns the others who have it open.
 */
export function usePresence(ticketId: number, enabled: boolean): PresenceList["data"] {
  const queryClient = useQueryClient();
  const path = presencePath(ticketId);
  const others = useQuery({
    queryKey: [path],
    queryFn: ({ signal }) => api<PresenceList>(path, { signal }),
    enabled,
    staleTime: PRESENCE_REFRESH_MS,
  });

  useEffect(() => {
    if (!enabled) return;
    const report = () => {
      const sentAt = Date.now();
      return api<PresenceList>(path, { method: "PUT" }).then(
        (list) => {
          // A live event may have refetched the list while this answer travelled: keep the newer one.
          const updatedAt = queryClient.getQueryState([path])?.dataUpdatedAt ?? 0;
          if (updatedAt < sentAt) queryClient.setQueryData([path], list);
        },
        () => undefined,
      );
    };
    void report();
    const timer = setInterval(() => void report(), PRESENCE_REFRESH_MS);
    const leave = () => void fetch(path, { method: "DELETE", keepalive: true, credentials: "same-origin" }).catch(() => undefined);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [enabled, path, queryClient]);

  return others.data?.data ?? [];
}
