import fs from "node:fs";
import path from "node:path";
import type { FastifyError, FastifyInstance } from "fastify";
import { ERRORS, type ApiError, type ErrorCode } from "../../shared/api/errors.js";
import { AppError } from "./errors.js";

/** Fastify's own errors that are the client's fault, mapped to our codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "VALIDATION_FAILED",
  FST_ERR_CTP_EMPTY_JSON_BODY: "VALIDATION_FAILED",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
  FST_ERR_CTP_INVALID_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

function toAppError(error: FastifyError | Error): AppError | undefined {
  if (error instanceof AppError) return error;
  const code = "code" in error && typeof error.code === "string" ? FASTIFY_CODES[error.code] : undefined;
  if (code) return new AppError(code, error.message);
  // JSON.parse failures and other 4xx raised by Fastify or its plugins: the client's fault.
  const status = "statusCode" in error ? error.statusCode : undefined;
  if (typeof status === "number" && status >= 400 && status < 500) {
    if (status === 413) return new AppError("PAYLOAD_TOO_LARGE", error.message);
    if (status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE", error.message);
    if (status === 429) return new AppError("RATE_LIMITED", error.message);
    return new AppError("BAD_REQUEST", error.message);
  }
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance, webDir?: string): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const appError = toAppError(error);
    if (!appError) {
      // Never echo internals: the reqId in the log ties the user's report to the stack.
      req.log.error({ err: error }, "unhandled error");
      const body: ApiError = { error: { code: "INTERNAL", message: `Internal error (request ${req.id})` } };
      return reply.status(500).send(body);
    }
    const body: ApiError = { error: { code: appError.code, message: appError.message } };
    if (appError.issues) body.error.issues = appError.issues;
    return reply.status(ERRORS[appError.code]).send(body);
  });

  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, "index.html"));
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app (/admin/users/3…) all load its index page.
    if (hasWeb && req.method === "GET" && !req.url.startsWith("/api/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    const body: ApiError = { error: { code: "ROUTE_NOT_FOUND", message: `No route ${req.method} ${req.url.split("?")[0]}` } };
    return reply.status(404).send(body);
  });
}
