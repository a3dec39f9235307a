import { MatchRulesSchema, UpdateMatchRulesBodySchema } from "../../../shared/api/inventory-settings.js";
import { type RouteSpec, route } from "../../http/route.js";
import { getMatchRules, resetMatchRules, updateMatchRules } from "./inventory-settings.service.js";

/** The admin's inventory settings: import rules. */
export const inventorySettingsRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/inventory/match-rules", tag: "inventory-agents", auth: "user",
    summary: "The ordered import rules that decide which asset an inventory updates; `isDefault` when the built-in ones apply",
    response: MatchRulesSchema, handler: (ctx) => getMatchRules(ctx) }),
  route({ method: "PUT", url: "/api/inventory/match-rules", tag: "inventory-agents", auth: "user",
    summary: "Replaces the import rules (admin of the root entity); the first enabled rule that finds one asset decides",
    body: UpdateMatchRulesBodySchema, response: MatchRulesSchema, handler: (ctx, { body }) => updateMatchRules(ctx, body) }),
  route({ method: "DELETE", url: "/api/inventory/match-rules", tag: "inventory-agents", auth: "user",
    summary: "Goes back to the built-in import rules (admin of the root entity)",
    response: MatchRulesSchema, handler: (ctx) => resetMatchRules(ctx) }),
];
