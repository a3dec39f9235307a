import { z } from "zod";
import {
  AutomationParamsSchema, CannedBodySchema, CannedListSchema, CannedRenderBodySchema, CannedRenderSchema, CannedSchema, CreateRuleBodySchema,
  ListCannedQuerySchema, ListTemplatesQuerySchema, RecurringBodySchema, RecurringListSchema, RecurringPauseBodySchema, RecurringSchema,
  RuleActiveBodySchema, RuleListSchema, RuleMoveBodySchema, RuleSchema, RuleTestBodySchema, RuleTestResultSchema, TemplateBodySchema,
  TemplateListSchema, TemplateSchema, UpdateRuleBodySchema,
} from "../../../shared/api/automation.js";
import { type RouteSpec, route } from "../../http/route.js";
import { createCanned, deleteCanned, listCanned, renderCanned, updateCanned } from "./canned.service.js";
import { createRecurring, deleteRecurring, listRecurring, pauseRecurring, updateRecurring } from "./recurring.service.js";
import { testRule } from "./rule-test.service.js";
import { createRule, deleteRule, getRule, listRules, moveRule, setRuleActive, updateRule } from "./rule.service.js";
import { createTemplate, deleteTemplate, listTemplates, updateTemplate } from "./template.service.js";

const tag = "automation";
const rules = "/api/automation/rules";
const templates = "/api/automation/templates";
const canned = "/api/automation/canned-responses";
const recurring = "/api/automation/recurring";
const params = AutomationParamsSchema;

const ruleRoutes: RouteSpec[] = [
  route({ method: "GET", url: rules, tag, auth: "user", summary: "The rules of the entities the caller manages (automation.manage), in the order they run",
    response: RuleListSchema, handler: (ctx) => listRules(ctx) }),
  route({ method: "POST", url: rules, tag, auth: "user", status: 201,
    summary: "Adds a rule at the end of the order; an action that cannot apply in its entity answers 422 RULE_ACTION_INVALID",
    body: CreateRuleBodySchema, response: RuleSchema, handler: (ctx, { body }) => createRule(ctx, body) }),
  route({ method: "POST", url: `${rules}/test`, tag, auth: "user",
    summary: "Runs a rule as written (saved or not) against a ticket: which conditions hold and what would change; changes nothing",
    body: RuleTestBodySchema, response: RuleTestResultSchema, handler: (ctx, { body }) => testRule(ctx, body) }),
  route({ method: "GET", url: `${rules}/:id`, tag, auth: "user", summary: "One rule", params, response: RuleSchema,
    handler: (ctx, { params }) => getRule(ctx, params.id) }),
  route({ method: "PUT", url: `${rules}/:id`, tag, auth: "user", summary: "Saves a rule (stale `version` answers 409); its actions are checked again",
    params, body: UpdateRuleBodySchema, response: RuleSchema, handler: (ctx, { params, body }) => updateRule(ctx, params.id, body) }),
  route({ method: "POST", url: `${rules}/:id/active`, tag, auth: "user", summary: "Enables or disables a rule",
    params, body: RuleActiveBodySchema, response: RuleSchema, handler: (ctx, { params, body }) => setRuleActive(ctx, params.id, body.isActive, body.version) }),
  route({ method: "POST", url: `${rules}/:id/move`, tag, auth: "user", summary: "Moves a rule one place up or down in the order; answers the new order",
    params, body: RuleMoveBodySchema, response: RuleListSchema, handler: (ctx, { params, body }) => moveRule(ctx, params.id, body.direction) }),
  route({ method: "DELETE", url: `${rules}/:id`, tag, auth: "user", status: 204, summary: "Deletes a rule", params, response: z.null(),
    handler: async (ctx, { params }) => { await deleteRule(ctx, params.id); return null; } }),
];

