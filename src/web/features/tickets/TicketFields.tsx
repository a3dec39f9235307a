import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ticket, UpdateTicketBody } from "../../../shared/api/tickets.js";
import { TICKET_TYPES, type TicketType } from "../../../shared/domain/tickets.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useFormat } from "../../i18n/format.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { TicketContractSelect } from "../sla/ContractSelect.js";
import { notifyTicketError } from "./ticket-errors.js";
import { formatDuration, GroupSelect, ScaleSelect } from "./ticket-ui.js";
import { useUpdateTicket } from "./useTickets.js";

/** Who asked, where, and the ticket's dates: read-only facts beside the form. */
export function TicketPeople({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const contact = [ticket.contactName, ticket.contactPhone, ticket.contactEmail].filter(Boolean).join(" · ");
  const rating = ticket.satisfaction === null ? null
    : `${"★".repeat(ticket.satisfaction)}${"☆".repeat(5 - ticket.satisfaction)} (${ticket.satisfaction}/5)${ticket.satisfactionComment ? ` — ${ticket.satisfactionComment}` : ""}`;
  const rows: [string, string | null][] = [
    [t("tickets.requester"), ticket.requesterName ?? t("tickets.noRequester")],
    [t("tickets.contact"), contact || null],
    [t("tickets.entity"), ticket.entityName],
    [t("tickets.level"), t(`tickets.levels.${String(ticket.level) as "1" | "2" | "3"}`)],
    [t("tickets.callDuration"), ticket.callSeconds === null ? null : formatDuration(ticket.callSeconds)],
    [t("tickets.dueAt"), format.dateTime(ticket.dueAt)],
    [t("tickets.solutionType"), ticket.solutionType ? t(`tickets.solutionTypes.${ticket.solutionType}`) : null],
    [t("tickets.satisfaction"), rating],
    [t("tickets.updated"), format.dateTime(ticket.updatedAt)],
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6}>
        {rows.filter(([, value]) => value !== null).map(([label, value]) => (
          <Group key={label} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed">{label}</Text>
            <Text size="sm" ta="right">{value}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

type Fields = Pick<Ticket, "urgency" | "impact" | "type" | "groupId" | "assigneeId" | "categoryId" | "contractId">;
const KEYS = ["urgency", "impact", "type", "categoryId", "contractId", "groupId", "assigneeId"] as const satisfies readonly (keyof Fields)[];

const fieldsOf = (ticket: Ticket): Fields => ({
  urgency: ticket.urgency, impact: ticket.impact, type: ticket.type, groupId: ticket.groupId,
  assigneeId: ticket.assigneeId, categoryId: ticket.categoryId, contractId: ticket.contractId,
});

/**
 * Keeps a form's edits while the ticket changes under it (someone else saved, a live update
 * came): edits that do not clash follow the new version silently; clashing ones are shown,
 * and the technician takes the others' values or keeps theirs before saving.
 */
function useRebasedFields(ticket: Ticket) {
  const server = fieldsOf(ticket);
  const [base, setBase] = useState({ fields: server, version: ticket.version });
  const [values, setValues] = useState(server);
  const mine = KEYS.filter((key) => values[key] !== base.fields[key]);
  const clashes = mine.filter((key) => server[key] !== base.fields[key] && server[key] !== values[key]);
  const rebase = (keep: readonly (keyof Fields)[]) => {
    setBase({ fields: server, version: ticket.version });
    setValues({ ...server, ...Object.fromEntries(keep.map((key) => [key, values[key]])) });
  };
  if (ticket.version !== base.version && clashes.length === 0) rebase(mine);
  const stale = ticket.version !== base.version;
  const changed = KEYS.filter((key) => values[key] !== server[key]);
  return {
    values, changed, stale, clashes,
    set: <K extends keyof Fields>(key: K, value: Fields[K]) => setValues((old) => ({ ...old, [key]: value })),
    takeTheirs: () => rebase([]),
    keepMine: () => rebase(mine),
    cancel: () => setValues(server),
  };
}

/** The triage fields, saved together with the version read: a concurrent change is shown, never overwritten. */
export function TicketFieldsForm({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const form = useRebasedFields(ticket);
  const { values, set } = form;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (form.changed.length === 0 || form.stale) return;
    const body: UpdateTicketBody = { version: ticket.version };
    for (const key of form.changed) Object.assign(body, { [key]: values[key] });
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
      onError: (error) => notifyTicketError(error, t),
    });
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit}>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">{t("tickets.keyFields")}</Title>
      <Stack gap="xs">
        {form.stale && (
          <Alert color="orange" variant="light" p="xs" role="alert" title={t("tickets.changedMeanwhile")}>
            <Text size="sm">{t("tickets.changedFields", { fields: form.clashes.map((key) => t(`fields.${key}`)).join(", ") })}</Text>
            <Group gap="xs" mt={6}>
              <Button size="compact-xs" variant="light" onClick={form.takeTheirs}>{t("tickets.takeTheirs")}</Button>
              <Button size="compact-xs" variant="subtle" onClick={form.keepMine}>{t("tickets.keepMine")}</Button>
            </Group>
          </Alert>
        )}
        <Group grow gap="xs">
          <ScaleSelect label={t("tickets.urgency")} value={values.urgency} onChange={(value) => set("urgency", value)} disabled={readOnly} size="xs" />
          <ScaleSelect label={t("tickets.impact")} value={values.impact} onChange={(value) => set("impact", value)} disabled={readOnly} size="xs" />
        </Group>
        <Select label={t("tickets.type")} data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
          value={values.type} onChange={(value) => value && set("type", value as TicketType)} allowDeselect={false} disabled={readOnly} size="xs" />
        <CategorySelect label={t("categories.picker")} placeholder={readOnly ? "—" : undefined} value={values.categoryId}
          onChange={(value) => set("categoryId", value)} entityId={ticket.entityId} initialLabel={ticket.categoryName} disabled={readOnly} size="xs" />
        <TicketContractSelect ticketId={ticket.id} value={values.contractId} onChange={(value) => set("contractId", value)}
          initialLabel={ticket.contractName} disabled={readOnly} size="xs" />
        <GroupSelect label={t("tickets.group")} placeholder={t("tickets.noGroup")} value={values.groupId}
          onChange={(value) => set("groupId", value)} disabled={readOnly} size="xs" />
        <UserSelect label={t("tickets.assignee")} value={values.assigneeId} onChange={(value) => set("assigneeId", value)}
          initialLabel={ticket.assigneeName} disabled={readOnly} size="xs" />
        {!readOnly && (
          <Group justify="flex-end" gap="xs" mt={4}>
            {form.changed.length > 0 && <Button variant="subtle" size="xs" onClick={form.cancel}>{t("common.cancel")}</Button>}
            <Button type="submit" size="xs" disabled={form.changed.length === 0 || form.stale} loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
