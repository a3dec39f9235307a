import type { RouteObject } from "react-router";
import { RequirePermission } from "../auth/guards.js";

/** Email in: the mailboxes page (mail.manage), under the signed-in layout. */
export const routes: RouteObject[] = [
  {
    element: <RequirePermission permission="mail.manage" />,
    children: [
      { path: "admin/mail/mailboxes", lazy: async () => ({ Component: (await import("./MailboxesPage.js")).MailboxesPage }) },
    ],
  },
];
