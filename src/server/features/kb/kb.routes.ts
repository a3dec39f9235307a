import type { RouteSpec } from "../../http/route.js";

/** The knowledge base: articles, known errors, revisions, votes. */
export const kbRoutes: RouteSpec[] = [];
