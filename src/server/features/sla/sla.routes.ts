import type { RouteSpec } from "../../http/route.js";

/** Business calendars, SLA targets, ticket deadlines and escalations. */
export const slaRoutes: RouteSpec[] = [];
