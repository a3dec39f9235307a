import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { type AttachmentPage, UPLOAD_HEADER, type UploadResult } from "../../../shared/api/attachments.js";
import type { ErrorCode, ValidationIssue } from "../../../shared/api/errors.js";
import { ApiError, api } from "../../api/client.js";

const listPath = (ticketId: number) => `/api/tickets/${ticketId}/attachments`;

/** The download address; `inline` shows an image in the page instead of saving it. */
export function attachmentUrl(id: number, inline = false): string {
  return `/api/attachments/${id}${inline ? "?inline=1" : ""}`;
}

/** The ticket's files, and the size limit of one file the server told. */
export function useAttachments(ticketId: number) {
  const result = useInfiniteQuery({
    queryKey: [listPath(ticketId)],
    queryFn: ({ pageParam, signal }) =>
      api<AttachmentPage>(listPath(ticketId), { query: { limit: 100, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const pages = result.data?.pages ?? [];
  return { ...result, items: pages.flatMap((page) => page.data), maxBytes: pages[0]?.maxBytes };
}

type UploadInput = { files: File[]; isPrivate?: boolean; followupId?: number };

/** A multipart upload: the one request of the app that is not JSON, so it has its own fetch. */
async function uploadFiles(ticketId: number, input: UploadInput): Promise<UploadResult> {
  const form = new FormData();
  if (input.isPrivate) form.append("isPrivate", "true");
  if (input.followupId) form.append("followupId", String(input.followupId));
  for (const file of input.files) form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(listPath(ticketId), {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { Accept: "application/json", [UPLOAD_HEADER]: "1" },
    });
  } catch {
    throw new ApiError("SERVICE_UNAVAILABLE", 0, "Network error");
  }
  const body = (await response.json().catch(() => undefined)) as
    | (UploadResult & { error?: { code: ErrorCode; message: string; issues?: ValidationIssue[] } })
    | undefined;
  if (response.ok && body) return body;
  const error = body?.error;
  throw new ApiError(error?.code ?? (response.status === 413 ? "FILE_TOO_LARGE" : "INTERNAL"), response.status,
    error?.message ?? response.statusText, error?.issues);
}

/** After a change: the list, and the ticket's history which records it. */
function useAttachmentsChanged(ticketId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [listPath(ticketId)] });
    void queryClient.invalidateQueries({ queryKey: ["/api/history", "ticket", ticketId] });
  };
}

export function useUploadAttachments(ticketId: number) {
  const changed = useAttachmentsChanged(ticketId);
  return useMutation({ mutationFn: (input: UploadInput) => uploadFiles(ticketId, input), onSuccess: changed });
}

export function useDeleteAttachment(ticketId: number) {
  const changed = useAttachmentsChanged(ticketId);
  return useMutation({
    mutationFn: (id: number) => api<void>(`/api/attachments/${id}`, { method: "DELETE" }),
    onSuccess: changed,
  });
}
