import { type InfiniteData, useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "../../shared/api/common.js";
import { type QueryValue, api } from "./client.js";

/**
 * A cursor-paginated list: the first page now, the next ones on "load more".
 * The query key is the path plus its filters, so a new filter starts a new list.
 */
export function usePagedList<T>(path: string, query: Record<string, QueryValue> = {}, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: [path, query],
    queryFn: ({ pageParam, signal }) =>
      api<Page<T>>(path, { query: { ...query, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  return { ...result, items: flattenPages(result.data) };
}

export function flattenPages<T>(data: InfiniteData<Page<T>> | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.data) : [];
}
