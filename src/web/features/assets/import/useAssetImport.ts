import { useMutation } from "@tanstack/react-query";
import type { ImportPreview, ImportResult, RunImportBody } from "../../../../shared/api/asset-import.js";
import { UPLOAD_HEADER } from "../../../../shared/api/attachments.js";
import type { ErrorCode, ValidationIssue } from "../../../../shared/api/errors.js";
import { ApiError, api } from "../../../api/client.js";

const BASE = "/api/asset-imports";

/** The multipart upload has its own fetch: the API client sends JSON or text only. */
async function uploadCsv(file: File): Promise<ImportPreview> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(BASE, { method: "POST", body: form, credentials: "same-origin", headers: { Accept: "application/json", [UPLOAD_HEADER]: "1" } });
  } catch {
    throw new ApiError("SERVICE_UNAVAILABLE", 0, "Network error");
  }
  const body = (await response.json().catch(() => undefined)) as
    | (ImportPreview & { error?: { code: ErrorCode; message: string; issues?: ValidationIssue[] } })
    | undefined;
  if (response.ok && body) return body;
  const error = body?.error;
  throw new ApiError(error?.code ?? (response.status === 413 ? "FILE_TOO_LARGE" : "INTERNAL"), response.status,
    error?.message ?? response.statusText, error?.issues);
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadCsv });
}

export function useRunImport(importId: string | undefined) {
  return useMutation({
    mutationFn: (body: RunImportBody) => api<ImportResult>(`${BASE}/${importId}/run`, { method: "POST", body }),
  });
}

/** The report is a plain download, its reason column in the user's language (as the asset export). */
export function reportUrl(importId: string, lang: string): string {
  return `${BASE}/${importId}/report?lang=${lang.startsWith("en") ? "en" : "fr"}`;
}
