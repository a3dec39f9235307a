import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateEntityBody, Entity, UpdateEntityBody } from "../../../../shared/api/entities.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";

const PATH = "/api/entities";

export function useEntityList(filters: { q?: string; parentId?: number }, enabled = true) {
  return usePagedList<Entity>(PATH, filters, enabled);
}

export function useEntity(id: number | null | undefined) {
  return useQuery({
    queryKey: [PATH, id],
    queryFn: ({ signal }) => api<Entity>(`${PATH}/${id}`, { signal }),
    enabled: typeof id === "number" && id > 0,
  });
}

export function useCreateEntity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEntityBody) => api<Entity>(PATH, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}

export function useUpdateEntity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEntityBody) => api<Entity>(`${PATH}/${id}`, { method: "PATCH", body }),
    onSuccess: (entity) => {
      queryClient.setQueryData([PATH, id], entity);
      void queryClient.invalidateQueries({ queryKey: [PATH] });
      void queryClient.invalidateQueries({ queryKey: ["/api/history", "entity", id] });
    },
  });
}

export function useDeleteEntity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
}
