/** The service desk's vocabulary, shared by the server (rules) and the web app (labels, pickers). */
export const TICKET_TYPES = ["incident", "request"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_CHANNELS = ["phone", "email", "portal", "walk_in", "monitoring", "api"] as const;

/** How a ticket was solved, as GLPI's solution types: the quality indicators count them. */
export const SOLUTION_TYPES = ["remote", "on_site", "hardware_replaced", "reconfigured", "user_guidance", "no_fault", "supplier"] as const;
export type SolutionType = (typeof SOLUTION_TYPES)[number];
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const TICKET_STATUSES = ["new", "assigned", "in_progress", "pending", "solved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which someone still has work to do. */
export const OPEN_STATUSES: readonly TicketStatus[] = ["new", "assigned", "in_progress", "pending"];

export const SUPPORT_LEVELS = [1, 2, 3] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/**
 * Which status may follow which. Going from solved or closed back to work is a reopening.
 * "assigned" and "new" are also set by assignment itself (see the service).
 */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["assigned", "in_progress", "pending", "solved", "closed"],
  assigned: ["new", "in_progress", "pending", "solved", "closed"],
  in_progress: ["assigned", "pending", "solved", "closed"],
  pending: ["assigned", "in_progress", "solved", "closed"],
  solved: ["closed", "in_progress"],
  closed: ["in_progress"],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** 1 = very low … 5 = very high, for urgency, impact and priority alike. */
export const SCALE = [1, 2, 3, 4, 5] as const;

/** priority = MATRIX[urgency - 1][impact - 1]; an admin may change it. */
export const DEFAULT_PRIORITY_MATRIX: number[][] = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 3],
  [2, 2, 3, 4, 4],
  [2, 3, 4, 4, 5],
  [3, 3, 4, 5, 5],
];

export function priorityOf(matrix: number[][], urgency: number, impact: number): number {
  return matrix[urgency - 1]?.[impact - 1] ?? 3;
}

/** The queues technicians live in. */
export const TICKET_VIEWS = ["open", "mine", "my_groups", "unassigned", "waiting", "late", "all"] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

/** "deadline": the soonest SLA deadline first, tickets with a running SLA clock only. */
export const TICKET_SORTS = ["updated", "created", "priority", "deadline"] as const;
/** The queue's SLA filter: a deadline passed, or 75 % of its time used. */
export const SLA_FILTERS = ["late", "at_risk"] as const;

/** The columns a technician may show in the queue, in the order they appear. */
export const QUEUE_COLUMNS = [
  "number", "title", "status", "priority", "requester", "assignee", "group", "level", "category", "entity", "channel",
  "created", "updated", "due", "sla",
] as const;
export type QueueColumn = (typeof QUEUE_COLUMNS)[number];

export const DEFAULT_QUEUE_COLUMNS: readonly QueueColumn[] = [
  "number", "title", "requester", "entity", "status", "priority", "sla", "group", "assignee", "updated",
];
