import { z } from "zod";
import {
  CategoryListSchema, CategoryParamsSchema, CategorySchema, CreateCategoryBodySchema, ListCategoriesQuerySchema,
  PortalCategoriesQuerySchema, PortalCategoryListSchema, UpdateCategoryBodySchema,
} from "../../../shared/api/categories.js";
import { route } from "../../http/route.js";
import * as categories from "./category.service.js";

const NoContent = z.null();

/** The ticket categories: a tree per entity for the staff, plain words for the portal. */
export const categoryRoutes = [
  route({ method: "GET", url: "/api/categories", tag: "categories", auth: "user",
    summary: "The categories usable in an entity (its own and its parents'), in tree order",
    query: ListCategoriesQuerySchema, response: CategoryListSchema, handler: (ctx, { query }) => categories.listCategories(ctx, query) }),
  route({ method: "GET", url: "/api/categories/portal", tag: "categories", auth: "user",
    summary: "What a requester may choose from on the portal, in plain words (default: their entity)",
    query: PortalCategoriesQuerySchema, response: PortalCategoryListSchema,
    handler: (ctx, { query }) => categories.listPortalCategories(ctx, query.entityId) }),
  route({ method: "POST", url: "/api/categories", tag: "categories", auth: "user", status: 201, summary: "Create a category",
    body: CreateCategoryBodySchema, response: CategorySchema, handler: (ctx, { body }) => categories.createCategory(ctx, body) }),
  route({ method: "PATCH", url: "/api/categories/:categoryId", tag: "categories", auth: "user",
    summary: "Rename, move, or change a category's defaults, portal text or state (the branch follows)",
    params: CategoryParamsSchema, body: UpdateCategoryBodySchema, response: CategorySchema,
    handler: (ctx, { params, body }) => categories.updateCategory(ctx, params.categoryId, body) }),
  route({ method: "DELETE", url: "/api/categories/:categoryId", tag: "categories", auth: "user", status: 204,
    summary: "Delete an unused category without subcategories (else deactivate it)",
    params: CategoryParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await categories.deleteCategory(ctx, params.categoryId); return null; } }),
];
