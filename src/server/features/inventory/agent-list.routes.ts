import {
  AttachImportBodySchema, AttachImportResultSchema, ImportEntryParamsSchema, InventoryAgentPageSchema, InventoryImportPageSchema,
  ListInventoryAgentsQuerySchema, ListInventoryImportsQuerySchema,
} from "../../../shared/api/inventory-agents.js";
import { type RouteSpec, route } from "../../http/route.js";
import { listInventoryAgents, listInventoryImports } from "./agent-list.service.js";
import { attachRefusedImport } from "./refused-imports.js";

/** The inventory agents and their import log, for people (the agents themselves talk on agent.routes.ts). */
export const agentListRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/inventory/agents", tag: "inventory-agents", auth: "user",
    summary: "The inventory agents of the caller's entities, newest contact first; `stale` keeps those silent for more than `days` days",
    query: ListInventoryAgentsQuerySchema, response: InventoryAgentPageSchema, handler: (ctx, { query }) => listInventoryAgents(ctx, query) }),
  route({ method: "GET", url: "/api/inventory/imports", tag: "inventory-agents", auth: "user",
    summary: "The log of what the agents sent, received or refused with the reason, newest first",
    query: ListInventoryImportsQuerySchema, response: InventoryImportPageSchema, handler: (ctx, { query }) => listInventoryImports(ctx, query) }),
  route({ method: "POST", url: "/api/inventory/imports/:entryId/attach", tag: "inventory-agents", auth: "user",
    summary: "Stores a refused inventory into the asset a person chose (`assetId`), or into a new asset (`assetId` null)",
    params: ImportEntryParamsSchema, body: AttachImportBodySchema, response: AttachImportResultSchema,
    handler: (ctx, { params, body }) => attachRefusedImport(ctx, params.entryId, body) }),
];
