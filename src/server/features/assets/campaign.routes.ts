import {
  CampaignPageSchema, CampaignParamsSchema, CampaignReportSchema, CampaignSchema, CreateCampaignBodySchema,
  FixLocationsBodySchema, FixLocationsResultSchema, ListCampaignsQuerySchema, ReportQuerySchema, ScanBodySchema,
  ScanPageSchema, ScanResultSchema,
} from "../../../shared/api/inventory.js";
import { PageQuerySchema } from "../../../shared/api/common.js";
import { route } from "../../http/route.js";
import { campaignReport, fixLocations, listScans } from "./campaign-report.service.js";
import * as campaigns from "./campaign.service.js";

const BASE = "/api/inventory/campaigns";
const ONE = `${BASE}/:campaignId`;
const tag = "inventory";

/** The physical inventory: campaigns, scans, the report, and putting unexpected assets where they were found. */
export const campaignRoutes = [
  route({ method: "GET", url: BASE, tag, auth: "user", summary: "Inventory campaigns of the caller's entities, newest first",
    query: ListCampaignsQuerySchema, response: CampaignPageSchema, handler: (ctx, { query }) => campaigns.listCampaigns(ctx, query) }),
  route({ method: "POST", url: BASE, tag, auth: "user", status: 201,
    summary: "Start an inventory campaign of a location and everything below it",
    body: CreateCampaignBodySchema, response: CampaignSchema, handler: (ctx, { body }) => campaigns.createCampaign(ctx, body) }),
  route({ method: "GET", url: ONE, tag, auth: "user", summary: "One inventory campaign",
    params: CampaignParamsSchema, response: CampaignSchema, handler: (ctx, { params }) => campaigns.getCampaign(ctx, params.campaignId) }),
  route({ method: "POST", url: `${ONE}/scans`, tag, auth: "user",
    summary: "Record a scanned label (the QR code's URL) or a typed asset tag; scanning it again changes nothing",
    params: CampaignParamsSchema, body: ScanBodySchema, response: ScanResultSchema,
    handler: (ctx, { params, body }) => campaigns.recordScan(ctx, params.campaignId, body.code) }),
  route({ method: "GET", url: `${ONE}/scans`, tag, auth: "user", summary: "The campaign's scans, latest first, each with its verdict",
    params: CampaignParamsSchema, query: PageQuerySchema, response: ScanPageSchema,
    handler: (ctx, { params, query }) => listScans(ctx, params.campaignId, query) }),
  route({ method: "GET", url: `${ONE}/report`, tag, auth: "user",
    summary: "One section of the report (found, missing, unexpected incl. unknown labels), paginated, with the three counts",
    params: CampaignParamsSchema, query: ReportQuerySchema, response: CampaignReportSchema,
    handler: (ctx, { params, query }) => campaignReport(ctx, params.campaignId, query) }),
  route({ method: "POST", url: `${ONE}/fix-locations`, tag, auth: "user",
    summary: "Record the chosen unexpected assets at the campaign's location (one move each)",
    params: CampaignParamsSchema, body: FixLocationsBodySchema, response: FixLocationsResultSchema,
    handler: (ctx, { params, body }) => fixLocations(ctx, params.campaignId, body) }),
  route({ method: "POST", url: `${ONE}/close`, tag, auth: "user", summary: "Close the campaign: no more scans nor moves",
    params: CampaignParamsSchema, response: CampaignSchema, handler: (ctx, { params }) => campaigns.closeCampaign(ctx, params.campaignId) }),
];
