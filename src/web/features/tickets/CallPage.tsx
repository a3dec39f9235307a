import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { CreateTicketBodySchema } from "../../../shared/api/tickets.js";
import type { User } from "../../../shared/api/users.js";
import { TICKET_TYPES, type TicketType } from "../../../shared/domain/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormat } from "../../i18n/format.js";
import { useForm } from "../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../lib/validation.js";
import { useUserList } from "../identity/users/useUsers.js";
import { useEntityScope } from "../shell/entity-scope.js";
import { formatDuration, GroupSelect, PriorityBadge, TicketStatusBadge, textToHtml, useScaleOptions } from "./ticket-ui.js";
import { useCreateTicket, useTicketList } from "./useTickets.js";

/** Counts up from when the screen opens; pause and reset for a call put on hold or restarted. */
function useCallTimer() {
  const [seconds, setSeconds] = useState(0);
  const [running, setRunning] = useState(true);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return {
    seconds,
    running,
    toggle: () => setRunning((value) => !value),
    reset: () => setSeconds(0),
  };
}

function CallTimer({ timer }: { timer: ReturnType<typeof useCallTimer> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" px="sm" py={6} className="call-timer" data-running={timer.running || undefined}>
      <Group gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
          {t("call.duration")}
        </Text>
        <Text fw={700} fz="lg" className="mono" role="timer" aria-live="off" aria-label={t("call.duration")} data-testid="call-timer">
          {formatDuration(timer.seconds)}
        </Text>
        <Button size="compact-sm" variant="light" onClick={timer.toggle}>
          {timer.running ? t("call.pause") : t("call.resume")}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={timer.reset}>
          {t("call.reset")}
        </Button>
      </Group>
    </Paper>
  );
}

/**
 * Phone intake: the timer runs from the first ring, the caller is found by name, login, email
 * or phone number as typed, their open tickets come first (follow one up rather than open a
 * duplicate), else a short form opens a new ticket with the call's length.
 */
export function CallPage() {
  const { t } = useTranslation();
  const timer = useCallTimer();
  const [caller, setCaller] = useState<User | null>(null);
  const [anonymous, setAnonymous] = useState(false);

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("tickets.title"), to: "/tickets" }]}
        title={t("call.title")}
        description={t("call.description")}
        actions={<CallTimer timer={timer} />}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} fz="sm" tt="uppercase" c="dimmed">
                  {t("call.caller")}
                </Title>
                <Switch
                  label={t("call.anonymous")}
                  checked={anonymous}
                  onChange={(event) => {
                    setAnonymous(event.currentTarget.checked);
                    setCaller(null);
                  }}
                />
              </Group>
              {anonymous ? (
                <Text size="sm" c="dimmed">
                  {t("call.anonymousHelp")}
                </Text>
              ) : caller ? (
                <PickedCaller caller={caller} onChange={() => setCaller(null)} />
              ) : (
                <CallerSearch onPick={setCaller} />
              )}
            </Paper>
            {caller && <CallerTickets caller={caller} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CallTicketForm caller={caller} anonymous={anonymous} seconds={timer.seconds} />
        </Grid.Col>
      </Grid>
    </>
  );
}