const templateRoutes: RouteSpec[] = [
  route({ method: "GET", url: templates, tag, auth: "user",
    summary: "Ticket templates: those the caller manages, or with `entityId` those a technician may start a ticket from there (for `categoryId` or any)",
    query: ListTemplatesQuerySchema, response: TemplateListSchema, handler: (ctx, { query }) => listTemplates(ctx, query) }),
  route({ method: "POST", url: templates, tag, auth: "user", status: 201, summary: "Creates a ticket template (automation.manage)",
    body: TemplateBodySchema, response: TemplateSchema, handler: (ctx, { body }) => createTemplate(ctx, body) }),
  route({ method: "PUT", url: `${templates}/:id`, tag, auth: "user", summary: "Saves a ticket template",
    params, body: TemplateBodySchema, response: TemplateSchema, handler: (ctx, { params, body }) => updateTemplate(ctx, params.id, body) }),
  route({ method: "DELETE", url: `${templates}/:id`, tag, auth: "user", status: 204, summary: "Deletes a template no rule nor schedule uses (else 409)",
    params, response: z.null(), handler: async (ctx, { params }) => { await deleteTemplate(ctx, params.id); return null; } }),
];

const cannedRoutes: RouteSpec[] = [
  route({ method: "GET", url: canned, tag, auth: "user",
    summary: "Canned responses: those the caller manages, or with `ticketId` those a technician may insert on that ticket",
    query: ListCannedQuerySchema, response: CannedListSchema, handler: (ctx, { query }) => listCanned(ctx, query) }),
  route({ method: "POST", url: canned, tag, auth: "user", status: 201, summary: "Creates a canned response (automation.manage)",
    body: CannedBodySchema, response: CannedSchema, handler: (ctx, { body }) => createCanned(ctx, body) }),
  route({ method: "PUT", url: `${canned}/:id`, tag, auth: "user", summary: "Saves a canned response",
    params, body: CannedBodySchema, response: CannedSchema, handler: (ctx, { params, body }) => updateCanned(ctx, params.id, body) }),
  route({ method: "DELETE", url: `${canned}/:id`, tag, auth: "user", status: 204, summary: "Deletes a canned response",
    params, response: z.null(), handler: async (ctx, { params }) => { await deleteCanned(ctx, params.id); return null; } }),
  route({ method: "POST", url: `${canned}/:id/render`, tag, auth: "user",
    summary: "The response with the placeholders filled for a ticket the caller works on (the caller is the technician)",
    params, body: CannedRenderBodySchema, response: CannedRenderSchema, handler: (ctx, { params, body }) => renderCanned(ctx, params.id, body.ticketId) }),
];

const recurringRoutes: RouteSpec[] = [
  route({ method: "GET", url: recurring, tag, auth: "user", summary: "Recurring tickets of the entities the caller manages, with their next run and last tickets",
    response: RecurringListSchema, handler: (ctx) => listRecurring(ctx) }),
  route({ method: "POST", url: recurring, tag, auth: "user", status: 201, summary: "Schedules a recurring ticket from a template (automation.manage)",
    body: RecurringBodySchema, response: RecurringSchema, handler: (ctx, { body }) => createRecurring(ctx, body) }),
  route({ method: "PUT", url: `${recurring}/:id`, tag, auth: "user", summary: "Saves a recurring ticket; the next run is computed again",
    params, body: RecurringBodySchema, response: RecurringSchema, handler: (ctx, { params, body }) => updateRecurring(ctx, params.id, body) }),
  route({ method: "POST", url: `${recurring}/:id/pause`, tag, auth: "user", summary: "Pauses (isActive false) or resumes a recurring ticket",
    params, body: RecurringPauseBodySchema, response: RecurringSchema, handler: (ctx, { params, body }) => pauseRecurring(ctx, params.id, body.isActive) }),
  route({ method: "DELETE", url: `${recurring}/:id`, tag, auth: "user", status: 204, summary: "Deletes a recurring ticket (its tickets stay)",
    params, response: z.null(), handler: async (ctx, { params }) => { await deleteRecurring(ctx, params.id); return null; } }),
];

/** Automation rules, ticket templates, canned responses and recurring tickets. */
export const automationRoutes: RouteSpec[] = [...ruleRoutes, ...templateRoutes, ...cannedRoutes, ...recurringRoutes];
