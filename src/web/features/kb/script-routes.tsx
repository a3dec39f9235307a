import type { RouteObject } from "react-router";
import { RequirePermission } from "../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="kb.read" />,
    children: [
      { path: "kb/scripts", lazy: async () => ({ Component: (await import("./scripts/ScriptListPage.js")).ScriptListPage }) },
    ],
  },
  {
    element: <RequirePermission permission="kb.manage" />,
    children: [
      { path: "kb/scripts/new", lazy: async () => ({ Component: (await import("./scripts/ScriptEditorPage.js")).ScriptEditorPage }) },
      { path: "kb/scripts/:id", lazy: async () => ({ Component: (await import("./scripts/ScriptEditorPage.js")).ScriptEditorPage }) },
    ],
  },
  {
    element: <RequirePermission permission="portal.use" />,
    children: [
      { path: "help/scripts/:id", lazy: async () => ({ Component: (await import("./scripts/PortalScriptPage.js")).PortalScriptPage }) },
    ],
  },
];
