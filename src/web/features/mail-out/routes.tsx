import type { RouteObject } from "react-router";

/** Email out: SMTP settings, notification templates, the outgoing mail queue: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [];
