import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MarkReadBody, Notification, UnreadCount } from "../../../shared/api/notifications.js";
import { api } from "../../api/client.js";
import { usePagedList } from "../../api/paged.js";
import { refreshNotifications } from "../live/live-queries.js";

const PATH = "/api/notifications";
const COUNT_PATH = `${PATH}/unread-count`;

/** Kept fresh by the live stream; the slow poll only covers a stream that could not connect. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [COUNT_PATH],
    queryFn: ({ signal }) => api<UnreadCount>(COUNT_PATH, { signal }),
    refetchInterval: 5 * 60_000,
  });
}

export function useNotificationList(enabled: boolean) {
  return usePagedList<Notification>(PATH, { limit: 20 }, enabled);
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadBody) => api<UnreadCount>(`${PATH}/read`, { method: "POST", body }),
    onSuccess: (count) => {
      queryClient.setQueryData([COUNT_PATH], count);
      refreshNotifications(queryClient);
    },
  });
}
