import { z } from "zod";
import {
  CreateSavedViewBodySchema, ListSavedViewsQuerySchema, SavedViewListSchema, SavedViewParamsSchema, SavedViewSchema, UpdateSavedViewBodySchema,
} from "../../../shared/api/saved-views.js";
import { route } from "../../http/route.js";
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from "./saved-view.service.js";

export const savedViewRoutes = [
  route({ method: "GET", url: "/api/saved-views", tag: "tickets", auth: "user",
    summary: "My saved views of one list (the ticket queue unless scope=assets): filters and columns under a name",
    query: ListSavedViewsQuerySchema, response: SavedViewListSchema, handler: (ctx, { query }) => listSavedViews(ctx, query.scope) }),
  route({ method: "POST", url: "/api/saved-views", tag: "tickets", auth: "user", status: 201,
    summary: "Save a list's filters and columns as a view of mine (the queue unless scope is assets; names are unique per user and list)",
    body: CreateSavedViewBodySchema, response: SavedViewSchema, handler: (ctx, { body }) => createSavedView(ctx, body) }),
  route({ method: "PATCH", url: "/api/saved-views/:viewId", tag: "tickets", auth: "user",
    summary: "Rename one of my views, or change its filters or columns",
    params: SavedViewParamsSchema, body: UpdateSavedViewBodySchema, response: SavedViewSchema,
    handler: (ctx, { params, body }) => updateSavedView(ctx, params.viewId, body) }),
  route({ method: "DELETE", url: "/api/saved-views/:viewId", tag: "tickets", auth: "user", status: 204,
    summary: "Delete one of my views", params: SavedViewParamsSchema, response: z.null(),
    handler: async (ctx, { params }) => { await deleteSavedView(ctx, params.viewId); return null; } }),
];
