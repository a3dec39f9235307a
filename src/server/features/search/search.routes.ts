import {
  CreateDeflectionBodySchema, DeflectionSchema, DeflectionStatsQuerySchema, DeflectionStatsSchema, SearchQuerySchema, SearchResultsSchema,
  SuggestionsQuerySchema, SuggestionsSchema,
} from "../../../shared/api/search.js";
import { type RouteSpec, route } from "../../http/route.js";
import { globalSearch } from "./search.service.js";
import { deflectionStats, recordDeflection, suggest } from "./suggestion.service.js";

/** One global search over tickets, users, articles and assets. */
export const searchRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/search", tag: "search", auth: "user",
    summary: "Tickets, users, assets and articles matching the words typed (accents, case and word endings aside; the last word as a prefix), "
      + "grouped by kind, best first, each kind limited to what the caller may read; a ticket number finds that ticket first",
    query: SearchQuerySchema, response: SearchResultsSchema, handler: (ctx, { query }) => globalSearch(ctx, query) }),
  route({ method: "GET", url: "/api/search/suggestions", tag: "search", auth: "user",
    summary: "Articles and similar open tickets for a ticket being typed; a requester gets the portal articles and their own tickets",
    query: SuggestionsQuerySchema, response: SuggestionsSchema, handler: (ctx, { query }) => suggest(ctx, query) }),
  route({ method: "POST", url: "/api/search/deflections", tag: "search", auth: "user", status: 201,
    summary: "Records that an article solved a request before it was sent (the request is then not created)",
    body: CreateDeflectionBodySchema, response: DeflectionSchema, handler: (ctx, { body }) => recordDeflection(ctx, body) }),
  route({ method: "GET", url: "/api/search/deflections/stats", tag: "search", auth: "user",
    summary: "How many requests the articles solved before they were sent, overall and per article (supervisors, kb.manage)",
    query: DeflectionStatsQuerySchema, response: DeflectionStatsSchema, handler: (ctx, { query }) => deflectionStats(ctx, query) }),
];
