import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { PRESENCE_REFRESH_MS, type PresenceList } from "../../../shared/api/live.js";
import { api } from "../../api/client.js";
import { newerPresence, presenceKey } from "./live-queries.js";

const presencePath = (ticketId: number) => `/api/tickets/${ticketId}/presence`;
const LEAVE_DELAY_MS = 500;
const pendingLeaves = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * While a ticket page is open: says so every 20 s, and "left" when it closes (also when the
 * tab closes: a keepalive request outlives the page). Returns the others who have it open.
 */
export function usePresence(ticketId: number, enabled: boolean): PresenceList["data"] {
  const queryClient = useQueryClient();
  const path = presencePath(ticketId);
  const others = useQuery({
    queryKey: presenceKey(ticketId),
    queryFn: async ({ signal }) => {
      const fresh = await api<PresenceList>(path, { signal });
      // Read the cache after the answer: an event may have brought a newer list meanwhile.
      return newerPresence(queryClient.getQueryData(presenceKey(ticketId)), fresh);
    },
    enabled,
    staleTime: PRESENCE_REFRESH_MS,
  });

  useEffect(() => {
    if (!enabled) return;
    const report = () => api<PresenceList>(path, { method: "PUT" }).then(
      // A live event may have come while this answer travelled: the newer list stays.
      (list) => queryClient.setQueryData<PresenceList>(presenceKey(ticketId), (old) => newerPresence(old, list)),
      () => undefined,
    );
    void report();
    const timer = setInterval(() => void report(), PRESENCE_REFRESH_MS);
    const leave = () => void fetch(path, { method: "DELETE", keepalive: true, credentials: "same-origin" }).catch(() => undefined);
    // Coming back to the same ticket at once (a remount) cancels the pending "left": sent
    // immediately, it could reach the server after the new "here" and wipe it.
    clearTimeout(pendingLeaves.get(path));
    pendingLeaves.delete(path);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      pendingLeaves.set(path, setTimeout(() => {
        pendingLeaves.delete(path);
        leave();
      }, LEAVE_DELAY_MS));
    };
  }, [enabled, path, ticketId, queryClient]);

  return others.data?.data ?? [];
}
