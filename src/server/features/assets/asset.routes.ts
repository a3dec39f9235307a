import {
  AssetEventPageSchema, AssetEventsQuerySchema, AssetExportFileSchema, AssetOperationBodySchema, AssetPageSchema,
  AssetParamsSchema, AssetSchema, AssetTicketPageSchema, BulkAssetBodySchema, BulkAssetResultSchema, CreateAssetBodySchema,
  ExportAssetsQuerySchema, LinkAssetsBodySchema, ListAssetsQuerySchema, ListMovementsQuerySchema, MyAssetListSchema,
  TicketAssetParamsSchema, TicketAssetsSchema, UpdateAssetBodySchema,
} from "../../../shared/api/assets.js";
import { IdParamsSchema } from "../../../shared/api/common.js";
import { route } from "../../http/route.js";
import { contentDisposition } from "../attachments/attachment.routes.js";
import { bulkChangeAssets } from "./asset-bulk.service.js";
import { listAssetEvents, listMovements } from "./asset-events.service.js";
import { exportAssetsCsv, exportAssetsXlsx, exportFileName } from "./asset-export.js";
import { listAssets, listMyAssets } from "./asset-list.service.js";
import { operateAsset } from "./asset-operations.js";
import { createAsset, getAsset, updateAsset } from "./asset.service.js";
import { linkTicketAssets, listAssetTickets, listTicketAssets, unlinkTicketAsset } from "./ticket-asset.service.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The fleet's assets: list, create, change, life-cycle operations, timeline, movements, export, and their tickets. */
export const assetRoutes = [
  route({ method: "GET", url: "/api/assets", tag: "assets", auth: "user",
    summary: "The assets of the caller's entities, filtered and sorted (disposed ones only with includeDisposed)",
    query: ListAssetsQuerySchema, response: AssetPageSchema, handler: (ctx, { query }) => listAssets(ctx, query) }),
  route({ method: "POST", url: "/api/assets", tag: "assets", auth: "user", status: 201,
    summary: "Create an asset (tag from the kind's pattern when left out)",
    body: CreateAssetBodySchema, response: AssetSchema, handler: (ctx, { body }) => createAsset(ctx, body) }),
  route({ method: "GET", url: "/api/assets/export", tag: "assets", auth: "user",
    summary: "The filtered list as CSV (UTF-8 BOM, ';') or XLSX, at most 100,000 rows",
    query: ExportAssetsQuerySchema, response: AssetExportFileSchema,
    handler: async (ctx, { query, reply }) => {
      const file = query.format === "csv" ? await exportAssetsCsv(ctx, query) : await exportAssetsXlsx(ctx, query);
      reply.header("Content-Type", query.format === "csv" ? "text/csv; charset=utf-8" : XLSX)
        .header("Content-Disposition", contentDisposition("attachment", exportFileName(query.format)));
      return reply.send(file);
    } }),
  route({ method: "POST", url: "/api/assets/bulk", tag: "assets", auth: "user",
    summary: "The same status change, move or assignment for many assets, all or nothing",
    body: BulkAssetBodySchema, response: BulkAssetResultSchema, handler: (ctx, { body }) => bulkChangeAssets(ctx, body) }),
  route({ method: "GET", url: "/api/assets/:id", tag: "assets", auth: "user", summary: "An asset, with its current value",
    params: AssetParamsSchema, response: AssetSchema, handler: (ctx, { params }) => getAsset(ctx, params.id) }),
  route({ method: "PATCH", url: "/api/assets/:id", tag: "assets", auth: "user",
    summary: "Change an asset's descriptive fields (status, place and user change through the operations)",
    params: AssetParamsSchema, body: UpdateAssetBodySchema, response: AssetSchema,
    handler: (ctx, { params, body }) => updateAsset(ctx, params.id, body) }),
  route({ method: "POST", url: "/api/assets/:id/operations", tag: "assets", auth: "user",
    summary: "A life-cycle step, an assignment, a move, a loan, a return or the disposal (DEEE)",
    params: AssetParamsSchema, body: AssetOperationBodySchema, response: AssetSchema,
    handler: (ctx, { params, body }) => operateAsset(ctx, params.id, body) }),
  route({ method: "GET", url: "/api/assets/:id/events", tag: "assets", auth: "user", summary: "The asset's timeline, newest first",
    params: AssetParamsSchema, query: AssetEventsQuerySchema, response: AssetEventPageSchema,
    handler: (ctx, { params, query }) => listAssetEvents(ctx, params.id, query) }),
  route({ method: "GET", url: "/api/assets/:id/tickets", tag: "assets", auth: "user", summary: "The tickets about this asset, newest first",
    params: AssetParamsSchema, query: AssetEventsQuerySchema, response: AssetTicketPageSchema,
    handler: (ctx, { params, query }) => listAssetTickets(ctx, params.id, query) }),
  route({ method: "GET", url: "/api/asset-movements", tag: "assets", auth: "user",
    summary: "Movements across the fleet: into or out of a place (and below it), over a period",
    query: ListMovementsQuerySchema, response: AssetEventPageSchema, handler: (ctx, { query }) => listMovements(ctx, query) }),
  route({ method: "GET", url: "/api/me/assets", tag: "assets", auth: "user", summary: "The equipment assigned to me (portal)",
    response: MyAssetListSchema, handler: (ctx) => listMyAssets(ctx) }),
  route({ method: "GET", url: "/api/tickets/:id/assets", tag: "tickets", auth: "user", summary: "The assets this ticket is about",
    params: IdParamsSchema, response: TicketAssetsSchema, handler: (ctx, { params }) => listTicketAssets(ctx, params.id) }),
  route({ method: "POST", url: "/api/tickets/:id/assets", tag: "tickets", auth: "user", summary: "Link assets of the ticket's entity to it",
    params: IdParamsSchema, body: LinkAssetsBodySchema, response: TicketAssetsSchema,
    handler: (ctx, { params, body }) => linkTicketAssets(ctx, params.id, body.assetIds), live: ({ params }) => params.id }),
  route({ method: "DELETE", url: "/api/tickets/:id/assets/:assetId", tag: "tickets", auth: "user", summary: "Unlink an asset from the ticket",
    params: TicketAssetParamsSchema, response: TicketAssetsSchema,
    handler: (ctx, { params }) => unlinkTicketAsset(ctx, params.id, params.assetId), live: ({ params }) => params.id }),
];
