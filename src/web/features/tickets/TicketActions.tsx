import { Button, Group, Menu, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ticket } from "../../../shared/api/tickets.js";
import { SUPPORT_LEVELS, TRANSITIONS, type TicketStatus } from "../../../shared/domain/tickets.js";
import { isApiError } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { GroupSelect, parseLocalDateTime, TicketStatusBadge, textToHtml } from "./ticket-ui.js";
import { SolveModal, WorkaroundModal } from "./SolutionModals.js";
import { notifyTicketError } from "./ticket-errors.js";
import { useChangeStatus, useEscalate, useTakeTicket } from "./useTickets.js";

const CLOSED: readonly TicketStatus[] = ["solved", "closed"];

/** Putting on hold and reopening need a reason; other moves are one click. */
function needsReason(from: TicketStatus, to: TicketStatus): boolean {
  return to === "pending" || (CLOSED.includes(from) && !CLOSED.includes(to));
}

export function TicketActions({ ticket, meId }: { ticket: Ticket; meId: number }) {
  const { t } = useTranslation();
  const take = useTakeTicket();
  const changeStatus = useChangeStatus(ticket.id);
  const [reasonFor, setReasonFor] = useState<TicketStatus | null>(null);
  const [escalateOpened, escalateModal] = useDisclosure(false);
  const [solveOpened, solveModal] = useDisclosure(false);
  const [workaroundOpened, workaroundModal] = useDisclosure(false);
  const isOpen = !CLOSED.includes(ticket.status);

  function moveTo(status: TicketStatus) {
    if (needsReason(ticket.status, status)) return setReasonFor(status);
    changeStatus.mutate(
      { version: ticket.version, status, reason: undefined },
      {
        onSuccess: () =>
          notifications.show({ color: "green", message: t("tickets.statusChanged", { status: t(`tickets.statuses.${status}`) }) }),
        onError: (error) => notifyTicketError(error, t),
      },
    );
  }

  return (
    <>
      {isOpen && ticket.assigneeId !== meId && (
        <Button
          loading={take.isPending}
          title={t("tickets.takeHint")}
          onClick={() =>
            take.mutate(ticket, {
              onSuccess: () => notifications.show({ color: "green", message: t("tickets.taken", { id: ticket.id }) }),
              onError: (error) => notifyTicketError(error, t),
            })
          }
        >
          {t("tickets.take")}
        </Button>
      )}
      {isOpen && (
        <Button color="green" onClick={solveModal.open}>
          {t("tickets.solve")}
        </Button>
      )}
      {isOpen && (
        <Button variant="default" onClick={workaroundModal.open}>
          {t("tickets.workaround")}
        </Button>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={changeStatus.isPending}>
            {t("tickets.changeStatus")}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {TRANSITIONS[ticket.status].map((status) => (
            <Menu.Item key={status} onClick={() => moveTo(status)}>
              <TicketStatusBadge status={status} />
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {isOpen && (
        <Button variant="default" onClick={escalateModal.open}>
          {t("tickets.escalate")}
        </Button>
      )}
      <ReasonModal ticket={ticket} status={reasonFor} onClose={() => setReasonFor(null)} />
      <EscalateModal ticket={ticket} opened={escalateOpened} onClose={escalateModal.close} />
      <SolveModal ticket={ticket} opened={solveOpened} onClose={solveModal.close} />
      <WorkaroundModal ticket={ticket} opened={workaroundOpened} onClose={workaroundModal.close} />
    </>
  );
}

function ReasonModal({ ticket, status, onClose }: { ticket: Ticket; status: TicketStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const changeStatus = useChangeStatus(ticket.id);
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; until?: string }>({});

  function close() {
    setReason("");
    setUntil("");
    setErrors({});
    changeStatus.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return;
    const pendingUntil = status === "pending" ? parseLocalDateTime(until) : undefined;
    const next = {
      reason: reason.trim() ? undefined : t("validation.required"),
      until: pendingUntil === null ? t("validation.date") : undefined,
    };
    if (next.reason || next.until) return setErrors(next);
    changeStatus.mutate(
      { version: ticket.version, status, reason: reason.trim(), pendingUntil: pendingUntil ?? undefined },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("tickets.statusChanged", { status: t(`tickets.statuses.${status}`) }) });
          close();
        },
        onError: (error) => {
          if (isApiError(error, "TICKET_VERSION_CONFLICT")) {
            notifyTicketError(error, t);
            close();
          }
        },
      },
    );
  }

  return (
    <Modal
      opened={status !== null}
      onClose={close}
      title={status ? t("tickets.reasonTitle", { status: t(`tickets.statuses.${status}`) }) : ""}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={changeStatus.error} />
          <Textarea
            label={t("tickets.reason")}
            description={status === "pending" ? t("tickets.reasonPendingHelp") : t("tickets.reasonReopenHelp")}
            required
            data-autofocus
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setErrors((old) => ({ ...old, reason: undefined }));
            }}
            error={errors.reason}
          />
          {status === "pending" && (
            <TextInput
              label={t("tickets.pendingUntil")}
              description={t("tickets.pendingUntilHelp")}
              placeholder="2026-01-31 09:00"
              value={until}
              onChange={(event) => {
                setUntil(event.currentTarget.value);
                setErrors((old) => ({ ...old, until: undefined }));
              }}
              error={errors.until}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={changeStatus.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EscalateModal({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const escalate = useEscalate(ticket.id);
  const [level, setLevel] = useState<number>(Math.min(ticket.level + 1, 3));
  const [groupId, setGroupId] = useState<number | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ groupId?: string; note?: string }>({});

  function close() {
    setLevel(Math.min(ticket.level + 1, 3));
    setGroupId(null);
    setNote("");
    setErrors({});
    escalate.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = {
      groupId: groupId === null ? t("validation.required") : undefined,
      note: note.trim() ? undefined : t("validation.required"),
    };
    if (next.groupId || next.note || groupId === null) return setErrors(next);
    escalate.mutate(
      { version: ticket.version, level: level as 1 | 2 | 3, groupId, note: textToHtml(note) },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("tickets.escalated", { level }) });
          close();
        },
        onError: (error) => {
          if (isApiError(error, "TICKET_VERSION_CONFLICT")) {
            notifyTicketError(error, t);
            close();
          }
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t("tickets.escalateTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={escalate.error} />
          <Group grow align="flex-start">
            <Select
              label={t("tickets.level")}
              data={SUPPORT_LEVELS.map((n) => ({ value: String(n), label: t(`tickets.levels.${n}`) }))}
              value={String(level)}
              onChange={(value) => value && setLevel(Number(value))}
              allowDeselect={false}
            />
            <GroupSelect
              label={t("tickets.group")}
              required
              value={groupId}
              onChange={(value) => {
                setGroupId(value);
                setErrors((old) => ({ ...old, groupId: undefined }));
              }}
              error={errors.groupId}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Textarea
            label={t("tickets.escalateNote")}
            description={t("tickets.escalateNoteHelp")}
            required
            autosize
            minRows={4}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setErrors((old) => ({ ...old, note: undefined }));
            }}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={escalate.isPending}>
              {t("tickets.escalate")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
