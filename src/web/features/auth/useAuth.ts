import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ChangePasswordBody,
  LoginBody,
  Me,
  SetupBody,
  SetupStatus,
  UpdateMeBody,
} from "../../../shared/api/auth.js";
import { api, isApiError } from "../../api/client.js";

export const ME_KEY = ["me"] as const;
export const SETUP_KEY = ["setup"] as const;

/**
 * Another person now uses this tab: forget every cached answer but "who am I" and
 * "is setup needed" (removing those would detach their observers, e.g. the shell's).
 */
function switchUser(queryClient: QueryClient, me: Me | null) {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== ME_KEY[0] && query.queryKey[0] !== SETUP_KEY[0],
  });
  queryClient.setQueryData(ME_KEY, me);
}

let signedOutOnPurpose = false;
let sessionExpired = false;

/** After "sign out", the next person should land on the home page, not on the page we left. */
export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

/** The server said the session is gone while the user was working: the sign-in page says why. */
export function markSessionExpired(): void {
  sessionExpired = true;
}

export function isSessionExpired(): boolean {
  return sessionExpired;
}

/** The signed-in user, or null when nobody is signed in. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api<Me>("/api/auth/me");
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** For pages behind RequireAuth: the user is known to be signed in there. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error("useMe() used outside of a signed-in page");
  return data;
}

export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_KEY, queryFn: () => api<SetupStatus>("/api/setup") });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api<Me>("/api/setup", { method: "POST", body }),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_KEY, me);
      queryClient.setQueryData<SetupStatus>(SETUP_KEY, (old) => old && { ...old, needsSetup: false });
    },
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<Me>("/api/auth/login", { method: "POST", body }),
    onSuccess: (me) => {
      signedOutOnPurpose = false;
      sessionExpired = false;
      switchUser(queryClient, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      signedOutOnPurpose = true;
      sessionExpired = false;
      switchUser(queryClient, null);
    },
  });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => api<Me>("/api/auth/me", { method: "PATCH", body }),
    onSuccess: (me) => queryClient.setQueryData(ME_KEY, me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      api<{ ok: true }>("/api/auth/password", { method: "POST", body }),
  });
}
