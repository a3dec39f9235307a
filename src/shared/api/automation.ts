import { z } from "zod";
import { TICKET_TYPES } from "../domain/tickets.js";
import { IdSchema, QueryBoolSchema, TimeZoneSchema } from "./common.js";

/** Automation: rules on tickets, ticket templates, canned responses and recurring tickets. */
export const RULE_TRIGGERS = ["created", "updated", "both"] as const;
export const RULE_MATCH_MODES = ["all", "any"] as const;
/** Conditions on a list of values: the ticket's value (or one of them) is, or is not, in the list. */
export const RULE_LIST_FIELDS = ["category", "entity", "channel", "type", "priority", "urgency", "status", "requesterGroup", "assetKind", "group"] as const;
export const RULE_TEXT_FIELDS = ["title", "description", "text"] as const;
export const RULE_ACTION_TYPES = ["assignGroup", "assignTechnician", "setCategory", "setPriority", "setType", "setUrgency", "addObserver", "applyTemplate", "reply"] as const;
export const RECURRING_FREQUENCIES = ["day", "week", "month"] as const;
export type RuleListField = (typeof RULE_LIST_FIELDS)[number];
export type RuleTextField = (typeof RULE_TEXT_FIELDS)[number];
export type RuleActionType = (typeof RULE_ACTION_TYPES)[number];

/** The placeholders a canned response or a rule's reply may hold; `{{requester.name}}` etc. */
export const PLACEHOLDERS = ["requester.name", "requester.firstName", "ticket.id", "ticket.title", "ticket.category", "ticket.entity",
  "technician.name", "group.name"] as const;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");
const Scale = z.number().int().min(1).max(5);

export const ListConditionSchema = z.object({
  field: z.enum(RULE_LIST_FIELDS),
  op: z.enum(["in", "notIn"]),
  values: z.array(z.union([z.number(), z.string().max(40)])).min(1).max(100),
});
export const TextConditionSchema = z.object({
  field: z.enum(RULE_TEXT_FIELDS),
  op: z.enum(["contains", "notContains"]),
  /** Matches when any of these words or phrases appears (case and accents ignored). */
  words: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
});
export const TimeConditionSchema = z.object({
  field: z.literal("time"),
  op: z.enum(["within", "outside"]),
  /** ISO weekdays, 1 = Monday. */
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: HHMM,
  to: HHMM,
  timeZone: TimeZoneSchema.default("Europe/Paris"),
});
/** Within or outside the opening hours of the business calendar (SLA) of the ticket's entity; no calendar: always open. */
export const BusinessHoursConditionSchema = z.object({
  field: z.literal("businessHours"),
  op: z.enum(["within", "outside"]),
});
export const RuleConditionSchema = z.union([ListConditionSchema, TextConditionSchema, TimeConditionSchema, BusinessHoursConditionSchema]);
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

export const RuleActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("assignGroup"), groupId: IdSchema }),
  z.object({ type: z.literal("assignTechnician"), userId: IdSchema }),
  z.object({ type: z.literal("setCategory"), categoryId: IdSchema }),
  z.object({ type: z.literal("setPriority"), value: Scale }),
  z.object({ type: z.literal("setType"), value: z.enum(TICKET_TYPES) }),
  z.object({ type: z.literal("setUrgency"), value: Scale }),
  z.object({ type: z.literal("addObserver"), userId: IdSchema }),
  z.object({ type: z.literal("applyTemplate"), templateId: IdSchema }),
  /** A public followup; placeholders are filled from the ticket. */
  z.object({ type: z.literal("reply"), content: z.string().trim().min(1).max(20_000) }),
]);
export type RuleAction = z.infer<typeof RuleActionSchema>;

const RuleFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullable().optional(),
  trigger: z.enum(RULE_TRIGGERS),
  matchMode: z.enum(RULE_MATCH_MODES).default("all"),
  conditions: z.array(RuleConditionSchema).max(30),
  actions: z.array(RuleActionSchema).min(1).max(20),
  stopFurther: z.boolean().default(false),
  isRecursive: z.boolean().default(true),
};

export const CreateRuleBodySchema = z.object({ ...RuleFields, entityId: IdSchema, isActive: z.boolean().default(false) });
export type CreateRuleBody = z.input<typeof CreateRuleBodySchema>;
export const UpdateRuleBodySchema = z.object({ ...RuleFields, isActive: z.boolean(), version: z.number().int().min(1) });
export type UpdateRuleBody = z.input<typeof UpdateRuleBodySchema>;
export const RuleActiveBodySchema = z.object({ isActive: z.boolean(), version: z.number().int().min(1) });
export const RuleMoveBodySchema = z.object({ direction: z.enum(["up", "down"]) });

