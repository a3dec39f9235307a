import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import type {
  CreateDeflectionBody, Deflection, SearchKind, SearchResults, Suggestions,
} from "../../../shared/api/search.js";
import { SEARCH_QUERY_MAX } from "../../../shared/api/search.js";
import { api } from "../../api/client.js";

const PATH = "/api/search";

/** The search runs from two characters on, ~150 ms after the last key, keeping the previous results on screen meanwhile. */
export function useGlobalSearch(q: string, opts: { limit: number; kinds?: SearchKind[]; delay?: number }) {
  const [debounced] = useDebouncedValue(q.trim().slice(0, SEARCH_QUERY_MAX), opts.delay ?? 150);
  const kinds = opts.kinds?.join(",");
  const query = useQuery({
    queryKey: [PATH, { q: debounced, limit: opts.limit, kinds }],
    queryFn: ({ signal }) => api<SearchResults>(PATH, { query: { q: debounced, limit: opts.limit, kinds }, signal }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return { ...query, debounced };
}

/** Articles and open tickets like the one being typed; the description is cut so the address stays short. */
export function useSuggestions(title: string, description: string) {
  const [debouncedTitle] = useDebouncedValue(title.trim().slice(0, SEARCH_QUERY_MAX), 400);
  const [debouncedDescription] = useDebouncedValue(description.trim().slice(0, 500), 400);
  const debounced = { title: debouncedTitle, description: debouncedDescription };
  const enough = `${debounced.title} ${debounced.description}`.trim().length >= 4;
  return useQuery({
    queryKey: [`${PATH}/suggestions`, debounced],
    queryFn: ({ signal }) => api<Suggestions>(`${PATH}/suggestions`, { query: debounced, signal }),
    enabled: enough,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useRecordDeflection() {
  return useMutation({ mutationFn: (body: CreateDeflectionBody) => api<Deflection>(`${PATH}/deflections`, { method: "POST", body }) });
}
