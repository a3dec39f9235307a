import { z } from "zod";
import {
  AgentAuthSchema, CreateAgentLoginBodySchema, CreatedAgentLoginSchema, MatchRulesSchema, UpdateAgentAuthBodySchema, UpdateMatchRulesBodySchema,
} from "../../../shared/api/inventory-settings.js";
import { type RouteSpec, route } from "../../http/route.js";
import { createAgentLogin, deleteAgentLogin, getAgentAuth, updateAgentAuth } from "./agent-auth.service.js";
import { getMatchRules, resetMatchRules, updateMatchRules } from "./inventory-settings.service.js";

/** The admin's inventory settings: import rules, agent logins. */
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
  route({ method: "GET", url: "/api/inventory/agent-auth", tag: "inventory-agents", auth: "user",
    summary: "Whether agents must authenticate (HTTP Basic), and the agent logins (admin of the root entity)",
    response: AgentAuthSchema, handler: (ctx) => getAgentAuth(ctx) }),
  route({ method: "PUT", url: "/api/inventory/agent-auth", tag: "inventory-agents", auth: "user",
    summary: "Requires agents to authenticate, or not; requiring needs a login first",
    body: UpdateAgentAuthBodySchema, response: AgentAuthSchema, handler: (ctx, { body }) => updateAgentAuth(ctx, body) }),
  route({ method: "POST", url: "/api/inventory/agent-auth/logins", tag: "inventory-agents", auth: "user", status: 201,
    summary: "A new agent login for an entity; the answer holds its secret, shown this once",
    body: CreateAgentLoginBodySchema, response: CreatedAgentLoginSchema, handler: (ctx, { body }) => createAgentLogin(ctx, body) }),
  route({ method: "DELETE", url: "/api/inventory/agent-auth/logins/:loginId", tag: "inventory-agents", auth: "user",
    summary: "Removes an agent login: agents still using it are refused",
    params: z.object({ loginId: z.string().uuid() }), response: AgentAuthSchema, handler: (ctx, { params }) => deleteAgentLogin(ctx, params.loginId) }),
];
