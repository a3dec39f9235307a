import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.read" />,
    children: [
      { path: "assets", lazy: async () => ({ Component: (await import("./AssetsPage.js")).AssetsPage }) },
      { path: "assets/movements", lazy: async () => ({ Component: (await import("./MovementsPage.js")).MovementsPage }) },
      { path: "assets/renewal", lazy: async () => ({ Component: (await import("./RenewalPage.js")).RenewalPage }) },
      // The QR label opens this page on a phone: it loads on its own, without the list's code.
      { path: "assets/:id", lazy: async () => ({ Component: (await import("./AssetPage.js")).AssetPage }) },
    ],
  },
  {
    element: <RequirePermission permission="asset.write" />,
    children: [{ path: "assets/new", lazy: async () => ({ Component: (await import("./NewAssetPage.js")).NewAssetPage }) }],
  },
];