function CallerSearch({ onPick }: { onPick: (user: User) => void }) {
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

function PickedCaller({ caller, onChange }: { caller: User; onChange: () => void }) {
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

function CallerTickets({ caller }: { caller: User }) {
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
          <Paper key={ticket.id} withBorder radius="sm" p="xs">
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
              <Button
                component={Link}
                to={`/tickets/${ticket.id}?tab=timeline#followup`}
                size="xs"
                variant="light"
                className="nowrap"
              >
                {t("call.addFollowup")}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}

const INITIAL = {
  title: "",
  description: "",
  type: "incident" as TicketType,
  urgency: 3,
  impact: 3,
  groupId: null as number | null,
  contactName: "",
  contactPhone: "",
  contactEmail: "",
  entityId: null as number | null,
};

function CallTicketForm({ caller, anonymous, seconds }: { caller: User | null; anonymous: boolean; seconds: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scale = useScaleOptions();
  const { scopeQuery } = useEntityScope();
  const createTicket = useCreateTicket();
  const form = useForm(INITIAL);
  const [missingCaller, setMissingCaller] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    if (!anonymous && !caller) return setMissingCaller(true);
    const body = {
      type: values.type,
      title: values.title,
      description: values.description.trim() ? textToHtml(values.description) : "",
      channel: "phone" as const,
      urgency: values.urgency,
      impact: values.impact,
      groupId: values.groupId ?? undefined,
      callSeconds: Math.min(seconds, 86_400),
      ...(anonymous
        ? {
            contactName: values.contactName.trim() || undefined,
            contactPhone: values.contactPhone.trim() || undefined,
            contactEmail: values.contactEmail.trim() || undefined,
            entityId: values.entityId ?? scopeQuery.entityId ?? undefined,
          }
        : { requesterId: caller?.id }),
    };
    const result = validate(CreateTicketBodySchema, body, t);
    const errors = result.ok ? {} : { ...result.errors };
    if (anonymous && !values.contactName.trim()) errors.contactName = t("validation.required");
    if (!result.ok || Object.keys(errors).length > 0) return form.setErrors(errors);
    createTicket.mutate(result.data, {
      onSuccess: (ticket) => {
        notifications.show({ color: "green", message: t("tickets.created", { id: ticket.id }) });
        void navigate(`/tickets/${ticket.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={handleSubmit} noValidate>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("call.newTicket")}
      </Title>
      <Stack gap="sm">
        <ApiErrorAlert error={createTicket.error} />
        {missingCaller && !caller && !anonymous && (
          <Alert color="yellow" variant="light" py={6}>
            {t("call.pickCallerFirst")}
          </Alert>
        )}
        {anonymous && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t("call.contactName")}
                required
                value={form.values.contactName}
                onChange={(event) => form.setField("contactName", event.currentTarget.value)}
                error={form.errors.contactName}
              />
              <TextInput
                label={t("call.contactPhone")}
                type="tel"
                value={form.values.contactPhone}
                onChange={(event) => form.setField("contactPhone", event.currentTarget.value)}
                error={form.errors.contactPhone}
              />
              <TextInput
                label={t("call.contactEmail")}
                type="email"
                value={form.values.contactEmail}
                onChange={(event) => form.setField("contactEmail", event.currentTarget.value)}
                error={form.errors.contactEmail}
              />
            </SimpleGrid>
            <EntitySelect
              label={t("tickets.entity")}
              description={t("call.entityHelp")}
              value={form.values.entityId}
              onChange={(value) => form.setField("entityId", value)}
              error={form.errors.entityId}
              clearable
            />
          </>
        )}
        <TextInput
          label={t("tickets.ticketTitle")}
          required
          value={form.values.title}
          onChange={(event) => form.setField("title", event.currentTarget.value)}
          error={form.errors.title}
        />
        <Textarea
          label={t("tickets.description")}
          autosize
          minRows={4}
          maxRows={12}
          value={form.values.description}
          onChange={(event) => form.setField("description", event.currentTarget.value)}
          error={form.errors.description}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
          <Select
            label={t("tickets.type")}
            data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
            value={form.values.type}
            onChange={(value) => value && form.setField("type", value as TicketType)}
            allowDeselect={false}
          />
          <Select
            label={t("tickets.urgency")}
            data={scale}
            value={String(form.values.urgency)}
            onChange={(value) => value && form.setField("urgency", Number(value))}
            allowDeselect={false}
          />
          <Select
            label={t("tickets.impact")}
            data={scale}
            value={String(form.values.impact)}
            onChange={(value) => value && form.setField("impact", Number(value))}
            allowDeselect={false}
          />
          <GroupSelect
            label={t("tickets.group")}
            value={form.values.groupId}
            onChange={(value) => form.setField("groupId", value)}
            error={form.errors.groupId}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {t("call.durationSent", { duration: formatDuration(seconds) })}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => void navigate("/tickets")}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={createTicket.isPending}>
              {t("call.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
