import { Button, Group, Modal, Select, Stack, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ticket } from "../../../shared/api/tickets.js";
import { SOLUTION_TYPES, type SolutionType } from "../../../shared/domain/tickets.js";
import { isApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { notifyTicketError } from "./ticket-errors.js";
import { textToHtml } from "./ticket-ui.js";
import { useAddWorkaround, useSolveTicket } from "./useTickets.js";

/** One text to write and send: the solution and the workaround share it. */
function TextModal({
  opened,
  onClose,
  title,
  label,
  help,
  submitLabel,
  pending,
  error,
  onSubmit,
  extra,
  extraMissing,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  help: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (html: string, done: () => void) => void;
  /** A field shown above the text (the solution type), and whether it still needs a value. */
  extra?: ReactNode;
  extraMissing?: () => boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();

  function close() {
    setText("");
    setFieldError(undefined);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setFieldError(t("validation.required"));
    if (extraMissing?.()) return;
    onSubmit(textToHtml(text), close);
  }

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={error} />
          {extra}
          <Textarea
            label={label}
            description={help}
            required
            data-autofocus
            autosize
            minRows={5}
            maxRows={16}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setFieldError(undefined);
            }}
            error={fieldError}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function SolveModal({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const solve = useSolveTicket(ticket.id);
  const [solutionType, setSolutionType] = useState<SolutionType | null>(null);
  const [typeError, setTypeError] = useState<string | undefined>();
  return (
    <TextModal
      extra={
        <Select
          label={t("tickets.solutionType")}
          required
          data={SOLUTION_TYPES.map((value) => ({ value, label: t(`tickets.solutionTypes.${value}`) }))}
          value={solutionType}
          onChange={(value) => {
            setSolutionType(value as SolutionType | null);
            setTypeError(undefined);
          }}
          error={typeError}
          comboboxProps={{ withinPortal: true }}
        />
      }
      extraMissing={() => {
        if (solutionType) return false;
        setTypeError(t("validation.required"));
        return true;
      }}
      opened={opened}
      onClose={() => {
        solve.reset();
        onClose();
      }}
      title={t("tickets.solveTitle")}
      label={t("tickets.solution")}
      help={t("tickets.solutionHelp")}
      submitLabel={t("tickets.solve")}
      pending={solve.isPending}
      error={solve.error}
      onSubmit={(content, done) =>
        solve.mutate(
          { version: ticket.version, content, solutionType: solutionType ?? undefined },
          {
            onSuccess: () => {
              notifications.show({ color: "green", message: t("tickets.solved") });
              done();
            },
            onError: (error) => {
              if (isApiError(error, "TICKET_VERSION_CONFLICT")) {
                notifyTicketError(error, t);
                done();
              }
            },
          },
        )
      }
    />
  );
}

export function WorkaroundModal({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const workaround = useAddWorkaround(ticket.id);
  return (
    <TextModal
      opened={opened}
      onClose={() => {
        workaround.reset();
        onClose();
      }}
      title={t("tickets.workaroundTitle")}
      label={t("tickets.workaround")}
      help={t("tickets.workaroundHelp")}
      submitLabel={t("tickets.workaroundSubmit")}
      pending={workaround.isPending}
      error={workaround.error}
      onSubmit={(content, done) =>
        workaround.mutate(content, {
          onSuccess: () => {
            notifications.show({ color: "green", message: t("tickets.workaroundAdded") });
            done();
          },
        })
      }
    />
  );
}
