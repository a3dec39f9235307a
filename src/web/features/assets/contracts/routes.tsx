import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.read" />,
    children: [
      { path: "contracts", lazy: async () => ({ Component: (await import("./ContractsPage.js")).ContractsPage }) },
      { path: "contracts/:id", lazy: async () => ({ Component: (await import("./ContractPage.js")).ContractPage }) },
    ],
  },
];
