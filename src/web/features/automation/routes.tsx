import type { RouteObject } from "react-router";

/** Automation rules, ticket templates, canned responses and recurring tickets: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [];
