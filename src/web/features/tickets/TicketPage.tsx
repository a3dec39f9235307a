import { Alert, Anchor, Button, Grid, Group, Paper, Select, Skeleton, Stack, Tabs, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Ticket, UpdateTicketBody } from "../../../shared/api/tickets.js";
import { TICKET_TYPES, type TicketType } from "../../../shared/domain/tickets.js";
import { PageHeader } from "../../components/PageHeader.js";
import { RecordError } from "../../components/StatusPages.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useFormat } from "../../i18n/format.js";
import { can } from "../../lib/permissions.js";
import { useTabParam } from "../../lib/useTabParam.js";
import { useMe } from "../auth/useAuth.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { HistoryTab } from "../history/HistoryTab.js";
import { AttachmentsPanel } from "./AttachmentsPanel.js";
import { LinksPanel } from "./LinksPanel.js";
import { ObserversPanel } from "./ObserversPanel.js";
import { RequesterPanel } from "./RequesterPanel.js";
import { TasksTab } from "./TasksTab.js";
import { TicketActions } from "./TicketActions.js";
import { notifyTicketError } from "./ticket-errors.js";
import { formatDuration, GroupSelect, PriorityBadge, RichText, TicketStatusBadge, ScaleSelect } from "./ticket-ui.js";
import { Timeline } from "./Timeline.js";
import { useTicket, useUpdateTicket } from "./useTickets.js";
import { AlsoHere } from "../live/AlsoHere.js";

const TABS = ["timeline", "tasks", "history"] as const;

