import { z } from "zod";
import {
  SCALE, SLA_FILTERS, SOLUTION_TYPES, SUPPORT_LEVELS, TICKET_CHANNELS, TICKET_SORTS, TICKET_STATUSES, TICKET_TYPES, TICKET_VIEWS,
} from "../domain/tickets.js";
import { PageQuerySchema, optionalText, pageOf } from "./common.js";
import { ERRORS, type ErrorCode } from "./errors.js";

const Scale = z.union(SCALE.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, ...z.ZodLiteral<number>[]]);
const Level = z.union(SUPPORT_LEVELS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, ...z.ZodLiteral<number>[]]);

export const TicketSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  type: z.enum(TICKET_TYPES),
  title: z.string(),
  /** Sanitised HTML. */
  description: z.string(),
  channel: z.enum(TICKET_CHANNELS),
  requesterId: z.number().nullable(),
  requesterName: z.string().nullable(),
  /** A caller without an account: how to reach them. */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  level: z.number(),
  status: z.enum(TICKET_STATUSES),
  pendingReason: z.string().nullable(),
  pendingUntil: z.string().nullable(),
  urgency: z.number(),
  impact: z.number(),
  priority: z.number(),
  dueAt: z.string().nullable(),
  callSeconds: z.number().nullable(),
  /** Optimistic concurrency: send it back with a change; a stale one gets 409. */
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The requester's rating after closing, 1–5. */
  satisfaction: z.number().nullable(),
  satisfactionComment: z.string().nullable(),
  categoryId: z.number().nullable(),
  /** "Matériel > Impression". */
  categoryName: z.string().nullable(),
  /** Set when the ticket was merged into another one: work goes on there. */
  mergedIntoId: z.number().nullable(),
  solutionType: z.enum(SOLUTION_TYPES).nullable(),
  /** The contract the ticket is worked under (features/sla): its SLA and support hours apply while it is in force. */
  contractId: z.number().nullable(),
  contractName: z.string().nullable(),
  /** The SLA deadlines (features/sla); null when no SLA applies. Deadlines are null while the ticket is pending. */
  sla: z.object({
    ownDueAt: z.string().nullable(),
    ownMetAt: z.string().nullable(),
    resolveDueAt: z.string().nullable(),
    /** The earliest unmet deadline, and when 75 % of its time is used (amber from then, red past the deadline). */
    nextDueAt: z.string().nullable(),
    nextWarnAt: z.string().nullable(),
    pausedAt: z.string().nullable(),
  }).nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const CreateTicketBodySchema = z.object({
  type: z.enum(TICKET_TYPES).optional(),
  title: z.string().trim().min(3).max(250),
  description: z.string().max(100_000).default(""),
  channel: z.enum(TICKET_CHANNELS).default("portal"),
  entityId: z.number().int().positive().optional(),
  requesterId: z.number().int().positive().optional(),
  contactName: optionalText(200),
  contactPhone: optionalText(40),
  contactEmail: z.email().max(200).optional(),
  assigneeId: z.number().int().positive().optional(),
  groupId: z.number().int().positive().optional(),
  urgency: Scale.optional(),
  impact: Scale.optional(),
  dueAt: z.iso.datetime().optional(),
  callSeconds: z.number().int().min(0).max(86_400).optional(),
  /** Its defaults fill the type, group, urgency and impact left out. */
  categoryId: z.number().int().positive().nullable().optional(),
  /** Staff only: a contract in force of the ticket's entity or a parent. Left out: the one support contract with an SLA, if exactly one. */
  contractId: z.number().int().positive().nullable().optional(),
});
export type CreateTicketBody = z.input<typeof CreateTicketBodySchema>;

export const UpdateTicketBodySchema = z.object({
  version: z.number().int().min(1),
  type: z.enum(TICKET_TYPES).optional(),
  title: z.string().trim().min(3).max(250).optional(),
  description: z.string().max(100_000).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  assigneeId: z.number().int().positive().nullable().optional(),
  groupId: z.number().int().positive().nullable().optional(),
  urgency: Scale.optional(),
  impact: Scale.optional(),
  dueAt: z.iso.datetime().nullable().optional(),
  callSeconds: z.number().int().min(0).max(86_400).optional(),
  categoryId: z.number().int().positive().nullable().optional(),
  /** A contract in force (the day the ticket was opened) of the ticket's entity or a parent; null: none. */
  contractId: z.number().int().positive().nullable().optional(),
});
export type UpdateTicketBody = z.infer<typeof UpdateTicketBodySchema>;

