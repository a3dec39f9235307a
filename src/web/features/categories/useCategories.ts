import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Category,
  CategoryList,
  CreateCategoryBody,
  PortalCategory,
  UpdateCategoryBody,
} from "../../../shared/api/categories.js";
import { DEFAULT_PRIORITY_MATRIX } from "../../../shared/domain/tickets.js";
import { api } from "../../api/client.js";

const PATH = "/api/categories";

/** The whole tree at once (a few hundred at most), in tree order. */
export function useCategoryList(filters: { entityId?: number; includeInactive?: boolean } = {}, enabled = true) {
  return useQuery({
    queryKey: [PATH, filters],
    queryFn: ({ signal }) => api<CategoryList>(PATH, { query: filters, signal }),
    select: (list) => list.data,
    enabled,
    staleTime: 60_000,
  });
}

export function usePortalCategories() {
  return useQuery({
    queryKey: [`${PATH}/portal`],
    queryFn: ({ signal }) => api<{ data: PortalCategory[] }>(`${PATH}/portal`, { signal }),
    select: (list) => list.data,
    staleTime: 5 * 60_000,
  });
}

function useInvalidateCategories() {
  const queryClient = useQueryClient();
  return (category?: Category) => {
    void queryClient.invalidateQueries({ queryKey: [PATH] });
    void queryClient.invalidateQueries({ queryKey: [`${PATH}/portal`] });
    if (category) void queryClient.invalidateQueries({ queryKey: ["/api/history", "category", category.id] });
  };
}

export function useCreateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (body: CreateCategoryBody) => api<Category>(PATH, { method: "POST", body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateCategoryBody }) =>
      api<Category>(`${PATH}/${id}`, { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidateCategories();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => invalidate(),
  });
}

/** The urgency × impact → priority matrix, to show the priority a category's defaults give. */
export function usePriorityMatrix() {
  const query = useQuery({
    queryKey: ["/api/settings/priority-matrix"],
    queryFn: ({ signal }) => api<{ matrix: number[][] }>("/api/settings/priority-matrix", { signal }),
    staleTime: 5 * 60_000,
  });
  return query.data?.matrix ?? DEFAULT_PRIORITY_MATRIX;
}

/** Lower case without accents, so "ecran" finds "Écran". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

/** The ids of a category and of everything below it: where it cannot move. */
export function branchIds(categories: Category[], id: number): Set<number> {
  const ids = new Set([id]);
  // The list is in tree order: descendants come after their parent.
  for (const category of categories) {
    if (category.parentId !== null && ids.has(category.parentId)) ids.add(category.id);
  }
  return ids;
}
