import { z } from "zod";
import {
  AssetContractListSchema, AssetParamsSchema, ContractAssetsBodySchema, ContractAssetsResultSchema, ContractPageSchema,
  ContractParamsSchema, ContractSchema, CoveredAssetPageSchema, CoveredAssetsQuerySchema, CreateContractBodySchema,
  FleetAlertPageSchema, FleetAlertsQuerySchema, ListContractsQuerySchema, UpdateContractBodySchema,
} from "../../../shared/api/contracts.js";
import { type RouteSpec, route } from "../../http/route.js";
import * as covered from "./contract-assets.service.js";
import * as contracts from "./contract.service.js";
import { listFleetAlerts } from "./fleet-alerts.service.js";

const NoContent = z.null();

/** Contracts (maintenance, warranty extension, lease, support), the assets they cover, and the fleet's alerts. */
export const contractRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/contracts", tag: "contracts", auth: "user",
    summary: "The contracts of the caller's entities, soonest end first or by name, with filters",
    query: ListContractsQuerySchema, response: ContractPageSchema, handler: (ctx, { query }) => contracts.listContracts(ctx, query) }),
  route({ method: "POST", url: "/api/contracts", tag: "contracts", auth: "user", status: 201,
    summary: "Create a contract (its end and notice dates follow from its start, duration and notice period)",
    body: CreateContractBodySchema, response: ContractSchema, handler: (ctx, { body }) => contracts.createContract(ctx, body) }),
  route({ method: "GET", url: "/api/contracts/:contractId", tag: "contracts", auth: "user", summary: "One contract",
    params: ContractParamsSchema, response: ContractSchema, handler: (ctx, { params }) => contracts.getContract(ctx, params.contractId) }),
  route({ method: "PATCH", url: "/api/contracts/:contractId", tag: "contracts", auth: "user",
    summary: "Change a contract; a new start, duration or notice period recomputes its dates",
    params: ContractParamsSchema, body: UpdateContractBodySchema, response: ContractSchema,
    handler: (ctx, { params, body }) => contracts.updateContract(ctx, params.contractId, body) }),
  route({ method: "DELETE", url: "/api/contracts/:contractId", tag: "contracts", auth: "user", status: 204,
    summary: "Delete a contract (the assets it covered stay)", params: ContractParamsSchema, response: NoContent,
    handler: async (ctx, { params }) => { await contracts.deleteContract(ctx, params.contractId); return null; } }),
  route({ method: "GET", url: "/api/contracts/:contractId/assets", tag: "contracts", auth: "user",
    summary: "The assets a contract covers, by asset tag", params: ContractParamsSchema, query: CoveredAssetsQuerySchema,
    response: CoveredAssetPageSchema, handler: (ctx, { params, query }) => covered.listCoveredAssets(ctx, params.contractId, query) }),
  route({ method: "POST", url: "/api/contracts/:contractId/assets", tag: "contracts", auth: "user",
    summary: "Cover assets of the contract's entity or its sub-entities (up to 500; those already covered are ignored)",
    params: ContractParamsSchema, body: ContractAssetsBodySchema, response: ContractAssetsResultSchema,
    handler: (ctx, { params, body }) => covered.attachAssets(ctx, params.contractId, body) }),
  route({ method: "POST", url: "/api/contracts/:contractId/assets/remove", tag: "contracts", auth: "user",
    summary: "Stop covering assets (up to 500; those not covered are ignored)",
    params: ContractParamsSchema, body: ContractAssetsBodySchema, response: ContractAssetsResultSchema,
    handler: (ctx, { params, body }) => covered.detachAssets(ctx, params.contractId, body) }),
  route({ method: "GET", url: "/api/assets/:id/contracts", tag: "contracts", auth: "user",
    summary: "The contracts covering an asset", params: AssetParamsSchema, response: AssetContractListSchema,
    handler: (ctx, { params }) => contracts.listAssetContracts(ctx, params.id) }),
  route({ method: "GET", url: "/api/fleet/alerts", tag: "contracts", auth: "user",
    summary: "Warranties and contracts ending, and notice dates, from today to `days` ahead, soonest first",
    query: FleetAlertsQuerySchema, response: FleetAlertPageSchema, handler: (ctx, { query }) => listFleetAlerts(ctx, query) }),
];
