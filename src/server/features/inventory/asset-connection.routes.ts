import {
  AssetConnectionItemParamsSchema, AssetConnectionPageSchema, AssetConnectionParamsSchema, AssetConnectionSchema,
  CreateAssetConnectionBodySchema, ListAssetConnectionsQuerySchema,
} from "../../../shared/api/asset-connections.js";
import { OkSchema } from "../../../shared/api/common.js";
import { type RouteSpec, route } from "../../http/route.js";
import { connectDevice, disconnectDevice, listAssetConnections } from "./asset-connection.service.js";

/** Monitors, printers and other devices plugged into computers ("Connexions directes"). */
export const assetConnectionRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/assets/:assetId/connections", tag: "asset-connections", auth: "user",
    summary: "The devices plugged into this computer, or the computer this device is plugged into, newest first",
    params: AssetConnectionParamsSchema, query: ListAssetConnectionsQuerySchema, response: AssetConnectionPageSchema,
    handler: (ctx, { params, query }) => listAssetConnections(ctx, params.assetId, query) }),
  route({ method: "POST", url: "/api/assets/:assetId/connections", tag: "asset-connections", auth: "user", status: 201,
    summary: "Connects a monitor, printer, peripheral or phone to this computer by hand (asset.write on both); 409 when it is on another computer",
    params: AssetConnectionParamsSchema, body: CreateAssetConnectionBodySchema, response: AssetConnectionSchema,
    handler: (ctx, { params, body }) => connectDevice(ctx, params.assetId, body) }),
  route({ method: "DELETE", url: "/api/assets/:assetId/connections/:connectionId", tag: "asset-connections", auth: "user",
    summary: "Disconnects a device (the connection stays in both assets' history); an inventory still reporting it connects it again",
    params: AssetConnectionItemParamsSchema, response: OkSchema,
    handler: (ctx, { params }) => disconnectDevice(ctx, params.assetId, params.connectionId) }),
];
