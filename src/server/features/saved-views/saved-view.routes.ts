import { z } from "zod";
import {
  CreateSavedViewBodySchema, SavedViewListSchema, SavedViewParamsSchema, SavedViewSchema, UpdateSavedViewBodySchema,
} from "../../../shared/api/saved-views.js";
import { route } from "../../http/route.js";
import { createSavedView, deleteSavedView, listSavedViews, updateSavedView } from "./saved-view.service.js";

export const savedViewRoutes = [
  route({ method: "GET", url: "/api/saved-views", tag: "tickets", auth: "user",
    summary: "My saved queue views: filters and columns under a name",
    response: SavedViewListSchema, handler: (ctx) => listSavedViews(ctx) }),
  route({ method: "POST", url: "/api/saved-views", tag: "tickets", auth: "user", status: 201,
    summary: "Save the queue's filters and columns as a view of mine (names are unique per user)",
    body: CreateSavedViewBodySchema, response: SavedViewSchema, handler: (ctx, { body }) => createSavedView(ctx, body) }),
  route({ method: "PATCH", url: "/api/saved-views/:viewId", tag: "tickets", auth: "user",
    summary: "Rename one of my views, or change its filters or columns",
    params: SavedViewParamsSchema, body: UpdateSavedViewBodySchema, response: SavedViewSchema,
    handler: (ctx, { params, body }) => updateSavedView(ctx, params.viewId, body) }),
  route({ method: "DELETE", url: "/api/saved-views/:viewId", tag: "tickets", auth: "user", status: 204,
    summary: "Delete one of my views", params: SavedViewParamsSchema, response: z.null(),
    handler: async (ctx, { params }) => { await deleteSavedView(ctx, params.viewId); return null; } }),
];
