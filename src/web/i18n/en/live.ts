import type { frLive } from "../fr/live.js";

/** English — live updates: who else has a ticket open, and the notifications bell. */
export const enLive: typeof frLive = {
  presence: {
    alsoHere: "Also here:",
    alsoHereLabel: "Other people viewing this ticket",
  },
  notifications: {
    bell: "Notifications",
    bellUnread_one: "Notifications: {{count}} unread",
    bellUnread_many: "Notifications: {{count}} unread",
    bellUnread_other: "Notifications: {{count}} unread",
    title: "Notifications",
    markAllRead: "Mark all as read",
    empty: "No notifications yet.",
    unread: "Unread",
    someone: "Someone",
    ticketRef: "#{{id}} “{{title}}”",
    kinds: {
      assigned_to_me: "{{actor}} assigned ticket {{ticket}} to you",
      assigned_to_group: "{{actor}} assigned ticket {{ticket}} to your group",
      followup: "{{actor}} added a followup to ticket {{ticket}}",
      solution_refused: "{{actor}} refused the solution of ticket {{ticket}}",
      due_soon: "Ticket {{ticket}} is due on {{date}}",
      sla_warning: "Ticket {{ticket}}: SLA escalation",
    },
  },
};
