import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "./ApiErrorAlert.js";

/** A destructive action asks first; the dialog stays open with the error if it fails. */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  loading,
  error,
  buttonProps,
  ariaLabel,
  onOpen,
}: {
  label: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  loading?: boolean;
  error?: unknown;
  buttonProps?: ButtonProps;
  ariaLabel?: string;
  /** Called as the dialog opens, e.g. to clear the error of a previous attempt. */
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);

  async function handleConfirm() {
    try {
      await onConfirm();
      close();
    } catch {
      // The error is shown inside the dialog through `error`.
    }
  }

  return (
    <>
      <Button color="red" variant="light" size="xs" onClick={() => {
          onOpen?.();
          open();
        }}
        aria-label={ariaLabel} {...buttonProps}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          {opened && <ApiErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={loading} onClick={() => void handleConfirm()} data-autofocus>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
