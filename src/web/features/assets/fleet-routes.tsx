import type { RouteObject } from "react-router";
import { routes as agentRoutes } from "./agents/routes.js";
import { routes as changeRoutes } from "./changes/routes.js";
import { routes as healthRoutes } from "./health/routes.js";
import { routes as softwareRoutes } from "./software/routes.js";
import { routes as contractRoutes } from "./contracts/routes.js";
import { routes as coreRoutes } from "./core/routes.js";
import { routes as importRoutes } from "./import/routes.js";
import { routes as inventoryRoutes } from "./inventory/routes.js";
import { routes as referenceRoutes } from "./references/routes.js";

/** The fleet module's pages. */
export const fleetRoutes: RouteObject[] = [...coreRoutes, ...importRoutes, ...contractRoutes, ...inventoryRoutes, ...referenceRoutes, ...agentRoutes,
  ...softwareRoutes, ...changeRoutes, ...healthRoutes];
