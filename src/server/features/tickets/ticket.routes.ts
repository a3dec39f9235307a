import { IdParamsSchema, PageQuerySchema } from "../../../shared/api/common.js";
import {
  ChangeStatusBodySchema, CreateFollowupBodySchema, CreateTicketBodySchema, EscalateBodySchema, FollowupPageSchema,
  FollowupSchema, ListTicketsQuerySchema, TakeBodySchema, TicketPageSchema, TicketSchema, UpdateTicketBodySchema,
  ApprovalBodySchema, SatisfactionBodySchema, SolveBodySchema, WorkaroundBodySchema,
} from "../../../shared/api/tickets.js";
import { route } from "../../http/route.js";
import { addFollowup, listFollowups } from "./followup.service.js";
import { listTickets } from "./ticket-list.service.js";
import { addWorkaround, answerSolution, rateTicket, solveTicket } from "./ticket-solution.service.js";
import { changeStatus, escalateTicket, takeTicket } from "./ticket-status.service.js";
import { createTicket, getTicket, updateTicket } from "./ticket.service.js";

export const ticketRoutes = [
  route({ method: "GET", url: "/api/tickets", tag: "tickets", auth: "user",
    summary: "The queues: open, mine, my groups, unassigned, waiting, late, all — filtered, sorted, paginated",
    query: ListTicketsQuerySchema, response: TicketPageSchema, handler: (ctx, { query }) => listTickets(ctx, query) }),
  route({ method: "POST", url: "/api/tickets", tag: "tickets", auth: "user", status: 201,
    summary: "Open a ticket (staff for anyone of their entities; a requester for themselves)",
    body: CreateTicketBodySchema, response: TicketSchema, handler: (ctx, { body }) => createTicket(ctx, body) }),
  route({ method: "GET", url: "/api/tickets/:id", tag: "tickets", auth: "user", summary: "Get a ticket",
    params: IdParamsSchema, response: TicketSchema, handler: (ctx, { params }) => getTicket(ctx, params.id) }),
  route({ method: "PATCH", url: "/api/tickets/:id", tag: "tickets", auth: "user",
    summary: "Change a ticket's fields (send its version: a stale one gets 409)",
    params: IdParamsSchema, body: UpdateTicketBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => updateTicket(ctx, params.id, body) }),
  route({ method: "POST", url: "/api/tickets/:id/status", tag: "tickets", auth: "user",
    summary: "Move a ticket along its life cycle (pending and reopening need a reason)",
    params: IdParamsSchema, body: ChangeStatusBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => changeStatus(ctx, params.id, body) }),
  route({ method: "POST", url: "/api/tickets/:id/take", tag: "tickets", auth: "user", summary: "Assign the ticket to myself",
    params: IdParamsSchema, body: TakeBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => takeTicket(ctx, params.id, body.version) }),
  route({ method: "POST", url: "/api/tickets/:id/escalate", tag: "tickets", auth: "user",
    summary: "Escalate to another level's group (or de-escalate), with a note for the team",
    params: IdParamsSchema, body: EscalateBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => escalateTicket(ctx, params.id, body) }),
  route({ method: "GET", url: "/api/tickets/:id/followups", tag: "tickets", auth: "user",
    summary: "The ticket's followups, oldest first (private ones for staff only)",
    params: IdParamsSchema, query: PageQuerySchema, response: FollowupPageSchema,
    handler: (ctx, { params, query }) => listFollowups(ctx, params.id, query) }),
  route({ method: "POST", url: "/api/tickets/:id/followups", tag: "tickets", auth: "user", status: 201,
    summary: "Add a followup (private notes for staff only)",
    params: IdParamsSchema, body: CreateFollowupBodySchema, response: FollowupSchema,
    handler: (ctx, { params, body }) => addFollowup(ctx, params.id, body) }),
  route({ method: "POST", url: "/api/tickets/:id/solution", tag: "tickets", auth: "user",
    summary: "Give the solution: the ticket is solved and waits for the requester's approval",
    params: IdParamsSchema, body: SolveBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => solveTicket(ctx, params.id, body) }),
  route({ method: "POST", url: "/api/tickets/:id/workaround", tag: "tickets", auth: "user",
    summary: "Give a workaround while the real fix waits (the ticket stays open)",
    params: IdParamsSchema, body: WorkaroundBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => addWorkaround(ctx, params.id, body.content) }),
  route({ method: "POST", url: "/api/tickets/:id/approval", tag: "tickets", auth: "user",
    summary: "The requester accepts the solution (closed) or refuses it with a reason (reopened)",
    params: IdParamsSchema, body: ApprovalBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => answerSolution(ctx, params.id, body) }),
  route({ method: "POST", url: "/api/tickets/:id/satisfaction", tag: "tickets", auth: "user",
    summary: "The requester rates a closed ticket, 1 to 5, once",
    params: IdParamsSchema, body: SatisfactionBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => rateTicket(ctx, params.id, body) }),
];
