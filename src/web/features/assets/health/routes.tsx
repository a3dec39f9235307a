import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.read" />,
    children: [{ path: "assets/health", lazy: async () => ({ Component: (await import("./HealthPage.js")).HealthPage }) }],
  },
];
