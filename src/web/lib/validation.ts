import type { TFunction } from "i18next";
import type { z } from "zod";
import type { ValidationIssue } from "../../shared/api/errors.js";
import { isApiError } from "../api/client.js";

/** Field name → translated message, shown under the field. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

export function translateIssue(issue: Issue, t: TFunction): string {
  const field = String(issue.path[issue.path.length - 1] ?? "");
  switch (issue.code) {
    case "invalid_type":
      return t("validation.required");
    case "too_small":
      if (issue.origin === "string") {
        return issue.minimum === 1 ? t("validation.required") : t("validation.tooShort", { count: Number(issue.minimum) });
      }
      return t("validation.tooSmall", { min: String(issue.minimum) });
    case "too_big":
      if (issue.origin === "string") return t("validation.tooLong", { count: Number(issue.maximum) });
      return t("validation.tooBig", { max: String(issue.maximum) });
    case "invalid_format":
      if (issue.format === "email") return t("validation.email");
      if (field === "login") return t("validation.loginFormat");
      if (issue.format === "datetime" || issue.format === "date") return t("validation.date");
      return t("validation.invalid");
    case "invalid_value":
      return t("validation.choose");
    default:
      return t("validation.invalid");
  }
}

/** Parses form values with the shared contract; on failure, every field gets its own message. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  t: TFunction,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  const given = (values ?? {}) as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    // An empty field says "required", whatever rule (min length, format) it failed first.
    const isEmpty = given[field] === undefined || given[field] === null || given[field] === "";
    errors[field] ??= isEmpty && issue.path.length === 1 ? t("validation.required") : translateIssue(issue, t);
  }
  return { ok: false, errors };
}

/**
 * The server checks with the same schemas, so its issues are rare here. Its messages are
 * English developer text: each field shows the translation of the issue's code instead.
 */
export function serverFieldErrors(error: unknown, t: TFunction): FieldErrors {
  if (!isApiError(error, "VALIDATION_FAILED")) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue);
    errors[field] ??= issue.code ? translateIssue({ ...issue, path: [field] } as unknown as Issue, t) : t("validation.invalid");
  }
  return errors;
}

function fieldOf(issue: ValidationIssue): string {
  const parts = issue.path.split(/[./]/).filter((part) => part && part !== "body");
  return parts[0] ?? "_form";
}
