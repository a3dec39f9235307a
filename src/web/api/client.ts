import type { ErrorCode, ValidationIssue } from "../../shared/api/errors.js";

/** An error answered by the server, or a network failure (code SERVICE_UNAVAILABLE). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: ValidationIssue[];

  constructor(code: ErrorCode, status: number, message: string, issues: ValidationIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  /** Sent as JSON unless `contentType` says otherwise (then it must be a string). */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
};

/** Requests whose 401 is an expected answer, not a lost session. */
const AUTH_PATHS = ["/api/auth/me", "/api/auth/login", "/api/setup"];

let onUnauthenticated: (() => void) | undefined;

/** The app registers what to do when the session is gone (back to the sign-in page). */
export function setUnauthenticatedHandler(handler: () => void) {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = "GET", query, body, contentType, signal } = options;
  const headers: Record<string, string> = { Accept: "application/json" };
  let payload: string | undefined;
  if (body !== undefined) {
    headers["Content-Type"] = contentType ?? "application/json";
    payload = contentType ? String(body) : JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: payload,
      credentials: "same-origin",
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError("SERVICE_UNAVAILABLE", 0, "Network error");
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const error = await readError(response);
  const isSessionLost = error.code === "UNAUTHENTICATED" || error.code === "SESSION_EXPIRED";
  if (isSessionLost && !AUTH_PATHS.includes(path)) onUnauthenticated?.();
  throw error;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: ErrorCode; message?: string; issues?: ValidationIssue[] };
    };
    if (body.error?.code) {
      return new ApiError(body.error.code, response.status, body.error.message ?? "", body.error.issues);
    }
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a code from the status.
  }
  return new ApiError(codeFromStatus(response.status), response.status, response.statusText);
}

function codeFromStatus(status: number): ErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 429) return "RATE_LIMITED";
  if (status === 503 || status === 502 || status === 504) return "SERVICE_UNAVAILABLE";
  if (status >= 400 && status < 500) return "BAD_REQUEST";
  return "INTERNAL";
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
