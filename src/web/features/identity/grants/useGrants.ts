import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateGrantBody, Grant } from "../../../../shared/api/grants.js";
import { api } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";
import { ME_KEY } from "../../auth/useAuth.js";

const PATH = "/api/grants";

export function useGrantList(filters: { userId?: number; entityId?: number }) {
  return usePagedList<Grant>(PATH, filters);
}

/** A grant changes what someone may do: the history and, if it is ours, the session's rights. */
function useInvalidateGrants() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [PATH] });
    void queryClient.invalidateQueries({ queryKey: ["/api/history"] });
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
}

export function useCreateGrant() {
  const invalidate = useInvalidateGrants();
  return useMutation({
    mutationFn: (body: CreateGrantBody) => api<Grant>(PATH, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteGrant() {
  const invalidate = useInvalidateGrants();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}
