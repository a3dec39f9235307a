import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateUserBody,
  ImportUsersResult,
  UpdateUserBody,
  User,
} from "../../../../shared/api/users.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/users";

export type UserFilters = {
  q?: string;
  entityId?: number;
  recursive?: boolean;
  groupId?: number;
  isActive?: boolean;
  sort?: "name" | "login" | "created";
  limit?: number;
};

export function useUserList(filters: UserFilters, enabled = true) {
  return usePagedList<User>(PATH, filters, enabled);
}

export function useUser(id: number) {
  return useQuery({
    queryKey: [PATH, id],
    queryFn: ({ signal }) => api<User>(`${PATH}/${id}`, { signal }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api<User>(PATH, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api<User>(`${PATH}/${id}`, { method: "PATCH", body }),
    onSuccess: (user) => {
      queryClient.setQueryData([PATH, id], user);
      void queryClient.invalidateQueries({ queryKey: [PATH] });
      void queryClient.invalidateQueries({ queryKey: ["/api/history", "user", id] });
    },
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

/** Sends the file's text as is: the server parses the CSV and reports line by line. */
export function useImportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      api<ImportUsersResult>(`${PATH}/import`, { method: "POST", body: csv, contentType: "text/csv" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}
