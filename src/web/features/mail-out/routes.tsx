import { Outlet, type RouteObject } from "react-router";
import { ForbiddenPage } from "../../components/StatusPages.js";
import { isRootAdmin } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";

/** The settings of how every entity's mail leaves are the root entity's administrators' (the API refuses anyone else). */
function RequireRootAdmin() {
  const me = useMe();
  return isRootAdmin(me) ? <Outlet /> : <ForbiddenPage />;
}

/** Email out: SMTP settings, notification templates, the outgoing mail queue: this part's pages, under the signed-in layout. */
export const routes: RouteObject[] = [
  {
    element: <RequireRootAdmin />,
    children: [
      { path: "admin/mail/outgoing", lazy: async () => ({ Component: (await import("./MailOutPage.js")).MailOutPage }) },
    ],
  },
];
