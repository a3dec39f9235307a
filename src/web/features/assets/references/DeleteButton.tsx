import { Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { RefErrorAlert } from "./ref-errors.js";

/**
 * Asks before deleting a reference; a refusal (still in use, built in) shows in the dialog in
 * this part's words, which the shared error table does not have.
 */
export function DeleteButton({ name, onDelete, pending, error, reset, label, onDone }: {
  name: string;
  onDelete: () => Promise<unknown>;
  pending: boolean;
  error: unknown;
  reset: () => void;
  /** The button's text; default "Delete". */
  label?: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={label ?? t("assetRefs.common.delete")}
      ariaLabel={label ? undefined : `${t("assetRefs.common.delete")} ${name}`}
      title={t("assetRefs.common.deleteTitle", { name })}
      message={
        <Stack gap="sm" component="span">
          <Text size="sm" component="span">{t("assetRefs.common.deleteMessage")}</Text>
          <RefErrorAlert error={error} />
        </Stack>
      }
      confirmLabel={t("assetRefs.common.delete")}
      loading={pending}
      onOpen={reset}
      buttonProps={{ color: "red", variant: "subtle" }}
      onConfirm={() => onDelete().then(() => {
        notifications.show({ color: "green", message: t("assetRefs.common.deleted", { name }) });
        onDone?.();
      })}
    />
  );
}
