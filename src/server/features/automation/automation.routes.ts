import type { RouteSpec } from "../../http/route.js";

/** Automation rules, ticket templates, canned responses and recurring tickets. */
export const automationRoutes: RouteSpec[] = [];
