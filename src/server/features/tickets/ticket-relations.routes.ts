import { IdParamsSchema, OkSchema } from "../../../shared/api/common.js";
import {
  AddObserverBodySchema, CreateLinkBodySchema, LinkParamsSchema, MergeBodySchema, ObserverListSchema, ObserverParamsSchema,
  TicketLinkListSchema, TicketLinkSchema,
} from "../../../shared/api/ticket-links.js";
import { TicketSchema } from "../../../shared/api/tickets.js";
import { route } from "../../http/route.js";
import { addObserver, listObservers, removeObserver } from "./observer.service.js";
import { createLink, deleteLink, listLinks } from "./ticket-link.service.js";
import { mergeTickets } from "./ticket-merge.service.js";

/** What ties a ticket to other tickets and people: links, merge, observers. */
export const ticketRelationRoutes = [
  route({ method: "GET", url: "/api/tickets/:id/links", tag: "tickets", auth: "user",
    summary: "The tickets linked to this one: duplicates, parent and children, related (staff only)",
    params: IdParamsSchema, response: TicketLinkListSchema, handler: async (ctx, { params }) => ({ data: await listLinks(ctx, params.id) }) }),
  route({ method: "POST", url: "/api/tickets/:id/links", tag: "tickets", auth: "user", status: 201,
    summary: "Link another ticket: duplicates, duplicated_by, child_of, parent_of or related",
    params: IdParamsSchema, body: CreateLinkBodySchema, response: TicketLinkSchema,
    handler: (ctx, { params, body }) => createLink(ctx, params.id, body), live: ({ params, body }) => [params.id, body.otherId] }),
  route({ method: "DELETE", url: "/api/tickets/:id/links/:linkId", tag: "tickets", auth: "user", summary: "Remove a link",
    params: LinkParamsSchema, response: OkSchema,
    handler: async (ctx, { params }) => { await deleteLink(ctx, params.id, params.linkId); return { ok: true as const }; },
    live: ({ params }) => params.id }),
  route({ method: "POST", url: "/api/tickets/:id/merge", tag: "tickets", auth: "user",
    summary: "Merge tickets into this one: their content is copied here and they are closed as duplicates",
    params: IdParamsSchema, body: MergeBodySchema, response: TicketSchema,
    handler: (ctx, { params, body }) => mergeTickets(ctx, params.id, body), live: ({ params, body }) => [params.id, ...body.sourceIds] }),
  route({ method: "GET", url: "/api/tickets/:id/observers", tag: "tickets", auth: "user", summary: "Who follows the ticket",
    params: IdParamsSchema, response: ObserverListSchema, handler: async (ctx, { params }) => ({ data: await listObservers(ctx, params.id) }) }),
  route({ method: "POST", url: "/api/tickets/:id/observers", tag: "tickets", auth: "user",
    summary: "Add an observer: they read the ticket from the portal and hear of its followups",
    params: IdParamsSchema, body: AddObserverBodySchema, response: ObserverListSchema,
    handler: async (ctx, { params, body }) => ({ data: await addObserver(ctx, params.id, body.userId) }), live: ({ params }) => params.id }),
  route({ method: "DELETE", url: "/api/tickets/:id/observers/:userId", tag: "tickets", auth: "user",
    summary: "Remove an observer (staff), or stop following (the observer themself)",
    params: ObserverParamsSchema, response: ObserverListSchema,
    handler: async (ctx, { params }) => ({ data: await removeObserver(ctx, params.id, params.userId) }), live: ({ params }) => params.id }),
];
