import type { ErrorCode, ValidationIssue } from "../../shared/api/errors.js";

/** Thrown by services; carries no HTTP type. The error handler maps the code to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function notFound(code: ErrorCode, what: string): AppError {
  return new AppError(code, `${what} not found`);
}

export function forbidden(): AppError {
  return new AppError("FORBIDDEN", "You are not allowed to do this");
}
