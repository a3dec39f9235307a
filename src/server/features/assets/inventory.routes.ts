import type { RouteSpec } from "../../http/route.js";
import { campaignRoutes } from "./campaign.routes.js";
import { labelRoutes } from "./label.routes.js";

/** Labels with QR codes, and the physical inventory campaigns that scan them. */
export const inventoryRoutes: RouteSpec[] = [...labelRoutes, ...campaignRoutes];
