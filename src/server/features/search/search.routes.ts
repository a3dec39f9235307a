import type { RouteSpec } from "../../http/route.js";

/** One global search over tickets, users, articles and assets. */
export const searchRoutes: RouteSpec[] = [];
