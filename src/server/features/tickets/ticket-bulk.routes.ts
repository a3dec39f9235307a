import { BulkTicketsBodySchema, BulkTicketsResponseSchema } from "../../../shared/api/tickets.js";
import { route } from "../../http/route.js";
import { bulkChangeTickets } from "./ticket-bulk.service.js";

export const ticketBulkRoutes = [
  route({ method: "POST", url: "/api/tickets/bulk", tag: "tickets", auth: "user",
    summary: "Assign, take or change the status of up to 100 tickets at once; each ticket is changed or refused on its own",
    body: BulkTicketsBodySchema, response: BulkTicketsResponseSchema, handler: (ctx, { body }) => bulkChangeTickets(ctx, body),
    live: ({ result }) => result.results.flatMap((r) => (r.ok ? [r.id] : [])) }),
];