export const ChangeStatusBodySchema = z.object({
  version: z.number().int().min(1),
  status: z.enum(TICKET_STATUSES),
  /** Required to put a ticket on hold, and to reopen one. */
  reason: optionalText(2000),
  pendingUntil: z.iso.datetime().optional(),
});
export type ChangeStatusBody = z.infer<typeof ChangeStatusBodySchema>;

export const EscalateBodySchema = z.object({
  version: z.number().int().min(1),
  level: Level,
  groupId: z.number().int().positive(),
  note: z.string().trim().min(1).max(10_000),
});
export type EscalateBody = z.infer<typeof EscalateBodySchema>;

export const TakeBodySchema = z.object({ version: z.number().int().min(1) });

const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => s.split(",").filter(Boolean)).pipe(z.array(z.enum(values)));
const scaleList = z.string().transform((s) => s.split(",").filter(Boolean).map(Number)).pipe(z.array(z.number().int().min(1).max(5)));

/** An instant, or a day alone (midnight UTC); normalised so it compares with the stored ISO text. */
const instant = z.union([z.iso.datetime(), z.iso.date()]).transform((v) => new Date(v).toISOString());

export const ListTicketsQuerySchema = PageQuerySchema.extend({
  view: z.enum(TICKET_VIEWS).default("open"),
  status: csvOf(TICKET_STATUSES).optional(),
  type: z.enum(TICKET_TYPES).optional(),
  priority: scaleList.optional(),
  level: z.coerce.number().int().min(1).max(3).optional(),
  channel: csvOf(TICKET_CHANNELS).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  groupId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  requesterId: z.coerce.number().int().positive().optional(),
  entityId: z.coerce.number().int().positive().optional(),
  /** Created at or after this instant. */
  createdFrom: instant.optional(),
  /** Created strictly before this instant. */
  createdBefore: instant.optional(),
  /** Due strictly before this instant (tickets without a due date are left out). */
  dueBefore: instant.optional(),
  /** Words the title contains, ignoring case. */
  q: optionalText(200),
  /** SLA: "late" (a deadline passed) or "at_risk" (75 % of its time used). */
  sla: z.enum(SLA_FILTERS).optional(),
  sort: z.enum(TICKET_SORTS).default("updated"),
  /**
   * For a requester (no staff rights): "mine", the tickets they asked for or follow as an
   * observer; "entity", those of their entities that share tickets with their members.
   */
  portal: z.enum(["mine", "entity"]).default("mine"),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuerySchema>;

export const TicketPageSchema = pageOf(TicketSchema);

/** The most tickets one bulk action may change: a page of the queue, with room to spare. */
export const BULK_MAX_TICKETS = 100;

export const BulkActionSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("assign"),
    /** null takes the technician (or the group) off the tickets; absent leaves it as it is. */
    assigneeId: z.number().int().positive().nullable().optional(),
    groupId: z.number().int().positive().nullable().optional(),
  }).refine((a) => a.assigneeId !== undefined || a.groupId !== undefined, { message: "give a technician or a group", path: ["assigneeId"] }),
  z.object({ type: z.literal("take") }),
  z.object({
    type: z.literal("status"),
    status: z.enum(TICKET_STATUSES),
    /** Required to put tickets on hold, and to reopen solved or closed ones. */
    reason: optionalText(2000),
    pendingUntil: z.iso.datetime().optional(),
  }),
]);
export type BulkAction = z.infer<typeof BulkActionSchema>;

export const BulkTicketsBodySchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(BULK_MAX_TICKETS),
  action: BulkActionSchema,
});
export type BulkTicketsBody = z.input<typeof BulkTicketsBodySchema>;

/** One ticket's outcome: each ticket is changed, or refused with the code the single-ticket action would give. */
export const BulkResultSchema = z.discriminatedUnion("ok", [
  z.object({ id: z.number(), ok: z.literal(true) }),
  z.object({ id: z.number(), ok: z.literal(false), code: z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]) }),
]);
export type BulkResult = z.infer<typeof BulkResultSchema>;
export const BulkTicketsResponseSchema = z.object({ results: z.array(BulkResultSchema) });
export type BulkTicketsResponse = z.infer<typeof BulkTicketsResponseSchema>;

