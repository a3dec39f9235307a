import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../shared/api/common.js";
import type {
  CreateKbArticleBody, KbArticle, KbArticleSummary, KbCategory, KbDiff, KbDraft, KbStatus, UpdateKbArticleBody,
} from "../../../shared/api/kb.js";
import type { ArticleHit } from "../../../shared/api/search.js";
import { api } from "../../api/client.js";
import { usePagedList } from "../../api/paged.js";

export const ARTICLES = "/api/kb/articles";
const CATEGORIES = "/api/kb/categories";

export type ArticleFilters = {
  q?: string; categoryId?: number; tag?: string; status?: string; kind?: string; audience?: string; language?: string; dueForReview?: boolean;
};

export function useArticleList(filters: ArticleFilters, limit = 25) {
  return usePagedList<KbArticleSummary>(ARTICLES, { ...filters, dueForReview: filters.dueForReview ? "true" : undefined, limit });
}

/** Ranked by the search module (words anywhere in the article, accents and endings aside), with highlighted snippets. */
export function useArticleSearch(q: string) {
  return useQuery({
    queryKey: ["/api/search", { q, kinds: "articles" }],
    queryFn: ({ signal }) => api<{ articles: ArticleHit[] }>("/api/search", { query: { q, kinds: "articles", limit: 50 }, signal }),
    enabled: q.trim().length > 0,
  });
}

export function useArticle(id: number) {
  return useQuery({ queryKey: [ARTICLES, id], queryFn: ({ signal }) => api<KbArticle>(`${ARTICLES}/${id}`, { signal }), enabled: id > 0 });
}

export function useKbCategories(language?: string) {
  return useQuery({ queryKey: [CATEGORIES, { language }], queryFn: ({ signal }) => api<{ data: KbCategory[] }>(CATEGORIES, { query: { language }, signal }) });
}

export function useDraftFromTicket(ticketId: number | undefined) {
  return useQuery({
    queryKey: ["/api/tickets", ticketId, "kb-draft"],
    queryFn: ({ signal }) => api<KbDraft>(`/api/tickets/${ticketId}/kb-draft`, { signal }),
    enabled: ticketId !== undefined,
    staleTime: Infinity,
  });
}

/** After any change to an article: its page and every list refresh. */
function useArticleSaved() {
  const queryClient = useQueryClient();
  return (article: KbArticle) => {
    queryClient.setQueryData([ARTICLES, article.id], article);
    void queryClient.invalidateQueries({ queryKey: [ARTICLES] });
    void queryClient.invalidateQueries({ queryKey: [CATEGORIES] });
  };
}

export function useCreateArticle() {
  const saved = useArticleSaved();
  return useMutation({ mutationFn: (body: CreateKbArticleBody) => api<KbArticle>(ARTICLES, { method: "POST", body }), onSuccess: saved });
}

export function useUpdateArticle(id: number) {
  const saved = useArticleSaved();
  return useMutation({ mutationFn: (body: UpdateKbArticleBody) => api<KbArticle>(`${ARTICLES}/${id}`, { method: "PATCH", body }), onSuccess: saved });
}

export function useArticleAction(id: number) {
  const saved = useArticleSaved();
  return useMutation({
    mutationFn: (action: { kind: "status"; status: KbStatus; version: number } | { kind: "review"; version: number } | { kind: "vote"; useful: boolean }
      | { kind: "restore"; revision: number; version: number }) => {
      if (action.kind === "status") return api<KbArticle>(`${ARTICLES}/${id}/status`, { method: "POST", body: { status: action.status, version: action.version } });
      if (action.kind === "review") return api<KbArticle>(`${ARTICLES}/${id}/review`, { method: "POST", body: { version: action.version } });
      if (action.kind === "vote") return api<KbArticle>(`${ARTICLES}/${id}/vote`, { method: "PUT", body: { useful: action.useful } });
      return api<KbArticle>(`${ARTICLES}/${id}/revisions/${action.revision}/restore`, { method: "POST", body: { version: action.version } });
    },
    onSuccess: saved,
  });
}

export function useRevisions(id: number, revision: number) {
  return useQuery({
    queryKey: [ARTICLES, id, "revisions", revision],
    queryFn: ({ signal }) => api<Page<{ number: number; title: string; authorName: string; createdAt: string }>>(`${ARTICLES}/${id}/revisions`, { query: { limit: 100 }, signal }),
  });
}

export function useDiff(id: number, from: number, to: number) {
  return useQuery({
    queryKey: [ARTICLES, id, "diff", from, to],
    queryFn: ({ signal }) => api<KbDiff>(`${ARTICLES}/${id}/diff`, { query: { from, to }, signal }),
    enabled: from > 0 && to > 0 && from !== to,
  });
}

export function usePreview() {
  return useMutation({ mutationFn: (input: { body: string; articleId?: number }) => api<{ html: string }>("/api/kb/preview", { method: "POST", body: input }) });
}

export function useStarter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ added: number; alreadyThere: number }>("/api/kb/starter", { method: "POST" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [ARTICLES] });
      void queryClient.invalidateQueries({ queryKey: [CATEGORIES] });
    },
  });
}

export function useCategoryMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: "create"; name: string; parentId: number | null } | { kind: "rename"; id: number; name: string } | { kind: "delete"; id: number }) => {
      if (change.kind === "create") return api<KbCategory>(CATEGORIES, { method: "POST", body: { name: change.name, parentId: change.parentId } });
      if (change.kind === "rename") return api<KbCategory>(`${CATEGORIES}/${change.id}`, { method: "PATCH", body: { name: change.name } });
      return api<null>(`${CATEGORIES}/${change.id}`, { method: "DELETE" });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [CATEGORIES] }),
  });
}

export function useTicketLink(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { ticketId: number; link: boolean }) => change.link
      ? api<KbArticle>(`${ARTICLES}/${id}/tickets`, { method: "POST", body: { ticketId: change.ticketId } })
      : api<KbArticle>(`${ARTICLES}/${id}/tickets/${change.ticketId}`, { method: "DELETE" }),
    onSuccess: (article) => queryClient.setQueryData([ARTICLES, id], article),
  });
}
