import { ActionIcon, Anchor, Button, Group, Modal, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LINK_KINDS, type LinkKind } from "../../../shared/api/ticket-links.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { TicketStatusBadge } from "./ticket-ui.js";
import { notifyTicketError } from "./ticket-errors.js";
import { useCreateLink, useDeleteLink, useLinks, useMergeTickets } from "./useRelations.js";

/** Duplicates, parent and children, related tickets — and merging duplicates into this one. */
export function LinksPanel({ ticket, staff }: { ticket: Ticket; staff: boolean }) {
  const { t } = useTranslation();
  const links = useLinks(ticket.id);
  const remove = useDeleteLink(ticket.id);
  const items = links.data?.data ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="links-panel-title">
      <Title id="links-panel-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("relations.links")}
      </Title>
      <ApiErrorAlert error={links.error ?? remove.error} />
      <Stack gap={6}>
        {links.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">{t("relations.noLinks")}</Text>}
        {items.map((link) => (
          <Group key={link.id} gap={6} wrap="nowrap" justify="space-between" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">{t(`relations.kinds.${link.kind}`)}</Text>
              <Anchor component={Link} to={`/tickets/${link.ticketId}`} size="sm" lineClamp={1}>
                #{link.ticketId} {link.title}
              </Anchor>
              <TicketStatusBadge status={link.status} size="xs" />
            </div>
            {staff && ticket.mergedIntoId === null && (
              <ActionIcon variant="subtle" color="gray" aria-label={t("relations.unlink", { id: link.ticketId })}
                onClick={() => remove.mutate(link.id)} loading={remove.isPending && remove.variables === link.id}>
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      {staff && ticket.mergedIntoId === null && <AddLinkForm ticketId={ticket.id} />}
      {staff && ticket.mergedIntoId === null && ticket.status !== "closed" && <MergeButton ticket={ticket} />}
    </Paper>
  );
}

function AddLinkForm({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const create = useCreateLink(ticketId);
  const [kind, setKind] = useState<LinkKind>("related");
  const [otherId, setOtherId] = useState<number | string>("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typeof otherId !== "number") return;
    create.mutate({ kind, otherId }, {
      onSuccess: () => setOtherId(""),
      onError: (error) => notifyTicketError(error, t),
    });
  }

  return (
    <form onSubmit={submit}>
      <Group gap="xs" mt="sm" align="flex-end" wrap="nowrap">
        <Select size="xs" label={t("relations.kind")} value={kind} allowDeselect={false} style={{ flex: 1.4 }}
          data={LINK_KINDS.map((value) => ({ value, label: t(`relations.kinds.${value}`) }))}
          onChange={(value) => value && setKind(value as LinkKind)} />
        <NumberInput size="xs" label={t("relations.ticketNumber")} value={otherId} onChange={setOtherId}
          min={1} allowDecimal={false} allowNegative={false} hideControls style={{ flex: 1 }} />
        <Button size="xs" type="submit" variant="light" disabled={typeof otherId !== "number"} loading={create.isPending}>
          {t("relations.link")}
        </Button>
      </Group>
    </form>
  );
}

/** Ticket numbers as a technician types them: "1234, 1240 1251". */
export function parseTicketNumbers(text: string): number[] {
  return [...new Set(text.split(/[\s,;#]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0))];
}

function MergeButton({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeTickets(ticket.id);
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState("");
  const sourceIds = parseTicketNumbers(text).filter((id) => id !== ticket.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sourceIds.length === 0) return;
    merge.mutate(sourceIds, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("relations.merged", { count: sourceIds.length, id: ticket.id }) });
        setOpened(false);
        setText("");
        void navigate(`/tickets/${ticket.id}`);
      },
    });
  }

  return (
    <>
      <Button size="xs" variant="subtle" mt="xs" onClick={() => setOpened(true)}>
        {t("relations.mergeInto")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("relations.mergeTitle", { id: ticket.id })}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">{t("relations.mergeHelp")}</Text>
            <TextInput label={t("relations.mergeSources")} placeholder="1234, 1240" value={text} data-autofocus
              onChange={(event) => setText(event.currentTarget.value)} />
            <ApiErrorAlert error={merge.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>{t("common.cancel")}</Button>
              <Button type="submit" color="orange" disabled={sourceIds.length === 0} loading={merge.isPending}>
                {t("relations.mergeSubmit", { count: sourceIds.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
