/** French — live updates: who else has a ticket open, and the notifications bell. */
export const frLive = {
  presence: {
    alsoHere: "Aussi sur ce ticket :",
    alsoHereLabel: "Autres personnes qui consultent ce ticket",
  },
  notifications: {
    bell: "Notifications",
    bellUnread_one: "Notifications : {{count}} non lue",
    bellUnread_many: "Notifications : {{count}} non lues",
    bellUnread_other: "Notifications : {{count}} non lues",
    title: "Notifications",
    markAllRead: "Tout marquer comme lu",
    empty: "Aucune notification pour l’instant.",
    unread: "Non lue",
    someone: "Quelqu’un",
    // Non-breaking spaces keep « and » with the title at a line break.
    ticketRef: "n°\u00a0{{id}} «\u00a0{{title}}\u00a0»",
    kinds: {
      assigned_to_me: "{{actor}} vous a assigné le ticket {{ticket}}",
      assigned_to_group: "{{actor}} a assigné le ticket {{ticket}} à votre groupe",
      followup: "{{actor}} a ajouté un suivi au ticket {{ticket}}",
      solution_refused: "{{actor}} a refusé la solution du ticket {{ticket}}",
      due_soon: "Le ticket {{ticket}} arrive à échéance le {{date}}",
      sla_warning: "Ticket {{ticket}} : escalade SLA",
    },
  },
};
