import { useInfiniteQuery } from "@tanstack/react-query";
import type { Page } from "../../../shared/api/common.js";
import type { HistoryEntry, HistoryRecordType } from "../../../shared/api/history.js";
import { api } from "../../api/client.js";
import { flattenPages } from "../../api/paged.js";

/** Keyed ["/api/history", type, id] so a save can refresh exactly this record's history. */
export function useHistory(recordType: HistoryRecordType, id: number) {
  const result = useInfiniteQuery({
    queryKey: ["/api/history", recordType, id],
    queryFn: ({ pageParam, signal }) =>
      api<Page<HistoryEntry>>(`/api/history/${recordType}/${id}`, {
        query: { cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...result, items: flattenPages(result.data) };
}
