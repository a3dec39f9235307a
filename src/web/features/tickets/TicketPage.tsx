import { Alert, Anchor, Grid, Group, Paper, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { RecordError } from "../../components/StatusPages.js";
import { useFormat } from "../../i18n/format.js";
import { can } from "../../lib/permissions.js";
import { useTabParam } from "../../lib/useTabParam.js";
import { useMe } from "../auth/useAuth.js";
import { HistoryTab } from "../history/HistoryTab.js";
import { AttachmentsPanel } from "./AttachmentsPanel.js";
import { TasksTab } from "./TasksTab.js";
import { TICKET_SIDE_PANELS } from "./ticket-panels.js";
import { TicketActions } from "./TicketActions.js";
import { TicketFieldsForm, TicketPeople } from "./TicketFields.js";
import { PriorityBadge, RichText, TicketStatusBadge } from "./ticket-ui.js";
import { Timeline } from "./Timeline.js";
import { useTicket } from "./useTickets.js";
import { useTicketHistoryWording } from "./ticket-history-wording.js";
import { AlsoHere } from "../live/AlsoHere.js";
import { TicketScriptPanel } from "../kb/scripts/TicketScriptPanel.js";
import { TicketKbButton } from "../kb/TicketKbButton.js";

const TABS = ["timeline", "tasks", "history"] as const;

export function TicketPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const id = Number(useParams().id);
  const [tab, setTab] = useTabParam(TABS);
  const historyWording = useTicketHistoryWording();
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
              <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="ticket" id={record.id} wording={historyWording} />}</Tabs.Panel>
            </Tabs>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <TicketFieldsForm ticket={record} readOnly={!mayWrite} />
            <TicketPeople ticket={record} />
            {mayWrite && <TicketScriptPanel ticket={record} />}
            {mayWrite && <TicketKbButton ticket={record} />}
            {TICKET_SIDE_PANELS.filter((p) => can(me, "ticket.write") || !p.staffOnly).map(({ key, Panel }) => (
              <Panel key={key} ticket={record} staff={mayWrite} />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
