import { Alert, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { RecordError } from "../../components/StatusPages.js";
import { useFormat } from "../../i18n/format.js";
import { RichText, TicketStatusBadge } from "../tickets/ticket-ui.js";
import { Timeline } from "../tickets/Timeline.js";
import { useTicket } from "../tickets/useTickets.js";

/** A requester's view of their ticket: its status, the public timeline and a box to answer. */
export function RequestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = Number(useParams().id);
  const ticket = useTicket(id);

  if (ticket.isPending) return <Skeleton h={300} />;
  if (ticket.isError) return <RecordError error={ticket.error} />;
  const record = ticket.data;

  return (
    <Stack maw={720} mx="auto" w="100%" gap="md">
      <PageHeader
        crumbs={[{ label: t("portal.back"), to: "/" }]}
        title={record.title}
        description={
          <Group gap="xs" component="span" mt={4}>
            <TicketStatusBadge status={record.status} size="md" />
            <Text span size="sm" c="dimmed">
              {t("portal.number", { id: record.id })} · {t("tickets.openedOn", { date: format.dateTime(record.createdAt) })}
            </Text>
          </Group>
        }
      />
      {record.status === "pending" && record.pendingReason && (
        <Alert color="yellow" variant="light" py="xs">
          {t("tickets.pendingSince", { reason: record.pendingReason })}
        </Alert>
      )}
      {record.description && (
        <Paper withBorder radius="md" p="md">
          <RichText html={record.description} />
        </Paper>
      )}
      {record.status === "closed" && (
        <Alert color="gray" variant="light" py="xs">
          {t("portal.closedNotice")}
        </Alert>
      )}
      <Timeline ticketId={record.id} staff={false} canReply={record.status !== "closed"} />
    </Stack>
  );
}
