import {
  ListSoftwareInstallationsQuerySchema, ListSoftwareQuerySchema, PreviewSoftwareBodySchema, SoftwareInstallationPageSchema, SoftwarePageSchema,
  SoftwareParamsSchema, SoftwarePreviewSchema, SoftwareQuerySchema, SoftwareRulesSchema, SoftwareSchema, UpdateSoftwareRulesBodySchema,
} from "../../../shared/api/software.js";
import { type RouteSpec, route } from "../../http/route.js";
import { getSoftware, listSoftware, listSoftwareInstallations } from "./software-catalogue.service.js";
import { getSoftwareRules, previewSoftware, updateSoftwareRules } from "./software-rules.service.js";

/** The software catalogue: software, versions, installations; and the rules that normalise their names. */
export const softwareRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/software", tag: "software", auth: "user",
    summary: "The software installed in the caller's entities, by name, with their installations and versions there; `q` is the start of the name",
    query: ListSoftwareQuerySchema, response: SoftwarePageSchema, handler: (ctx, { query }) => listSoftware(ctx, query) }),
  route({ method: "GET", url: "/api/software/:softwareId", tag: "software", auth: "user",
    summary: "One software and its versions installed in the caller's entities, most installed first",
    params: SoftwareParamsSchema, query: SoftwareQuerySchema, response: SoftwareSchema,
    handler: (ctx, { params, query }) => getSoftware(ctx, params.softwareId, query) }),
  route({ method: "GET", url: "/api/software/:softwareId/installations", tag: "software", auth: "user",
    summary: "The machines of the caller's entities that have the software (in one version with `versionId`), by asset id",
    params: SoftwareParamsSchema, query: ListSoftwareInstallationsQuerySchema, response: SoftwareInstallationPageSchema,
    handler: (ctx, { params, query }) => listSoftwareInstallations(ctx, params.softwareId, query) }),
  route({ method: "GET", url: "/api/inventory/software-rules", tag: "software", auth: "user",
    summary: "The ordered rules that rename software and publishers as inventories arrive; the first that matches decides",
    response: SoftwareRulesSchema, handler: (ctx) => getSoftwareRules(ctx) }),
  route({ method: "PUT", url: "/api/inventory/software-rules", tag: "software", auth: "user",
    summary: "Replaces the software normalisation rules (admin of the root entity); inventories received afterwards follow them",
    body: UpdateSoftwareRulesBodySchema, response: SoftwareRulesSchema, handler: (ctx, { body }) => updateSoftwareRules(ctx, body) }),
  route({ method: "POST", url: "/api/inventory/software-rules/preview", tag: "software", auth: "user",
    summary: "What the catalogue would list for a software as an agent reports it, with the given rules or the saved ones",
    body: PreviewSoftwareBodySchema, response: SoftwarePreviewSchema, handler: (ctx, { body }) => previewSoftware(ctx, body) }),
];