/** "merge": on a target, a merged ticket's description; on a source, the target's number. */
export const FOLLOWUP_KINDS = ["followup", "escalation", "status", "solution", "refusal", "workaround", "merge"] as const;

export const FollowupSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  kind: z.enum(FOLLOWUP_KINDS),
  isPrivate: z.boolean(),
  content: z.string(),
  authorId: z.number().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type Followup = z.infer<typeof FollowupSchema>;

export const CreateFollowupBodySchema = z.object({
  content: z.string().trim().min(1).max(100_000),
  isPrivate: z.boolean().default(false),
  /** A call taken about this ticket (staff): its duration adds to the ticket's call time. */
  callSeconds: z.number().int().min(0).max(86_400).optional(),
});
export type CreateFollowupBody = z.input<typeof CreateFollowupBodySchema>;

export const FollowupPageSchema = pageOf(FollowupSchema);

export const PriorityMatrixSchema = z.object({
  matrix: z.array(z.array(z.number().int().min(1).max(5)).length(5)).length(5),
});

export const SolveBodySchema = z.object({
  version: z.number().int().min(1),
  solutionType: z.enum(SOLUTION_TYPES).optional(),
  content: z.string().trim().min(1).max(100_000),
});
export type SolveBody = z.infer<typeof SolveBodySchema>;

/** A workaround ("solution d'attente") keeps the user working while the real fix waits. */
export const WorkaroundBodySchema = z.object({ content: z.string().trim().min(1).max(100_000) });

export const ApprovalBodySchema = z.discriminatedUnion("accept", [
  z.object({ accept: z.literal(true) }),
  z.object({ accept: z.literal(false), reason: z.string().trim().min(1).max(10_000) }),
]);
export type ApprovalBody = z.infer<typeof ApprovalBodySchema>;

export const SatisfactionBodySchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: optionalText(2000),
});
export type SatisfactionBody = z.infer<typeof SatisfactionBodySchema>;

export const TaskSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  description: z.string(),
  technicianId: z.number().nullable(),
  technicianName: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  minutesSpent: z.number(),
  isDone: z.boolean(),
  isPrivate: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof TaskSchema>;

const taskFields = {
  description: z.string().trim().min(1).max(10_000),
  technicianId: z.number().int().positive().nullable(),
  plannedStart: z.iso.datetime().nullable(),
  plannedEnd: z.iso.datetime().nullable(),
  minutesSpent: z.number().int().min(0).max(100_000),
  isDone: z.boolean(),
  isPrivate: z.boolean(),
};

export const CreateTaskBodySchema = z.object({
  ...taskFields,
  technicianId: taskFields.technicianId.optional(),
  plannedStart: taskFields.plannedStart.optional(),
  plannedEnd: taskFields.plannedEnd.optional(),
  minutesSpent: taskFields.minutesSpent.default(0),
  isDone: taskFields.isDone.default(false),
  isPrivate: taskFields.isPrivate.default(false),
}).refine((t) => !t.plannedStart || !t.plannedEnd || t.plannedStart <= t.plannedEnd, { message: "ends before it starts", path: ["plannedEnd"] });
export type CreateTaskBody = z.input<typeof CreateTaskBodySchema>;

export const UpdateTaskBodySchema = z.object(taskFields).partial();
export type UpdateTaskBody = z.infer<typeof UpdateTaskBodySchema>;

export const TaskParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  taskId: z.coerce.number().int().positive(),
});

export const TaskListSchema = z.object({ data: z.array(TaskSchema), totalMinutes: z.number() });

/** The views that show a counter; 1000 means "more than 999". */
export const COUNTED_VIEWS = ["open", "mine", "my_groups", "unassigned", "waiting", "late"] as const;
export const TicketCountsSchema = z.object(Object.fromEntries(COUNTED_VIEWS.map((v) => [v, z.number()])) as Record<(typeof COUNTED_VIEWS)[number], z.ZodNumber>);
export type TicketCounts = z.infer<typeof TicketCountsSchema>;
export const TicketCountsQuerySchema = z.object({ entityId: z.coerce.number().int().positive().optional() });
