import {
  AssetChangePageSchema, AssetInventoryParamsSchema, AssetInventorySchema, AssetSoftwarePageSchema, FleetChangePageSchema, InventoryLockParamsSchema,
  InventoryLocksSchema, ListAssetChangesQuerySchema, ListAssetSoftwareQuerySchema, ListFleetChangesQuerySchema,
} from "../../../shared/api/asset-inventory.js";
import { type RouteSpec, route } from "../../http/route.js";
import {
  deleteInventoryLock, getAssetInventory, listAssetChanges, listAssetSoftware, listFleetChanges,
} from "./asset-inventory.service.js";

/** What inventories say of an asset (hardware, software, changes), and the fleet's changes. */
export const assetInventoryRoutes: RouteSpec[] = [
  route({ method: "GET", url: "/api/assets/:assetId/inventory", tag: "asset-inventory", auth: "user",
    summary: "The asset's last inventory (null when never inventoried), its fields locked against inventories, and the user its last login suggests",
    params: AssetInventoryParamsSchema, response: AssetInventorySchema, handler: (ctx, { params }) => getAssetInventory(ctx, params.assetId) }),
  route({ method: "DELETE", url: "/api/assets/:assetId/inventory-locks/:field", tag: "asset-inventory", auth: "user",
    summary: "Unlocks a field a person edited, so the next inventory fills it again; answers the locks left",
    params: InventoryLockParamsSchema, response: InventoryLocksSchema,
    handler: (ctx, { params }) => deleteInventoryLock(ctx, params.assetId, params.field) }),
  route({ method: "GET", url: "/api/assets/:assetId/software", tag: "asset-inventory", auth: "user",
    summary: "The software installed on the asset, by name; `q` is part of the name",
    params: AssetInventoryParamsSchema, query: ListAssetSoftwareQuerySchema, response: AssetSoftwarePageSchema,
    handler: (ctx, { params, query }) => listAssetSoftware(ctx, params.assetId, query) }),
  route({ method: "GET", url: "/api/assets/:assetId/changes", tag: "asset-inventory", auth: "user",
    summary: "What changed on the asset between its inventories (memory, disks, software…), newest first",
    params: AssetInventoryParamsSchema, query: ListAssetChangesQuerySchema, response: AssetChangePageSchema,
    handler: (ctx, { params, query }) => listAssetChanges(ctx, params.assetId, query) }),
  route({ method: "GET", url: "/api/inventory/changes", tag: "asset-inventory", auth: "user",
    summary: "What changed between inventories across the caller's entities, newest first; `item` is an exact item such as \"Mozilla Firefox\"",
    query: ListFleetChangesQuerySchema, response: FleetChangePageSchema, handler: (ctx, { query }) => listFleetChanges(ctx, query) }),
];
