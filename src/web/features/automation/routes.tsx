import type { RouteObject } from "react-router";
import { RequirePermission } from "../auth/guards.js";

/** Automation rules, ticket templates, canned responses and recurring tickets: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="automation.manage" />,
    children: [{ path: "admin/automation", lazy: async () => ({ Component: (await import("./AutomationPage.js")).AutomationPage }) }],
  },
];
