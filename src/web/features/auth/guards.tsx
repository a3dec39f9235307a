import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import type { Permission } from "../../../shared/domain/roles.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ForbiddenPage } from "../../components/StatusPages.js";
import { can } from "../../lib/permissions.js";
import { EntityScopeProvider } from "../shell/entity-scope.js";
import { useMe, useMeQuery } from "./useAuth.js";

/** Pages behind sign-in: anyone not signed in goes to /login and comes back after. */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();
  if (me.isPending) {
    return (
      <Center h="100dvh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100dvh" p="md">
        <ApiErrorAlert error={me.error} />
      </Center>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
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
