import { fleetRoutes } from "./features/assets/fleet-routes.js";
import { routes as kbRoutes } from "./features/kb/routes.js";
import { routes as scriptRoutes } from "./features/kb/script-routes.js";
import { routes as searchRoutes } from "./features/search/routes.js";
import { routes as slaRoutes } from "./features/sla/routes.js";
import { routes as automationRoutes } from "./features/automation/routes.js";
import { routes as mailOutRoutes } from "./features/mail-out/routes.js";
import { routes as mailInRoutes } from "./features/mail-in/routes.js";
import { createBrowserRouter } from "react-router";
import { FullPageLoader } from "./components/FullPageLoader.js";
import { ErrorPage, NotFoundPage } from "./components/StatusPages.js";
import { LoginPage } from "./features/auth/LoginPage.js";
import { SetupPage } from "./features/auth/SetupPage.js";
import { RequireAuth, RequirePermission } from "./features/auth/guards.js";
import { HomePage } from "./features/home/HomePage.js";
import { AppLayout } from "./features/shell/AppLayout.js";
import { RootLayout } from "./features/shell/RootLayout.js";

/** Pages a requester never opens are loaded on demand, keeping the portal light. */
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <ErrorPage />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      { path: "/setup", element: <SetupPage /> },
      { path: "/login", element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <ErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              {
                path: "profile",
                lazy: async () => ({ Component: (await import("./features/profile/ProfilePage.js")).ProfilePage }),
              },
              {
                path: "requests/new",
                lazy: async () => ({ Component: (await import("./features/home/NewRequestPage.js")).NewRequestPage }),
              },
              {
                path: "requests/:id",
                lazy: async () => ({ Component: (await import("./features/home/RequestPage.js")).RequestPage }),
              },
              {
                element: <RequirePermission permission="ticket.read" />,
                children: [
                  {
                    path: "tickets",
                    lazy: async () => ({ Component: (await import("./features/tickets/TicketsPage.js")).TicketsPage }),
                  },
                  {
                    path: "tickets/new",
                    lazy: async () => ({ Component: (await import("./features/tickets/NewTicketPage.js")).NewTicketPage }),
                  },
                  {
                    path: "tickets/call",
                    lazy: async () => ({ Component: (await import("./features/tickets/CallPage.js")).CallPage }),
                  },
                  {
                    path: "tickets/:id",
                    lazy: async () => ({ Component: (await import("./features/tickets/TicketPage.js")).TicketPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="user.read" />,
                children: [
                  {
                    path: "admin/users",
                    lazy: async () => ({ Component: (await import("./features/identity/users/UsersPage.js")).UsersPage }),
                  },
                  {
                    path: "admin/users/:id",
                    lazy: async () => ({
                      Component: (await import("./features/identity/users/UserDetailPage.js")).UserDetailPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="group.read" />,
                children: [
                  {
                    path: "admin/groups",
                    lazy: async () => ({ Component: (await import("./features/identity/groups/GroupsPage.js")).GroupsPage }),
                  },
                  {
                    path: "admin/groups/:id",
                    lazy: async () => ({
                      Component: (await import("./features/identity/groups/GroupDetailPage.js")).GroupDetailPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="entity.read" />,
                children: [
                  {
                    path: "admin/entities",
                    lazy: async () => ({
                      Component: (await import("./features/identity/entities/EntitiesPage.js")).EntitiesPage,
                    }),
                  },
                  {
                    path: "admin/entities/:id",
                    lazy: async () => ({
                      Component: (await import("./features/identity/entities/EntityDetailPage.js")).EntityDetailPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="ticket.read" />,
                children: [
                  {
                    path: "admin/categories",
                    lazy: async () => ({
                      Component: (await import("./features/categories/CategoriesPage.js")).CategoriesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="token.manage" />,
                children: [
                  {
                    path: "admin/tokens",
                    lazy: async () => ({ Component: (await import("./features/identity/tokens/TokensPage.js")).TokensPage }),
                  },
                ],
              },
              ...fleetRoutes,
              ...kbRoutes,
              ...scriptRoutes,
              ...searchRoutes,
              ...slaRoutes,
              ...automationRoutes,
              ...mailOutRoutes,
              ...mailInRoutes,
              { path: "*", element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
