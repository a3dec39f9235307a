import { Alert, Button, Group, Modal, Paper, Rating, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ticket } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { RecordError } from "../../components/StatusPages.js";
import { useFormat } from "../../i18n/format.js";
import { useMe } from "../auth/useAuth.js";
import { AttachmentsPanel } from "../tickets/AttachmentsPanel.js";
import { RichText, TicketStatusBadge } from "../tickets/ticket-ui.js";
import { Timeline } from "../tickets/Timeline.js";
import { useApproveSolution, useFollowups, useRateTicket, useTicket } from "../tickets/useTickets.js";

/** A requester's view of their ticket: its status, the public timeline and a box to answer. */
export function RequestPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const id = Number(useParams().id);
  const ticket = useTicket(id);

  if (ticket.isPending) return <Skeleton h={300} />;
  if (ticket.isError) return <RecordError error={ticket.error} />;
  const record = ticket.data;
  // Observers and colleagues of a sharing entity read along; only the requester approves and rates.
  const isRequester = record.requesterId === me.id;

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
      {record.status === "solved" && isRequester && <SolutionApproval ticket={record} />}
      {record.status === "closed" && (
        <Alert color="gray" variant="light" py="xs">
          {t("portal.closedNotice")}
        </Alert>
      )}
      {record.status === "closed" && isRequester && <Satisfaction ticket={record} />}
      <AttachmentsPanel ticketId={record.id} staff={false} portal canUpload={isRequester && record.status !== "closed"} />
      <Timeline ticketId={record.id} staff={false} canReply={record.status !== "closed"} />
    </Stack>
  );
}

/** A solved ticket waits for the requester: the latest solution, then accept or refuse (with a reason). */
function SolutionApproval({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const followups = useFollowups(ticket.id);
  const approve = useApproveSolution(ticket.id);
  const [refusing, setRefusing] = useState(false);
  const solution = [...followups.items].reverse().find((followup) => followup.kind === "solution");

  function accept() {
    approve.mutate(
      { accept: true },
      { onSuccess: () => notifications.show({ color: "green", message: t("portal.accepted") }) },
    );
  }

  return (
    <Paper withBorder radius="md" p="md" className="followup" data-kind="solution" aria-labelledby="solution-title">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="md" id="solution-title">
            {t("portal.solutionTitle")}
          </Title>
          {solution && (
            <Text size="xs" c="dimmed">
              {t("portal.solutionBy", { name: solution.authorName, date: format.dateTime(solution.createdAt) })}
            </Text>
          )}
        </div>
        {solution ? <RichText html={solution.content} /> : followups.isPending ? <Skeleton h={40} /> : null}
        <Text size="sm">{t("portal.solutionQuestion")}</Text>
        <ApiErrorAlert error={refusing ? null : approve.error} />
        <Group gap="sm">
          <Button color="green" onClick={accept} loading={approve.isPending && !refusing}>
            {t("portal.accept")}
          </Button>
          <Button variant="default" color="red" onClick={() => setRefusing(true)}>
            {t("portal.refuse")}
          </Button>
        </Group>
      </Stack>
      <RefuseModal ticket={ticket} opened={refusing} onClose={() => setRefusing(false)} />
    </Paper>
  );
}

function RefuseModal({ ticket, opened, onClose }: { ticket: Ticket; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const approve = useApproveSolution(ticket.id);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();

  function close() {
    setReason("");
    setError(undefined);
    approve.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError(t("validation.required"));
    approve.mutate(
      { accept: false, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: "green", message: t("portal.refused") });
          close();
        },
      },
    );
  }

  return (
    <Modal opened={opened} onClose={close} title={t("portal.refuseTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={approve.error} />
          <Textarea
            label={t("portal.refuseReason")}
            description={t("portal.refuseReasonHelp")}
            required
            data-autofocus
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={approve.isPending}>
              {t("portal.refuseSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Once closed: a 1–5 rating with an optional comment, given once, then shown. */
function Satisfaction({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const rate = useRateTicket(ticket.id);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | undefined>();

  if (ticket.satisfaction !== null) {
    return (
      <Paper withBorder radius="md" p="md" data-testid="satisfaction">
        <Text size="sm" fw={600} mb={4}>
          {t("portal.yourRating")}
        </Text>
        <Group gap="sm">
          <Rating value={ticket.satisfaction} readOnly aria-label={t("portal.ratingValue", { rating: ticket.satisfaction })} />
          <Text size="sm" c="dimmed">
            {t("portal.ratingValue", { rating: ticket.satisfaction })}
          </Text>
        </Group>
        {ticket.satisfactionComment && (
          <Text size="sm" mt={6} fs="italic">
            « {ticket.satisfactionComment} »
          </Text>
        )}
      </Paper>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rating < 1) return setError(t("portal.ratingRequired"));
    rate.mutate(
      { rating, comment: comment.trim() || undefined },
      { onSuccess: () => notifications.show({ color: "green", message: t("portal.rated") }) },
    );
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t("portal.rateTitle")}
        </Text>
        <ApiErrorAlert error={rate.error} />
        <Group gap="sm">
          <Rating
            value={rating}
            onChange={(value) => {
              setRating(value);
              setError(undefined);
            }}
            size="lg"
            getSymbolLabel={(value) => t("portal.ratingValue", { rating: value })}
          />
          {rating > 0 && (
            <Text size="sm" c="dimmed">
              {t("portal.ratingValue", { rating })}
            </Text>
          )}
        </Group>
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
        <Textarea
          label={t("portal.ratingComment")}
          autosize
          minRows={2}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={rate.isPending}>
            {t("portal.rateSubmit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
