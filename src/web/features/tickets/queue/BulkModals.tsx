import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BulkAction, Ticket } from "../../../../shared/api/tickets.js";
import { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from "../../../../shared/domain/tickets.js";
import { UserSelect } from "../../../components/UserSelect.js";
import { GroupSelect, parseLocalDateTime } from "../ticket-ui.js";

/** Each modal is mounted when opened and unmounted when closed, so it always opens empty. */
type ActionModalProps = { onClose: () => void; count: number; busy: boolean; onSubmit: (action: BulkAction) => void };

function ModalButtons({ busy, label }: { busy: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" type="reset">
        {t("common.cancel")}
      </Button>
      <Button type="submit" loading={busy}>
        {label}
      </Button>
    </Group>
  );
}

function FormModal({ onClose, title, onSubmit, children }: { onClose: () => void; title: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
        onReset={onClose}
      >
        <Stack gap="sm">{children}</Stack>
      </form>
    </Modal>
  );
}

/** A technician, a group, or both, for every selected ticket. */
export function AssignModal({ onClose, count, busy, onSubmit }: ActionModalProps) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState<number | null>(null);
  const [groupId, setGroupId] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  function submit() {
    if (assigneeId === null && groupId === null) return setError(t("queue.assignNeedsOne"));
    onSubmit({ type: "assign", ...(assigneeId === null ? {} : { assigneeId }), ...(groupId === null ? {} : { groupId }) });
  }
  return (
    <FormModal onClose={onClose} title={t("queue.assignTitle", { count })} onSubmit={submit}>
      <Text size="sm" c="dimmed">{t("queue.assignHelp")}</Text>
      <UserSelect label={t("tickets.assignee")} value={assigneeId} onChange={(value) => { setAssigneeId(value); setError(undefined); }} error={error} />
      <GroupSelect label={t("tickets.group")} value={groupId} onChange={(value) => { setGroupId(value); setError(undefined); }} comboboxProps={{ withinPortal: true }} />
      <ModalButtons busy={busy} label={t("queue.assignSubmit", { count })} />
    </FormModal>
  );
}

/** Putting on hold, and reopening a solved or closed ticket, need a reason the requester reads. */
function needsReason(to: TicketStatus | null, tickets: Ticket[]): boolean {
  if (to === "pending") return true;
  return to !== null && OPEN_STATUSES.includes(to) && tickets.some((ticket) => !OPEN_STATUSES.includes(ticket.status));
}

export function StatusModal({ onClose, count, busy, onSubmit, tickets }: ActionModalProps & { tickets: Ticket[] }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TicketStatus | null>(null);
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [errors, setErrors] = useState<{ status?: string; reason?: string; until?: string }>({});
  const reasonNeeded = needsReason(status, tickets);
  function submit() {
    const pendingUntil = status === "pending" ? parseLocalDateTime(until) : undefined;
    const next = {
      status: status ? undefined : t("validation.required"),
      reason: reasonNeeded && !reason.trim() ? t("validation.required") : undefined,
      until: pendingUntil === null ? t("validation.date") : undefined,
    };
    if (next.status || next.reason || next.until || !status) return setErrors(next);
    onSubmit({ type: "status", status, reason: reason.trim() || undefined, pendingUntil: pendingUntil ?? undefined });
  }
  return (
    <FormModal onClose={onClose} title={t("queue.statusTitle", { count })} onSubmit={submit}>
      <Select
        label={t("tickets.status")}
        required
        data={TICKET_STATUSES.map((value) => ({ value, label: t(`tickets.statuses.${value}`) }))}
        value={status}
        onChange={(value) => { setStatus(value as TicketStatus | null); setErrors({}); }}
        error={errors.status}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <Textarea
        label={t("tickets.reason")}
        description={status === "pending" ? t("tickets.reasonPendingHelp") : t("queue.reasonHelp")}
        required={reasonNeeded}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => { setReason(event.currentTarget.value); setErrors((old) => ({ ...old, reason: undefined })); }}
        error={errors.reason}
      />
      {status === "pending" && (
        <TextInput
          label={t("tickets.pendingUntil")}
          description={t("tickets.pendingUntilHelp")}
          placeholder="2026-01-31 09:00"
          value={until}
          onChange={(event) => { setUntil(event.currentTarget.value); setErrors((old) => ({ ...old, until: undefined })); }}
          error={errors.until}
        />
      )}
      <ModalButtons busy={busy} label={t("queue.statusSubmit", { count })} />
    </FormModal>
  );
}

/** Which selected ticket the others merge into: they are closed as its duplicates, their content copied there. */
export function MergeModal({ onClose, tickets, busy, onMerge }: {
  onClose: () => void; tickets: Ticket[]; busy: boolean; onMerge: (targetId: number, sourceIds: number[]) => void;
}) {
  const { t } = useTranslation();
  // The oldest ticket is usually the one to keep: it has the history.
  const oldest = [...tickets].sort((a, b) => a.id - b.id)[0]?.id;
  const [picked, setPicked] = useState<string | null>(null);
  const targetId = Number(picked ?? oldest);
  return (
    <FormModal onClose={onClose} title={t("queue.mergeTitle", { count: tickets.length })}
      onSubmit={() => onMerge(targetId, tickets.map((ticket) => ticket.id).filter((id) => id !== targetId))}>
      <Radio.Group label={t("queue.mergeTarget")} description={t("queue.mergeHelp")} value={String(targetId)} onChange={setPicked}>
        <Stack gap={6} mt="xs">
          {tickets.map((ticket) => (
            <Radio key={ticket.id} value={String(ticket.id)} label={`${t("tickets.ticketNumber", { id: ticket.id })} · ${ticket.title}`} />
          ))}
        </Stack>
      </Radio.Group>
      <ModalButtons busy={busy} label={t("queue.mergeSubmit")} />
    </FormModal>
  );
}
