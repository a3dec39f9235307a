import { z } from "zod";
import { BusinessCalendarSchema } from "../../server/features/sla/calendar/calendar.js";
import { IdSchema } from "./common.js";

/**
 * Business calendars, SLA policies (targets per priority, escalation levels) and a ticket's
 * deadlines. The calendar schema is pure zod and Intl, shared with the arithmetic's tests.
 */
export { BusinessCalendarSchema, WEEKDAYS, type BusinessCalendar, type Weekday } from "../../server/features/sla/calendar/calendar.js";

export const SLA_TARGET_KINDS = ["own", "resolve"] as const;
export type SlaTargetKind = (typeof SLA_TARGET_KINDS)[number];
export const SLA_TRIGGERS = ["share", "after"] as const;
export const SLA_NOTIFY_WHO = ["assignee", "group", "supervisor"] as const;
export const SLA_STATES = ["ok", "at_risk", "late", "met", "missed", "paused"] as const;
export type SlaState = (typeof SLA_STATES)[number];
/** Share of a target used after which a deadline shows amber ("at risk"). */
export const SLA_WARN_SHARE = 0.75;
/** A target is at most a year of business time. */
const MINUTES = z.number().int().min(1).max(366 * 24 * 60);

export const SlaCalendarParamsSchema = z.object({ id: IdSchema });
export const SlaPolicyParamsSchema = z.object({ id: IdSchema });
export const SlaTicketParamsSchema = z.object({ ticketId: IdSchema });

export const SlaCalendarSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  /** Set: the support hours of this contract (of the entity), which beat the entity's calendar for the contract's tickets. */
  contractId: z.number().nullable(),
  contractName: z.string().nullable(),
  name: z.string(),
  definition: BusinessCalendarSchema,
  version: z.number(),
  updatedAt: z.string(),
});
export type SlaCalendar = z.infer<typeof SlaCalendarSchema>;
export const SlaCalendarListSchema = z.object({ data: z.array(SlaCalendarSchema) });

export const CreateSlaCalendarBodySchema = z.object({
  entityId: IdSchema,
  /** A contract of `entityId`: the calendar is that contract's support hours (one per contract). */
  contractId: z.number().int().positive().nullable().optional(),
  name: z.string().trim().min(1).max(200),
  definition: BusinessCalendarSchema,
});
export const UpdateSlaCalendarBodySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  definition: BusinessCalendarSchema.optional(),
  version: z.number().int(),
});
export type CreateSlaCalendarBody = z.input<typeof CreateSlaCalendarBodySchema>;

export const SlaTargetSchema = z.object({
  priority: z.number().int().min(1).max(5),
  ownMinutes: MINUTES.nullable(),
  resolveMinutes: MINUTES.nullable(),
});
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

export const SlaLevelSchema = z.object({
  /** Stable across edits: a level already fired on a ticket does not fire again after a save. */
  id: z.string().regex(/^[a-z0-9]{1,16}$/).optional(),
  target: z.enum(SLA_TARGET_KINDS),
  /** "share": when `percent` of the target is used; "after": `minutesAfter` business minutes after the deadline. */
  trigger: z.enum(SLA_TRIGGERS),
  percent: z.number().int().min(1).max(100).nullable().default(null),
  minutesAfter: z.number().int().min(0).max(366 * 24 * 60).nullable().default(null),
  notify: z.array(z.enum(SLA_NOTIFY_WHO)).max(3).default([]),
  groupId: z.number().int().positive().nullable().default(null),
  raisePriority: z.boolean().default(false),
});
export type SlaLevel = z.output<typeof SlaLevelSchema>;

const PolicyFields = {
  name: z.string().trim().min(1).max(200),
  entityId: IdSchema,
  isRecursive: z.boolean(),
  categoryId: z.number().int().positive().nullable(),
  /** A contract of `entityId`: the SLA applies to the tickets worked under it only, before any entity SLA. Left out: none (on change: unchanged). */
  contractId: z.number().int().positive().nullable().optional(),
  targets: z.array(SlaTargetSchema).min(1).max(5),
  levels: z.array(SlaLevelSchema).max(10),
  isActive: z.boolean(),
};

export const SlaPolicySchema = z.object({
  id: z.number(),
  ...PolicyFields,
  levels: z.array(SlaLevelSchema.extend({ id: z.string() })),
  entityName: z.string(),
  categoryName: z.string().nullable(),
  contractId: z.number().nullable(),
  contractName: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export const SlaPolicyListSchema = z.object({ data: z.array(SlaPolicySchema) });
export const CreateSlaPolicyBodySchema = z.object(PolicyFields);
export const UpdateSlaPolicyBodySchema = z.object({ ...PolicyFields, version: z.number().int() }).partial().required({ version: true });
export type CreateSlaPolicyBody = z.input<typeof CreateSlaPolicyBodySchema>;

export const SlaDeadlineSchema = z.object({
  minutes: z.number(),
  /** Null while the ticket is pending: the deadline moves when the clock restarts. */
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  metAt: z.string().nullable(),
  /** Business minutes left (negative once late); frozen while paused. */
  leftMinutes: z.number(),
  state: z.enum(SLA_STATES),
});
export type SlaDeadline = z.infer<typeof SlaDeadlineSchema>;

export const TicketSlaSchema = z.object({
  slaId: z.number().nullable(),
  slaName: z.string().nullable(),
  calendarName: z.string().nullable(),
  /** The ticket's contract when its SLA or support hours apply (in force the day the ticket was opened). */
  contractId: z.number().nullable(),
  contractName: z.string().nullable(),
  pausedAt: z.string().nullable(),
  own: SlaDeadlineSchema.nullable(),
  resolve: SlaDeadlineSchema.nullable(),
  escalations: z.array(z.object({ levelKey: z.string(), firedAt: z.string() })),
});
export type TicketSla = z.infer<typeof TicketSlaSchema>;

export const SlaContractParamsSchema = z.object({ contractId: IdSchema });

/** A contract a ticket may be worked under: in force the day it was opened, of its entity or a parent. */
export const TicketContractSchema = z.object({
  id: z.number(),
  name: z.string(),
  number: z.string().nullable(),
  contractType: z.string(),
  entityName: z.string(),
  endDate: z.string(),
  /** It carries an active SLA of its own. */
  hasSla: z.boolean(),
});
export type TicketContract = z.infer<typeof TicketContractSchema>;
export const TicketContractListSchema = z.object({ data: z.array(TicketContractSchema) });

/** What a contract's page shows of its SLA: its support hours and its SLAs. */
export const ContractSlaSchema = z.object({
  calendar: SlaCalendarSchema.nullable(),
  policies: z.array(SlaPolicySchema),
});
export type ContractSla = z.infer<typeof ContractSlaSchema>;

export const HolidaysQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200),
  alsaceMoselle: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
});
export const HolidayListSchema = z.object({
  data: z.array(z.object({ code: z.string(), date: z.string(), alsaceMoselleOnly: z.boolean() })),
});
