import { Alert } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../api/client.js";
import { errorText } from "../../../components/error-text.js";
import { type FieldErrors, serverFieldErrors } from "../../../lib/validation.js";

/** "Name taken" reads better for a reference list than the generic conflict text; every other code comes from the shared table. */
export function refErrorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    const key = `assetRefs.errors.${error.code}`;
    const text = t(key, { defaultValue: "" });
    if (text) return text;
  }
  return errorText(error, t);
}

/** `inForm`: a taken name already shows under its field, so the alert leaves it out. */
export function RefErrorAlert({ error, inForm }: { error: unknown; inForm?: boolean }) {
  const { t } = useTranslation();
  if (!error || (inForm && isApiError(error, "CONFLICT") && error.issues.length > 0)) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {refErrorText(error, t)}
    </Alert>
  );
}

/** The server's field-level answers: its validation issues, and a taken name shown under the field it points at. */
export function refFieldErrors(error: unknown, t: TFunction): FieldErrors {
  if (isApiError(error, "CONFLICT")) {
    const errors: FieldErrors = {};
    for (const issue of error.issues) {
      const field = issue.path.split(".").filter((p) => p !== "body")[0] ?? "name";
      errors[field] = t("assetRefs.common.nameTaken");
    }
    return errors;
  }
  return serverFieldErrors(error, t);
}
