import type { TFunction } from "i18next";
import { ERRORS, type ErrorCode } from "../../shared/api/errors.js";
import { isApiError } from "../api/client.js";

export function errorText(error: unknown, t: TFunction): string {
  if (isApiError(error) && error.code in ERRORS) return t(`errors.${error.code satisfies ErrorCode}`);
  return t("errors.INTERNAL");
}
