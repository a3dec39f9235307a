import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiToken, CreateApiTokenBody } from "../../../../shared/api/tokens.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/tokens";

export type CreatedApiToken = { token: string; apiToken: ApiToken };

export function useTokenList() {
  return usePagedList<ApiToken>(PATH);
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api<CreatedApiToken>(PATH, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}
