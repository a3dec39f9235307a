import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type {
  CreateSavedViewBody, SavedView, SavedViewList, SavedViewScope, UpdateSavedViewBody,
} from "../../../../shared/api/saved-views.js";
import type { MergeBody } from "../../../../shared/api/ticket-links.js";
import type { BulkAction, BulkTicketsResponse, Ticket } from "../../../../shared/api/tickets.js";
import type { User } from "../../../../shared/api/users.js";
import { DEFAULT_QUEUE_COLUMNS, QUEUE_COLUMNS, type QueueColumn } from "../../../../shared/domain/tickets.js";
import { type QueryValue, api, buildUrl } from "../../../api/client.js";
import { usePagedList } from "../../../api/paged.js";
import { userLabel } from "../../../components/UserSelect.js";
import { readStored, writeStored } from "../../../lib/storage.js";
import { type QueueQuery, normalizeQuery } from "./queue-params.js";

const TICKETS = "/api/tickets";
const SAVED_VIEWS = "/api/saved-views";

/** The queue's filters, read from and written to the URL. */
export function useQueueQuery() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => normalizeQuery(params), [params]);

  const setFilter = useCallback(
    (key: string, value: string | null) =>
      setParams((old) => normalizeToParams({ ...normalizeQuery(old), [key]: value ?? "" }), { replace: true }),
    [setParams],
  );
  /** A saved view, or "clear filters": a new history entry, so "back" returns to the previous queue. */
  const replaceQuery = useCallback((next: QueueQuery) => setParams(normalizeToParams(next)), [setParams]);
  return { query, setFilter, replaceQuery };
}

/** The queue's tickets; the same cache keys as every other ticket list, so live updates refresh it too. */
export function useQueueTickets(query: Record<string, QueryValue>) {
  return usePagedList<Ticket>(TICKETS, query);
}

function normalizeToParams(query: QueueQuery): URLSearchParams {
  return new URLSearchParams(normalizeQuery(query));
}

export function isQueueColumn(value: unknown): value is QueueColumn {
  return (QUEUE_COLUMNS as readonly unknown[]).includes(value);
}

/** Known columns only, in the list's order, at least one (the defaults otherwise). */
export function cleanColumnsOf<C extends string>(all: readonly C[], defaults: readonly C[], columns: unknown): C[] {
  if (!Array.isArray(columns)) return [...defaults];
  const chosen = all.filter((column) => columns.includes(column));
  return chosen.length ? chosen : [...defaults];
}

export function cleanColumns(columns: unknown): QueueColumn[] {
  return cleanColumnsOf(QUEUE_COLUMNS, DEFAULT_QUEUE_COLUMNS, columns);
}

/** The columns this user chose for a list on this browser, kept under `key` (per user, as two people may share a desk). */
export function useStoredColumns<C extends string>(key: string, all: readonly C[], defaults: readonly C[]) {
  const [columns, setState] = useState<C[]>(() => {
    try {
      return cleanColumnsOf(all, defaults, JSON.parse(readStored(key) ?? "null"));
    } catch {
      return [...defaults];
    }
  });
  /** Takes a saved view's columns as they come (they may be another list's): unknown ones are dropped. */
  const setColumns = useCallback(
    (next: readonly string[] | null) => {
      const clean = cleanColumnsOf(all, defaults, next);
      setState(clean);
      writeStored(key, JSON.stringify(clean));
    },
    [key, all, defaults],
  );
  return { columns, setColumns };
}

export function useQueueColumns(userId: number) {
  return useStoredColumns(`vigie.queue.columns.${userId}`, QUEUE_COLUMNS, DEFAULT_QUEUE_COLUMNS);
}

/** The name a user filter shows when the URL gives only the user's number. */
export function useUserLabel(id: number | null): string | null {
  const user = useQuery({
    queryKey: ["/api/users", id],
    queryFn: ({ signal }) => api<User>(`/api/users/${id}`, { signal }),
    enabled: id !== null,
  });
  return user.data ? userLabel(user.data) : null;
}

/** A user's views of one list: the queue's ("tickets") or the asset list's. */
export function useSavedViews(scope: SavedViewScope = "tickets") {
  return useQuery({
    queryKey: [SAVED_VIEWS, scope],
    queryFn: ({ signal }) => api<SavedViewList>(buildUrl(SAVED_VIEWS, { scope }), { signal }),
    select: (list) => list.data,
  });
}

function useSavedViewsChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: [SAVED_VIEWS] });
}

export function useCreateSavedView() {
  const changed = useSavedViewsChanged();
  return useMutation({
    mutationFn: (body: CreateSavedViewBody) => api<SavedView>(SAVED_VIEWS, { method: "POST", body }),
    onSuccess: changed,
  });
}

export function useUpdateSavedView() {
  const changed = useSavedViewsChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateSavedViewBody }) =>
      api<SavedView>(`${SAVED_VIEWS}/${id}`, { method: "PATCH", body }),
    onSuccess: changed,
  });
}

export function useDeleteSavedView() {
  const changed = useSavedViewsChanged();
  return useMutation({
    mutationFn: (id: number) => api<void>(`${SAVED_VIEWS}/${id}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}

/** Every ticket query is stale after a bulk change: the lists, the counters, the tickets themselves. */
function useTicketsChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === "string" && q.queryKey[0].startsWith(TICKETS) });
}

export function useBulkAction() {
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: (body: { ids: number[]; action: BulkAction }) =>
      api<BulkTicketsResponse>(`${TICKETS}/bulk`, { method: "POST", body }),
    onSettled: changed,
  });
}

/** The selected tickets but the target are merged into it (closed, linked as its duplicates). */
export function useMergeInto() {
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: ({ targetId, sourceIds }: { targetId: number } & MergeBody) =>
      api<Ticket>(`${TICKETS}/${targetId}/merge`, { method: "POST", body: { sourceIds } satisfies MergeBody }),
    onSettled: changed,
  });
}

/** Checked rows, by ticket number; emptied when the list changes, so no hidden ticket stays selected. */
export function useSelection(listKey: string) {
  const [state, setState] = useState<{ key: string; ids: Set<number> }>({ key: listKey, ids: new Set() });
  const ids = state.key === listKey ? state.ids : new Set<number>();
  const update = useCallback(
    (change: (ids: Set<number>) => Set<number>) =>
      setState((old) => ({ key: listKey, ids: change(old.key === listKey ? old.ids : new Set()) })),
    [listKey],
  );
  return {
    ids,
    toggle: (id: number) => update((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    }),
    setAll: (all: number[], selected: boolean) => update((old) => {
      const next = new Set(old);
      for (const id of all) {
        if (selected) next.add(id);
        else next.delete(id);
      }
      return next;
    }),
    replace: (next: number[]) => update(() => new Set(next)),
  };
}
export type Selection = ReturnType<typeof useSelection>;
