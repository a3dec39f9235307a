import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** The CSV import, for those who may create assets. */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.write" />,
    children: [{ path: "assets/import", lazy: async () => ({ Component: (await import("./AssetImportPage.js")).AssetImportPage }) }],
  },
];
