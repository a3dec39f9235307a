import { MarkReadBodySchema, NotificationPageSchema, NotificationQuerySchema, UnreadCountSchema }
  from "../../../shared/api/notifications.js";
import { route } from "../../http/route.js";
import { countUnread, listNotifications, markRead } from "./notification.service.js";

/** The bell: what happened to the caller's tickets, newest first. */
export const notificationRoutes = [
  route({ method: "GET", url: "/api/notifications", tag: "notifications", auth: "user",
    summary: "My notifications, newest first: assigned to me or my group, new followup, solution refused, due soon",
    query: NotificationQuerySchema, response: NotificationPageSchema, handler: (ctx, { query }) => listNotifications(ctx, query) }),
  route({ method: "GET", url: "/api/notifications/unread-count", tag: "notifications", auth: "user",
    summary: "How many of my notifications are unread (100 means 100 or more)",
    response: UnreadCountSchema, handler: (ctx) => countUnread(ctx) }),
  route({ method: "POST", url: "/api/notifications/read", tag: "notifications", auth: "user",
    summary: "Mark notifications read: { ids } or { all: true }; answers the unread count left",
    body: MarkReadBodySchema, response: UnreadCountSchema, handler: (ctx, { body }) => markRead(ctx, body) }),
];
