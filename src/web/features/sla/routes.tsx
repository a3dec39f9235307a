import type { RouteObject } from "react-router";

/** Business calendars, SLA targets, ticket deadlines and escalations: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [];