export const RuleSchema = z.object({
  id: z.number(),
  entityId: z.number(),
  entityName: z.string(),
  isRecursive: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  trigger: z.enum(RULE_TRIGGERS),
  matchMode: z.enum(RULE_MATCH_MODES),
  conditions: z.array(RuleConditionSchema),
  actions: z.array(RuleActionSchema),
  position: z.number(),
  stopFurther: z.boolean(),
  isActive: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Rule = z.infer<typeof RuleSchema>;
export const RuleListSchema = z.object({ data: z.array(RuleSchema) });

/** A rule as written in the editor (saved or not) run against a ticket, without changing anything. */
export const RuleTestBodySchema = z.object({
  ticketId: IdSchema,
  entityId: IdSchema,
  isRecursive: z.boolean().default(true),
  matchMode: z.enum(RULE_MATCH_MODES).default("all"),
  conditions: z.array(RuleConditionSchema).max(30),
  actions: z.array(RuleActionSchema).max(20),
});
export type RuleTestBody = z.input<typeof RuleTestBodySchema>;
export const RuleTestResultSchema = z.object({
  /** The rule's entity covers the ticket's. */
  inScope: z.boolean(),
  matched: z.boolean(),
  conditions: z.array(z.object({ index: z.number(), matched: z.boolean(), actual: z.string() })),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  observers: z.array(z.string()),
  reply: z.string().nullable(),
  /** Actions that would do nothing (the ticket already has that value) or could not apply. */
  skipped: z.array(z.object({ index: z.number(), reason: z.enum(["unchanged", "unavailable"]) })),
});
export type RuleTestResult = z.infer<typeof RuleTestResultSchema>;

// --- Ticket templates ---
const TemplateFields = {
  name: z.string().trim().min(1).max(120),
  entityId: IdSchema,
  isRecursive: z.boolean().default(true),
  categoryId: IdSchema.nullable().default(null),
  title: z.string().trim().max(250).default(""),
  description: z.string().max(20_000).default(""),
  type: z.enum(TICKET_TYPES).nullable().default(null),
  urgency: Scale.nullable().default(null),
  impact: Scale.nullable().default(null),
  groupId: IdSchema.nullable().default(null),
  isActive: z.boolean().default(true),
};
export const TemplateBodySchema = z.object(TemplateFields);
export type TemplateBody = z.input<typeof TemplateBodySchema>;
export type TemplateValues = z.output<typeof TemplateBodySchema>;
export const TemplateSchema = z.object({
  id: z.number(), name: z.string(), entityId: z.number(), entityName: z.string(), isRecursive: z.boolean(),
  categoryId: z.number().nullable(), categoryName: z.string().nullable(), title: z.string(), description: z.string(),
  type: z.enum(TICKET_TYPES).nullable(), urgency: z.number().nullable(), impact: z.number().nullable(),
  groupId: z.number().nullable(), groupName: z.string().nullable(), isActive: z.boolean(), updatedAt: z.string(),
});
export type Template = z.infer<typeof TemplateSchema>;
export const TemplateListSchema = z.object({ data: z.array(TemplateSchema) });
/** Without entityId: every template the caller manages; with it, those usable there (active, for the category or for none). */
export const ListTemplatesQuerySchema = z.object({
  entityId: IdSchema.optional(),
  categoryId: IdSchema.optional(),
  /** Without entityId: the active templates usable in any entity where the caller works on tickets (the new-ticket form). */
  usable: QueryBoolSchema.optional(),
});

// --- Canned responses ---
export const CannedBodySchema = z.object({
  name: z.string().trim().min(1).max(120),
  entityId: IdSchema,
  isRecursive: z.boolean().default(true),
  categoryId: IdSchema.nullable().default(null),
  content: z.string().trim().min(1).max(20_000),
});
export type CannedBody = z.input<typeof CannedBodySchema>;
export type CannedValues = z.output<typeof CannedBodySchema>;
export const CannedSchema = z.object({
  id: z.number(), name: z.string(), entityId: z.number(), entityName: z.string(), isRecursive: z.boolean(),
  categoryId: z.number().nullable(), categoryName: z.string().nullable(), content: z.string(), updatedAt: z.string(),
});
export type Canned = z.infer<typeof CannedSchema>;
export const CannedListSchema = z.object({ data: z.array(CannedSchema) });
/** With ticketId: the responses usable on that ticket (its entity, its category or none). */
export const ListCannedQuerySchema = z.object({ ticketId: IdSchema.optional() });
export const CannedRenderBodySchema = z.object({ ticketId: IdSchema });
export const CannedRenderSchema = z.object({ content: z.string() });

// --- Recurring tickets ---
export const RecurringBodySchema = z.object({
  name: z.string().trim().min(1).max(120),
  entityId: IdSchema,
  templateId: IdSchema,
  requesterId: IdSchema.nullable().default(null),
  frequency: z.enum(RECURRING_FREQUENCIES),
  every: z.number().int().min(1).max(365),
  /** For weekly schedules: ISO weekday, 1 = Monday. */
  weekday: z.number().int().min(1).max(7).nullable().default(null),
  timeOfDay: HHMM,
  timeZone: TimeZoneSchema.default("Europe/Paris"),
  startsOn: z.iso.date(),
  assetIds: z.array(IdSchema).max(200).default([]),
  isActive: z.boolean().default(true),
});
export type RecurringBody = z.input<typeof RecurringBodySchema>;
export type RecurringValues = z.output<typeof RecurringBodySchema>;
export const RecurringSchema = z.object({
  id: z.number(), name: z.string(), entityId: z.number(), entityName: z.string(), templateId: z.number(), templateName: z.string(),
  requesterId: z.number().nullable(), frequency: z.enum(RECURRING_FREQUENCIES), every: z.number(), weekday: z.number().nullable(),
  timeOfDay: z.string(), timeZone: z.string(), startsOn: z.string(), assets: z.array(z.object({ id: z.number(), name: z.string() })),
  isActive: z.boolean(), nextRunAt: z.string().nullable(), lastRunAt: z.string().nullable(),
  recentTickets: z.array(z.object({ ticketId: z.number(), title: z.string(), occurrence: z.string() })),
  updatedAt: z.string(),
});
export type Recurring = z.infer<typeof RecurringSchema>;
export const RecurringListSchema = z.object({ data: z.array(RecurringSchema) });
export const RecurringPauseBodySchema = z.object({ isActive: z.boolean() });

export const AutomationParamsSchema = z.object({ id: IdSchema });