export function TicketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const id = Number(useParams().id);
  const [tab, setTab] = useTabParam(TABS);
  const ticket = useTicket(id);

  if (ticket.isPending) return <Skeleton h={300} />;
  if (ticket.isError) return <RecordError error={ticket.error} />;
  const record = ticket.data;
  // A merged ticket is kept for the record: work goes on in the one it was merged into.
  const mayWrite = can(me, "ticket.write") && record.mergedIntoId === null;

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("tickets.title"), to: "/tickets" }]}
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <Text span c="dimmed" fz="inherit" fw="inherit">
              #{record.id}
            </Text>
            {record.title}
          </Group>
        }
        description={
          <Group gap="xs" component="span" mt={4}>
            <TicketStatusBadge status={record.status} size="md" />
            <PriorityBadge priority={record.priority} size="md" />
            <Text span size="sm" c="dimmed">
              {t(`tickets.types.${record.type}`)} · {t(`tickets.channels.${record.channel}`)} · {record.entityName} ·{" "}
              {t("tickets.openedOn", { date: format.dateTime(record.createdAt) })}
            </Text>
          </Group>
        }
        actions={mayWrite && <TicketActions ticket={record} meId={me.id} />}
      />
      <AlsoHere ticketId={record.id} />
      {record.mergedIntoId !== null && (
        <Alert color="indigo" variant="light" mb="md" py="xs">
          {t("relations.mergedInto", { id: record.mergedIntoId })}{" "}
          <Anchor component={Link} to={`/tickets/${record.mergedIntoId}`}>{t("relations.openMerged", { id: record.mergedIntoId })}</Anchor>
        </Alert>
      )}
      {record.status === "pending" && record.pendingReason && (
        <Alert color="yellow" variant="light" mb="md" py="xs">
          {t("tickets.pendingSince", { reason: record.pendingReason })}
          {record.pendingUntil && ` (${t("tickets.pendingUntilShort", { date: format.dateTime(record.pendingUntil) })})`}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
                {t("tickets.description")}
              </Text>
              {record.description ? <RichText html={record.description} /> : <Text c="dimmed">—</Text>}
            </Paper>
            <AttachmentsPanel ticketId={record.id} staff={mayWrite} />
            <Tabs value={tab} onChange={setTab}>
              <Tabs.List mb="md">
                <Tabs.Tab value="timeline">{t("tabs.timeline")}</Tabs.Tab>
                <Tabs.Tab value="tasks">{t("tasks.title")}</Tabs.Tab>
                {can(me, "history.read") && <Tabs.Tab value="history">{t("tabs.history")}</Tabs.Tab>}
              </Tabs.List>
              <Tabs.Panel value="timeline">
                {tab === "timeline" && <Timeline ticketId={record.id} staff={mayWrite} />}
              </Tabs.Panel>
              <Tabs.Panel value="tasks">{tab === "tasks" && <TasksTab ticketId={record.id} readOnly={!mayWrite} />}</Tabs.Panel>
              <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="ticket" id={record.id} />}</Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <TicketFieldsForm key={record.version} ticket={record} readOnly={!mayWrite} />
            <TicketPeople ticket={record} />
            {mayWrite && <RequesterPanel ticket={record} />}
            {mayWrite && <LinksPanel ticket={record} staff={mayWrite} />}
            <ObserversPanel ticketId={record.id} staff={mayWrite} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function TicketPeople({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, string][] = [
    [t("tickets.requester"), ticket.requesterName ?? t("tickets.noRequester")],
    ...(ticket.contactName || ticket.contactPhone || ticket.contactEmail
      ? ([[t("tickets.contact"), [ticket.contactName, ticket.contactPhone, ticket.contactEmail].filter(Boolean).join(" · ")]] as [
          string,
          string,
        ][])
      : []),
    [t("tickets.entity"), ticket.entityName],
    [t("tickets.level"), t(`tickets.levels.${String(ticket.level) as "1" | "2" | "3"}`)],
    ...(ticket.callSeconds !== null ? ([[t("tickets.callDuration"), formatDuration(ticket.callSeconds)]] as [string, string][]) : []),
    [t("tickets.dueAt"), format.dateTime(ticket.dueAt)],
    ...(ticket.satisfaction !== null
      ? ([[t("tickets.satisfaction"), `${"★".repeat(ticket.satisfaction)}${"☆".repeat(5 - ticket.satisfaction)} (${ticket.satisfaction}/5)${ticket.satisfactionComment ? ` — ${ticket.satisfactionComment}` : ""}`]] as [string, string][])
      : []),
    [t("tickets.updated"), format.dateTime(ticket.updatedAt)],
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6}>
        {rows.map(([label, value]) => (
          <Group key={label} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="sm" ta="right">
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** The triage fields, saved together with the version read: a concurrent change gets a 409 and a reload. */
function TicketFieldsForm({ ticket, readOnly }: { ticket: Ticket; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateTicket(ticket.id);
  const initial = {
    urgency: ticket.urgency,
    impact: ticket.impact,
    type: ticket.type,
    groupId: ticket.groupId,
    assigneeId: ticket.assigneeId,
    categoryId: ticket.categoryId,
  };
  const [values, setValues] = useState(initial);
  const changed = (Object.keys(initial) as (keyof typeof initial)[]).filter((key) => values[key] !== initial[key]);
  const set = <K extends keyof typeof initial>(key: K, value: (typeof initial)[K]) => setValues((old) => ({ ...old, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed.length === 0) return;
    const body: UpdateTicketBody = { version: ticket.version };
    for (const key of changed) Object.assign(body, { [key]: values[key] });
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
      onError: (error) => notifyTicketError(error, t),
    });
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit}>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("tickets.keyFields")}
      </Title>
      <Stack gap="xs">
        <Group grow gap="xs">
          <ScaleSelect
            label={t("tickets.urgency")}
            value={values.urgency}
            onChange={(value) => set("urgency", value)}
            disabled={readOnly}
            size="xs"
          />
          <ScaleSelect
            label={t("tickets.impact")}
            value={values.impact}
            onChange={(value) => set("impact", value)}
            disabled={readOnly}
            size="xs"
          />
        </Group>
        <Select
          label={t("tickets.type")}
          data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
          value={values.type}
          onChange={(value) => value && set("type", value as TicketType)}
          allowDeselect={false}
          disabled={readOnly}
          size="xs"
        />
        <CategorySelect
          label={t("categories.picker")}
          placeholder={readOnly ? "—" : undefined}
          value={values.categoryId}
          onChange={(value) => set("categoryId", value)}
          entityId={ticket.entityId}
          initialLabel={ticket.categoryName}
          disabled={readOnly}
          size="xs"
        />
        <GroupSelect
          label={t("tickets.group")}
          placeholder={t("tickets.noGroup")}
          value={values.groupId}
          onChange={(value) => set("groupId", value)}
          disabled={readOnly}
          size="xs"
        />
        <UserSelect
          label={t("tickets.assignee")}
          value={values.assigneeId}
          onChange={(value) => set("assigneeId", value)}
          initialLabel={ticket.assigneeName}
          disabled={readOnly}
          size="xs"
        />
        {!readOnly && (
          <Group justify="flex-end" gap="xs" mt={4}>
            {changed.length > 0 && (
              <Button variant="subtle" size="xs" onClick={() => setValues(initial)}>
                {t("common.cancel")}
              </Button>
            )}
            <Button type="submit" size="xs" disabled={changed.length === 0} loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
