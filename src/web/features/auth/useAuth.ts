import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
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
