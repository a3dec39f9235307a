import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.read" />,
    children: [
      { path: "assets/software", lazy: async () => ({ Component: (await import("./SoftwareListPage.js")).SoftwareListPage }) },
      { path: "assets/software/rules", lazy: async () => ({ Component: (await import("./SoftwareRulesPage.js")).SoftwareRulesPage }) },
      { path: "assets/software/:id", lazy: async () => ({ Component: (await import("./SoftwarePage.js")).SoftwarePage }) },
    ],
  },
];
