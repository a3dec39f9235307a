import { Alert, Anchor, Button, Group, Modal, Paper, Skeleton, Stack, Text, TextInput, Textarea, Title, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { User } from "../../../shared/api/users.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useFormat } from "../../i18n/format.js";
import { useUserList } from "../identity/users/useUsers.js";
import { PriorityBadge, TicketStatusBadge, formatDuration, textToHtml } from "./ticket-ui.js";
import { useAddFollowup, useTicketList } from "./useTickets.js";

export function CallerSearch({ onPick }: { onPick: (user: User) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const list = useUserList({ q: debounced, isActive: true, limit: 8 }, debounced.length >= 2);

  return (
    <Stack gap="xs">
      <TextInput
        label={t("call.search")}
        description={t("call.searchHelp")}
        placeholder={t("call.searchPlaceholder")}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        autoFocus
        data-autofocus
        type="search"
      />
      {debounced.length >= 2 && list.isPending && <Skeleton h={60} />}
      <ApiErrorAlert error={list.error} />
      {debounced.length >= 2 && list.isSuccess && list.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("call.noMatch")}
        </Text>
      )}
      <Stack gap={4} role="list" aria-label={t("call.matches")}>
        {list.items.map((user) => (
          <UnstyledButton
            key={user.id}
            role="listitem"
            className="caller-option"
            onClick={() => onPick(user)}
            aria-label={`${user.lastName} ${user.firstName}`}
          >
            <CallerSummary user={user} />
          </UnstyledButton>
        ))}
      </Stack>
    </Stack>
  );
}

function CallerSummary({ user }: { user: User }) {
  const phones = [user.phone, user.mobile].filter(Boolean).join(" · ");
  return (
    <div>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm">
          {user.lastName} {user.firstName}{" "}
          <Text span c="dimmed" size="xs">
            ({user.login})
          </Text>
        </Text>
        {phones && (
          <Text size="sm" className="mono nowrap">
            {phones}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {user.entityName}
        {user.email ? ` · ${user.email}` : ""}
      </Text>
    </div>
  );
}

export function PickedCaller({ caller, onChange }: { caller: User; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Paper radius="sm" p="xs" className="caller-option" data-picked>
        <CallerSummary user={caller} />
      </Paper>
      <Group justify="flex-end">
        <Button variant="subtle" size="xs" onClick={onChange}>
          {t("call.changeCaller")}
        </Button>
      </Group>
    </Stack>
  );
}

export function CallerTickets({ caller, seconds }: { caller: User; seconds: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tickets = useTicketList({ view: "open", requesterId: caller.id, limit: 10 });

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("call.openTickets")}
      </Title>
      <ApiErrorAlert error={tickets.error} />
      {tickets.isPending && <Skeleton h={60} />}
      {tickets.isSuccess && tickets.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("call.noOpenTickets")}
        </Text>
      )}
      {tickets.items.length > 0 && (
        <Alert color="blue" variant="light" py={6} mb="xs">
          {t("call.duplicateHint")}
        </Alert>
      )}
      <Stack gap="xs">
        {tickets.items.map((ticket) => (
          <Paper key={ticket.id} withBorder radius="sm" p="xs" data-ticket={ticket.id}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/tickets/${ticket.id}`} fz="sm" fw={500} lineClamp={2}>
                  #{ticket.id} {ticket.title}
                </Anchor>
                <Group gap={6} mt={4}>
                  <TicketStatusBadge status={ticket.status} size="xs" />
                  <PriorityBadge priority={ticket.priority} size="xs" />
                  <Text size="xs" c="dimmed">
                    {format.dateTime(ticket.updatedAt)}
                  </Text>
                </Group>
              </div>
              <CallFollowupButton ticketId={ticket.id} seconds={seconds} />
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The call is about a ticket already open: a followup records what was said, and the call's
 * duration adds to the ticket's call time; then the technician lands on the ticket.
 */
function CallFollowupButton({ ticketId, seconds }: { ticketId: number; seconds: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const add = useAddFollowup(ticketId);
  const [opened, setOpened] = useState(false);
  const [content, setContent] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!content.trim()) return;
    add.mutate({ content: textToHtml(content.trim()), callSeconds: Math.min(seconds, 86_400) }, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("call.followupAdded", { id: ticketId, duration: formatDuration(seconds) }) });
        void navigate(`/tickets/${ticketId}`);
      },
    });
  }

  return (
    <>
      <Button size="xs" variant="light" className="nowrap" onClick={() => setOpened(true)}>
        {t("call.addFollowup")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("call.followupTitle", { id: ticketId })}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Textarea label={t("call.followupLabel")} autosize minRows={3} required data-autofocus
              value={content} onChange={(event) => setContent(event.currentTarget.value)} />
            <Text size="sm" c="dimmed">{t("call.durationAdded", { duration: formatDuration(seconds) })}</Text>
            <ApiErrorAlert error={add.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>{t("common.cancel")}</Button>
              <Button type="submit" disabled={!content.trim()} loading={add.isPending}>{t("call.followupSubmit")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
