import type { RouteObject } from "react-router";
import { RequirePermission } from "../auth/guards.js";

/** Email out: SMTP settings, notification templates, the outgoing mail queue: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="mail.manage" />,
    children: [
      { path: "admin/mail/outgoing", lazy: async () => ({ Component: (await import("./MailOutPage.js")).MailOutPage }) },
    ],
  },
];
