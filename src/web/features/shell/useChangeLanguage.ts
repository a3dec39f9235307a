import type { Language } from "../../../shared/domain/limits.js";
import { applyLanguage } from "../../i18n/index.js";
import { useMeQuery, useUpdateMe } from "../auth/useAuth.js";

/** Switches now; a signed-in user's choice is also saved on the account for next time. */
export function useChangeLanguage() {
  const { data: me } = useMeQuery();
  const updateMe = useUpdateMe();
  return (language: Language) => {
    applyLanguage(language);
    if (me && me.via === "session" && me.language !== language) updateMe.mutate({ language });
  };
}
