import type { RouteObject } from "react-router";
import { RequirePermission } from "../auth/guards.js";

/** This part's pages, under the signed-in layout (each wraps its own RequirePermission). */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="kb.read" />,
    children: [
      { path: "kb", lazy: async () => ({ Component: (await import("./KbHomePage.js")).KbHomePage }) },
      { path: "kb/new", lazy: async () => ({ Component: (await import("./ArticleEditor.js")).ArticleEditorPage }) },
      { path: "kb/articles/:id", lazy: async () => ({ Component: (await import("./ArticlePage.js")).ArticlePage }) },
      { path: "kb/articles/:id/edit", lazy: async () => ({ Component: (await import("./ArticleEditor.js")).ArticleEditorPage }) },
    ],
  },
  {
    element: <RequirePermission permission="kb.manage" />,
    children: [
      { path: "kb/categories", lazy: async () => ({ Component: (await import("./KbCategoriesPage.js")).KbCategoriesPage }) },
      { path: "kb/deflections", lazy: async () => ({ Component: (await import("./KbDeflectionsPage.js")).KbDeflectionsPage }) },
    ],
  },
  {
    element: <RequirePermission permission="portal.use" />,
    children: [
      { path: "help", lazy: async () => ({ Component: (await import("./HelpPages.js")).HelpPage }) },
      { path: "help/articles/:id", lazy: async () => ({ Component: (await import("./HelpPages.js")).HelpArticlePage }) },
    ],
  },
];
