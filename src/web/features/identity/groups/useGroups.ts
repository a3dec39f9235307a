import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AddGroupMemberBody,
  CreateGroupBody,
  Group,
  GroupMember,
  UpdateGroupBody,
} from "../../../../shared/api/groups.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/groups";

export function useGroupList(filters: { q?: string; entityId?: number; recursive?: boolean }) {
  return usePagedList<Group>(PATH, filters);
}

export function useGroup(id: number, enabled = true) {
  return useQuery({
    queryKey: [PATH, id],
    queryFn: ({ signal }) => api<Group>(`${PATH}/${id}`, { signal }),
    enabled,
  });
}

export function useGroupMembers(id: number) {
  return usePagedList<GroupMember>(`${PATH}/${id}/members`);
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupBody) => api<Group>(PATH, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

export function useUpdateGroup(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateGroupBody) => api<Group>(`${PATH}/${id}`, { method: "PATCH", body }),
    onSuccess: (group) => {
      queryClient.setQueryData([PATH, id], group);
      void queryClient.invalidateQueries({ queryKey: [PATH] });
      void queryClient.invalidateQueries({ queryKey: ["/api/history", "group", id] });
    },
  });
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

function useInvalidateGroup(id: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [PATH] });
    void queryClient.invalidateQueries({ queryKey: [`${PATH}/${id}/members`] });
    void queryClient.invalidateQueries({ queryKey: ["/api/history", "group", id] });
    void queryClient.invalidateQueries({ queryKey: ["/api/users"] });
  };
}

export function useAddGroupMember(id: number) {
  const invalidate = useInvalidateGroup(id);
  return useMutation({
    mutationFn: (body: AddGroupMemberBody) =>
      api<GroupMember>(`${PATH}/${id}/members`, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useRemoveGroupMember(id: number) {
  const invalidate = useInvalidateGroup(id);
  return useMutation({
    mutationFn: (userId: number) => api<void>(`${PATH}/${id}/members/${userId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
