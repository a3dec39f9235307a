import type { RouteObject } from "react-router";
import { RequirePermission } from "../../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="asset.read" />,
    children: [
      { path: "inventory", lazy: async () => ({ Component: (await import("./CampaignsPage.js")).CampaignsPage }) },
      // Opened on a phone in the room being counted: it loads on its own.
      { path: "inventory/:campaignId", lazy: async () => ({ Component: (await import("./CampaignPage.js")).CampaignPage }) },
    ],
  },
];
