import type { RouteSpec } from "../../http/route.js";

/** Guided diagnostic scripts: the editor, versions, runs and their statistics. */
export const scriptRoutes: RouteSpec[] = [];
