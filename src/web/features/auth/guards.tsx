import { Center } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import type { Permission } from "../../../shared/domain/roles.js";
import { FullPageLoader } from "../../components/FullPageLoader.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ForbiddenPage } from "../../components/StatusPages.js";
import { can } from "../../lib/permissions.js";
import { EntityScopeProvider } from "../shell/entity-scope.js";
import { isSessionExpired, useMe, useMeQuery, wasSignedOutOnPurpose } from "./useAuth.js";

/** Pages behind sign-in: anyone not signed in goes to /login and comes back after. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) {
    return <FullPageLoader />;
  }
  if (me.isError) {
    return (
      <Center h="100dvh" p="md">
        <ApiErrorAlert error={me.error} />
      </Center>
    );
  }
  if (!me.data) {
    const state = wasSignedOutOnPurpose()
      ? null
      : { from: location.pathname + location.search, expired: isSessionExpired() };
    return <Navigate to="/login" replace state={state} />;
  }
  return (
    <EntityScopeProvider>
      <Outlet />
    </EntityScopeProvider>
  );
}

/** Hides pages the user may not use; the server refuses them anyway. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const me = useMe();
  return can(me, permission) ? <Outlet /> : <ForbiddenPage />;
}
