import type { RouteObject } from "react-router";

/** This part's pages, under the signed-in layout: the search is for everyone, each kind of result filtered by the server. */
export const routes: RouteObject[] = [
  { path: "search", lazy: async () => ({ Component: (await import("./SearchPage.js")).SearchPage }) },
];
