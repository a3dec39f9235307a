import { OkSchema } from "../../../shared/api/common.js";
import {
  CreateSlaCalendarBodySchema, CreateSlaPolicyBodySchema, HolidayListSchema, HolidaysQuerySchema, SlaCalendarListSchema,
  SlaCalendarParamsSchema, SlaCalendarSchema, SlaPolicyListSchema, SlaPolicyParamsSchema, SlaPolicySchema, SlaTicketParamsSchema,
  TicketSlaSchema, UpdateSlaCalendarBodySchema, UpdateSlaPolicyBodySchema,
} from "../../../shared/api/sla.js";
import { type RouteSpec, route } from "../../http/route.js";
import { frenchHolidays } from "./calendar/holidays.js";
import {
  createSlaCalendar, createSlaPolicy, deleteSlaCalendar, deleteSlaPolicy, getSlaCalendar, getSlaPolicy, listSlaCalendars, listSlaPolicies,
  updateSlaCalendar, updateSlaPolicy,
} from "./sla-admin.service.js";
import { getTicketSla } from "./ticket-sla.service.js";
import { ContractSlaSchema, SlaContractParamsSchema, TicketContractListSchema } from "../../../shared/api/sla.js";
import { getContractSla, listTicketContracts } from "./sla-contract.service.js";

const tag = "sla";
const calendars = "/api/sla/calendars";
const policies = "/api/sla/policies";

/** Business calendars, SLA targets, ticket deadlines and escalations. */
export const slaRoutes: RouteSpec[] = [
  route({ method: "GET", url: calendars, tag, auth: "user", summary: "The business calendars of the entities the caller manages SLAs of (sla.manage)",
    response: SlaCalendarListSchema, handler: (ctx) => listSlaCalendars(ctx) }),
  route({ method: "POST", url: calendars, tag, auth: "user", status: 201,
    summary: "Gives an entity its business calendar (one per entity; sub-entities without one inherit it); overlapping hours are refused (422)",
    body: CreateSlaCalendarBodySchema, response: SlaCalendarSchema, handler: (ctx, { body }) => createSlaCalendar(ctx, body) }),
  route({ method: "GET", url: `${calendars}/:id`, tag, auth: "user", summary: "One business calendar",
    params: SlaCalendarParamsSchema, response: SlaCalendarSchema, handler: (ctx, { params }) => getSlaCalendar(ctx, params.id) }),
  route({ method: "PATCH", url: `${calendars}/:id`, tag, auth: "user",
    summary: "Changes a calendar; the open tickets below its entity get new deadlines in a job; a stale `version` answers 409",
    params: SlaCalendarParamsSchema, body: UpdateSlaCalendarBodySchema, response: SlaCalendarSchema,
    handler: (ctx, { params, body }) => updateSlaCalendar(ctx, params.id, body) }),
  route({ method: "DELETE", url: `${calendars}/:id`, tag, auth: "user", summary: "Removes a calendar: its entity inherits its parent's, or is open round the clock",
    params: SlaCalendarParamsSchema, response: OkSchema, handler: (ctx, { params }) => deleteSlaCalendar(ctx, params.id) }),
  route({ method: "GET", url: "/api/sla/holidays", tag, auth: "user", summary: "The French public holidays of a year (Alsace-Moselle's too on request)",
    query: HolidaysQuerySchema, response: HolidayListSchema,
    handler: async (_ctx, { query }) => ({ data: frenchHolidays(query.year, { alsaceMoselle: query.alsaceMoselle })
      .map((h) => ({ code: h.code, date: h.date, alsaceMoselleOnly: h.alsaceMoselleOnly })) }) }),
  route({ method: "GET", url: policies, tag, auth: "user", summary: "The SLAs of the entities the caller manages SLAs of (sla.manage)",
    response: SlaPolicyListSchema, handler: (ctx) => listSlaPolicies(ctx) }),
  route({ method: "POST", url: policies, tag, auth: "user", status: 201,
    summary: "Creates an SLA: targets per priority, optional category, escalation levels; a level that cannot apply is refused (422)",
    body: CreateSlaPolicyBodySchema, response: SlaPolicySchema, handler: (ctx, { body }) => createSlaPolicy(ctx, body) }),
  route({ method: "GET", url: `${policies}/:id`, tag, auth: "user", summary: "One SLA",
    params: SlaPolicyParamsSchema, response: SlaPolicySchema, handler: (ctx, { params }) => getSlaPolicy(ctx, params.id) }),
  route({ method: "PATCH", url: `${policies}/:id`, tag, auth: "user",
    summary: "Changes an SLA; the open tickets below its entity get new deadlines in a job; a stale `version` answers 409",
    params: SlaPolicyParamsSchema, body: UpdateSlaPolicyBodySchema, response: SlaPolicySchema,
    handler: (ctx, { params, body }) => updateSlaPolicy(ctx, params.id, body) }),
  route({ method: "DELETE", url: `${policies}/:id`, tag, auth: "user", summary: "Removes an SLA; the open tickets it applied to lose or change their deadlines",
    params: SlaPolicyParamsSchema, response: OkSchema, handler: (ctx, { params }) => deleteSlaPolicy(ctx, params.id) }),
  route({ method: "GET", url: "/api/sla/tickets/:ticketId", tag, auth: "user",
    summary: "A ticket's deadlines (time to own, time to resolve): due, business time left, state, escalations fired",
    params: SlaTicketParamsSchema, response: TicketSlaSchema, handler: (ctx, { params }) => getTicketSla(ctx, params.ticketId) }),
  route({ method: "GET", url: "/api/sla/tickets/:ticketId/contracts", tag, auth: "user",
    summary: "The contracts a ticket may be worked under: in force the day it was opened, of its entity or a parent (staff)",
    params: SlaTicketParamsSchema, response: TicketContractListSchema, handler: (ctx, { params }) => listTicketContracts(ctx, params.ticketId) }),
  route({ method: "GET", url: "/api/sla/contracts/:contractId", tag, auth: "user",
    summary: "A contract's support hours (its business calendar) and SLAs, for whoever may read the contract",
    params: SlaContractParamsSchema, response: ContractSlaSchema, handler: (ctx, { params }) => getContractSla(ctx, params.contractId) }),
];
