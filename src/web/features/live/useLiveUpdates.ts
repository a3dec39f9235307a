import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useMe } from "../auth/useAuth.js";
import { LIVE_EVENTS, type LivePresenceEvent, type LiveTicketEvent } from "../../../shared/api/live.js";
import {
  refreshEverything, refreshNotifications, refreshPresenceAndBell, refreshTicket, refreshTicketLists, setPresence, throttle,
} from "./live-queries.js";

/** After the server refused the stream (a 401, a restart), try again this much later. */
const RETRY_MS = 5000;

function parse<T>(event: Event): T | undefined {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return undefined;
  }
}

/**
 * One EventSource for the signed-in app: each event invalidates the queries it makes stale.
 * The browser reconnects by itself after a network drop; on each reconnection what is shown
 * is refetched, as events may have been missed meanwhile.
 */
export function useLiveUpdates(meId: number, enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const lists = throttle(() => refreshTicketLists(queryClient), 1000);
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let everOpened = false;

    const connect = () => {
      const current = new EventSource("/api/live");
      source = current;
      current.addEventListener("open", () => {
        // What changed before the stream was open went unheard: a page that loaded meanwhile
        // refetches who is there and the bell (cheap); after a reconnection, everything shown.
        if (everOpened) refreshEverything(queryClient);
        else refreshPresenceAndBell(queryClient);
        everOpened = true;
      });
      current.addEventListener(LIVE_EVENTS.ticket, (event) => {
        const data = parse<LiveTicketEvent>(event);
        if (data) refreshTicket(queryClient, data.id);
        lists.call();
      });
      current.addEventListener(LIVE_EVENTS.presence, (event) => {
        const data = parse<LivePresenceEvent>(event);
        if (data) setPresence(queryClient, data, meId);
      });
      current.addEventListener(LIVE_EVENTS.notification, () => refreshNotifications(queryClient));
      current.addEventListener(LIVE_EVENTS.resync, () => refreshEverything(queryClient));
      current.addEventListener("error", () => {
        // CLOSED means the browser gave up (the server answered an error): start afresh later.
        if (current.readyState === EventSource.CLOSED) retry = setTimeout(connect, RETRY_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      lists.cancel();
      source?.close();
    };
  }, [enabled, meId, queryClient]);
}

/** Mounted once by the signed-in shell. */
export function LiveUpdates() {
  useLiveUpdates(useMe().id);
  return null;
}
