import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { isApiError } from "../../api/client.js";
import { errorText } from "../../components/error-text.js";

/** A stale version gets its own message: the hooks have already reloaded the ticket. */
export function notifyTicketError(error: unknown, t: TFunction) {
  const conflict = isApiError(error, "TICKET_VERSION_CONFLICT");
  notifications.show({
    color: conflict ? "yellow" : "red",
    message: conflict ? t("tickets.conflict") : errorText(error, t),
    autoClose: conflict ? 8000 : 5000,
  });
}
