import { Anchor, Badge, Button, Group, Paper, ScrollArea, SegmentedControl, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OUTGOING_STATUSES, type OutgoingMail, type OutgoingStatus } from "../../../shared/api/mail-out.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { useFormat } from "../../i18n/format.js";
import { useOutgoingMails, useResendMail } from "./useMailOut.js";

const COLOR: Record<OutgoingStatus, string> = { queued: "blue", sent: "green", failed: "red" };

/** The outgoing mails, newest first, with a status filter; a failed one shows its error and can be sent again. */
export function OutgoingMails() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutgoingStatus | "all">("all");
  const list = useOutgoingMails(status === "all" ? null : status);
  const resend = useResendMail();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4">{t("mailOut.outgoing.title")}</Title>
          <Group gap="xs">
            <SegmentedControl value={status} onChange={(v) => setStatus(v as OutgoingStatus | "all")} aria-label={t("mailOut.outgoing.filter")}
              data={[{ value: "all", label: t("mailOut.outgoing.all") }, ...OUTGOING_STATUSES.map((s) => ({ value: s, label: t(`mailOut.status.${s}`) }))]} />
            <Button variant="default" size="xs" onClick={() => list.refetch()} loading={list.isRefetching}>{t("mailOut.outgoing.refresh")}</Button>
          </Group>
        </Group>
        <ApiErrorAlert error={list.error ?? resend.error} />
        {list.items.length === 0 && !list.isLoading ? <Text c="dimmed" size="sm">{t("mailOut.outgoing.empty")}</Text> : (
          <ScrollArea>
            <Table striped highlightOnHover miw={760}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("mailOut.outgoing.date")}</Table.Th>
                  <Table.Th>{t("mailOut.outgoing.to")}</Table.Th>
                  <Table.Th>{t("mailOut.outgoing.subject")}</Table.Th>
                  <Table.Th>{t("mailOut.outgoing.event")}</Table.Th>
                  <Table.Th>{t("mailOut.outgoing.status")}</Table.Th>
                  <Table.Th><VisuallyHidden>{t("mailOut.outgoing.actions")}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((mail) => <MailRow key={mail.id} mail={mail} onResend={() => resend.mutate(mail.id)} resending={resend.isPending && resend.variables === mail.id} />)}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
        <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
      </Stack>
    </Paper>
  );
}

function MailRow({ mail, onResend, resending }: { mail: OutgoingMail; onResend: () => void; resending: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(mail.sentAt ?? mail.createdAt)}</Table.Td>
      <Table.Td>{mail.toAddress} <Text span size="xs" c="dimmed">({mail.language})</Text></Table.Td>
      <Table.Td>
        {mail.ticketId ? <Anchor component={Link} to={`/tickets/${mail.ticketId}`} size="sm">{mail.subject}</Anchor> : mail.subject}
        {mail.lastError && <Text size="xs" c={mail.status === "failed" ? "red" : "orange"} ff="monospace">{mail.lastError}</Text>}
      </Table.Td>
      <Table.Td>{t(`mailOut.events.${mail.event}`, { defaultValue: mail.event })}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap", minWidth: 110 }}>
        <Tooltip label={t("mailOut.outgoing.attempts", { count: mail.attempts })}>
          <Badge color={COLOR[mail.status]} variant="light">{t(`mailOut.status.${mail.status}`)}</Badge>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        {mail.status === "failed" && <Button size="compact-xs" variant="light" onClick={onResend} loading={resending}>{t("mailOut.outgoing.resend")}</Button>}
      </Table.Td>
    </Table.Tr>
  );
}
