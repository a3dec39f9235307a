import { assetImportRoutes } from "./asset-import.routes.js";
import { assetRoutes } from "./asset.routes.js";
import { contractRoutes } from "./contract.routes.js";
import { inventoryRoutes } from "./inventory.routes.js";
import { referenceRoutes } from "./references.routes.js";

/** The fleet module's routes: reference lists, assets, contracts, labels and physical inventory. */
export const fleetRoutes = [...referenceRoutes, ...assetRoutes, ...assetImportRoutes, ...contractRoutes, ...inventoryRoutes];
