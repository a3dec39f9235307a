import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorText } from "./error-text.js";

/** The translated message for a failed request; never the server's developer text. */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorText(error, t)}
    </Alert>
  );
}
