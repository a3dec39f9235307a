import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UPLOAD_HEADER } from "../../../shared/api/attachments.js";
import type { ErrorCode, ValidationIssue } from "../../../shared/api/errors.js";
import { type KbFile, type KbFileUploadResult, kbFileUrl } from "../../../shared/api/kb-files.js";
import { ApiError, api } from "../../api/client.js";
import { ARTICLES } from "./useKb.js";

/** What the Markdown holds for a file: an image shown in the text, or a link that downloads a document. */
export function kbFileMarkdown(file: KbFile): string {
  const label = file.fileName.replace(/[[\]\\]/g, "");
  return file.isImage ? `![${label}](${kbFileUrl(file.id, true)})` : `[${label}](${kbFileUrl(file.id)})`;
}

/** A multipart upload: not JSON, so it has its own fetch (as the tickets' attachments). */
async function uploadKbFiles(articleId: number, files: File[]): Promise<KbFile[]> {
  const form = new FormData();
  for (const file of files) form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(`${ARTICLES}/${articleId}/files`, {
      method: "POST", body: form, credentials: "same-origin", headers: { Accept: "application/json", [UPLOAD_HEADER]: "1" },
    });
  } catch {
    throw new ApiError("SERVICE_UNAVAILABLE", 0, "Network error");
  }
  const body = (await response.json().catch(() => undefined)) as
    | (KbFileUploadResult & { error?: { code: ErrorCode; message: string; issues?: ValidationIssue[] } })
    | undefined;
  if (response.ok && body) return body.data;
  const error = body?.error;
  throw new ApiError(error?.code ?? (response.status === 413 ? "FILE_TOO_LARGE" : "INTERNAL"), response.status,
    error?.message ?? response.statusText, error?.issues);
}

/** After a change the article, which lists its files, is read again (and its history). */
function useFilesChanged(articleId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [ARTICLES, articleId] });
    void queryClient.invalidateQueries({ queryKey: ["/api/history", "kb_article", articleId] });
  };
}

export function useUploadKbFiles(articleId: number) {
  const changed = useFilesChanged(articleId);
  return useMutation({ mutationFn: (files: File[]) => uploadKbFiles(articleId, files), onSuccess: changed });
}

export function useDeleteKbFile(articleId: number) {
  const changed = useFilesChanged(articleId);
  return useMutation({ mutationFn: (id: number) => api<null>(`/api/kb/files/${id}`, { method: "DELETE" }), onSuccess: changed });
}
