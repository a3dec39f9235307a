import { AssetInventoryParamsSchema } from "../../../shared/api/asset-inventory.js";
import {
  AssetHealthSchema, HealthPageSchema, HealthSettingsBodySchema, HealthSettingsSchema, HealthSummarySchema, ListHealthQuerySchema,
} from "../../../shared/api/inventory-health.js";
import { type RouteSpec, route } from "../../http/route.js";
import { getHealthSettings, updateHealthSettings } from "./health-settings.service.js";
import { getAssetHealth, getHealthSummary, listHealth } from "./health.service.js";

/** The fleet's health signals from inventories: disks almost full, antivirus off or stale, agents silent. */
export const healthRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/inventory/health", tag: "inventory-health", auth: "user",
    summary: "The machines of the caller's entities with one signal: fullest disks first, antivirus by asset, longest silent first",
    query: ListHealthQuerySchema, response: HealthPageSchema, handler: (ctx, { query }) => listHealth(ctx, query) }),
  route({ method: "GET", url: "/api/inventory/health/summary", tag: "inventory-health", auth: "user",
    summary: "How many machines of the caller's entities have each signal, with the thresholds in force",
    response: HealthSummarySchema, handler: (ctx) => getHealthSummary(ctx) }),
  route({ method: "GET", url: "/api/inventory/health/settings", tag: "inventory-health", auth: "user",
    summary: "The thresholds of the health signals and the automatic tickets; `canManage` when the caller may change them",
    response: HealthSettingsSchema, handler: (ctx) => getHealthSettings(ctx) }),
  route({ method: "PUT", url: "/api/inventory/health/settings", tag: "inventory-health", auth: "user",
    summary: "Changes the thresholds and the automatic tickets (admin of the root entity); the category must be one of the root's",
    body: HealthSettingsBodySchema, response: HealthSettingsSchema, handler: (ctx, { body }) => updateHealthSettings(ctx, body) }),
  route({ method: "GET", url: "/api/assets/:assetId/health", tag: "inventory-health", auth: "user",
    summary: "The health signals of one asset (empty when all is well), for a badge on its page",
    params: AssetInventoryParamsSchema, response: AssetHealthSchema, handler: (ctx, { params }) => getAssetHealth(ctx, params.assetId) }),
];
