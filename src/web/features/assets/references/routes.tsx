import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** This part's pages, under the signed-in layout: read by whoever reads the fleet; changes are for asset.manage (the pages hide them otherwise). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.read" />,
    children: [
      { path: "admin/locations", lazy: async () => ({ Component: (await import("./LocationsPage.js")).LocationsPage }) },
      { path: "admin/asset-catalog", lazy: async () => ({ Component: (await import("./CatalogPage.js")).CatalogPage }) },
      { path: "admin/suppliers", lazy: async () => ({ Component: (await import("./SuppliersPage.js")).SuppliersPage }) },
    ],
  },
];
