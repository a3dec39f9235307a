import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Outlet } from "react-router";
import { setUnauthenticatedHandler } from "../../api/client.js";
import { applyLanguage } from "../../i18n/index.js";
import { ME_KEY, markSessionExpired, useMeQuery } from "../auth/useAuth.js";

/**
 * Above every page: a lost session sends the user back to sign in (RequireAuth sees me = null),
 * and the account's language wins once we know who is signed in.
 */
export function RootLayout() {
  const queryClient = useQueryClient();
  const { data: me } = useMeQuery();
  const language = me?.language;

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      markSessionExpired();
      queryClient.setQueryData(ME_KEY, null);
    });
  }, [queryClient]);

  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  return <Outlet />;
}
