import type { RouteObject } from "react-router";
import { RequirePermission } from "../auth/guards.js";

/** Business calendars, SLA targets, ticket deadlines and escalations: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="sla.manage" />,
    children: [
      { path: "admin/sla", lazy: async () => ({ Component: (await import("./SlaAdminPage.js")).SlaAdminPage }) },
    ],
  },
];
