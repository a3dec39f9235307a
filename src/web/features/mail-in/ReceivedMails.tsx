import { Anchor, Badge, Button, Group, SegmentedControl, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RECEIVED_STATUSES, type ReceivedMail, type ReceivedStatus } from "../../../shared/api/mail-in.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { useFormat } from "../../i18n/format.js";
import { RECEIVED, useReceivedMails, useRetryMail } from "./useMailIn.js";

const COLORS: Record<ReceivedStatus, string> = { pending: "gray", ticket: "green", followup: "teal", refused: "orange", failed: "red" };

/** Every received mail and what became of it; a refused or failed one can be filed again, and any downloaded. */
export function ReceivedMails() {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<ReceivedStatus | "all">("all");
  const list = useReceivedMails(status === "all" ? null : status);
  const retry = useRetryMail();
  return (
    <Stack gap="sm">
      <SegmentedControl value={status} onChange={(v) => setStatus(v as ReceivedStatus | "all")} aria-label={t("mailIn.received.filter")}
        data={[{ value: "all", label: t("mailIn.received.all") }, ...RECEIVED_STATUSES.filter((s) => s !== "pending").map((s) => ({ value: s, label: t(`mailIn.status.${s}`) }))]} />
      <ApiErrorAlert error={list.error ?? retry.error} />
      {list.isPending ? <Skeleton h={120} /> : (
        <div className="table-scroll">
          <Table striped aria-label={t("mailIn.tabs.received")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("mailIn.received.date")}</Table.Th>
                <Table.Th>{t("mailIn.received.from")}</Table.Th>
                <Table.Th>{t("mailIn.received.subject")}</Table.Th>
                <Table.Th>{t("mailIn.received.mailbox")}</Table.Th>
                <Table.Th miw={140}>{t("mailIn.received.fate")}</Table.Th>
                <Table.Th>{t("mailIn.list.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.length === 0 && (
                <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed">{t("mailIn.received.none")}</Text></Table.Td></Table.Tr>
              )}
              {list.items.map((mail) => (
                <Table.Tr key={mail.id}>
                  <Table.Td><Text size="sm" style={{ whiteSpace: "nowrap" }}>{format.dateTime(mail.receivedAt)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : (mail.fromAddress ?? "—")}</Text></Table.Td>
                  <Table.Td><Text size="sm" lineClamp={2}>{mail.subject || t("mailIn.received.noSubject")}</Text></Table.Td>
                  <Table.Td><Text size="sm">{mail.mailboxName ?? "—"}</Text></Table.Td>
                  <Table.Td><Fate mail={mail} /></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {(mail.status === "failed" || mail.status === "refused") && (
                        <Button size="xs" variant="light" loading={retry.isPending && retry.variables === mail.id}
                          onClick={() => retry.mutate(mail.id)}>{t("mailIn.received.retry")}</Button>
                      )}
                      <Button size="xs" variant="subtle" component="a" href={`${RECEIVED}/${mail.id}/raw`} download>{t("mailIn.received.download")}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />
    </Stack>
  );
}

function Fate({ mail }: { mail: ReceivedMail }) {
  const { t } = useTranslation();
  // No capitals and no ellipsis: the fate must stay readable in a narrow column.
  const badge = <Badge color={COLORS[mail.status]} variant="light" tt="none"
    styles={{ root: { flexShrink: 0, overflow: "visible", maxWidth: "none" }, label: { overflow: "visible", textOverflow: "clip" } }}>{t(`mailIn.status.${mail.status}`)}</Badge>;
  if (mail.ticketId !== null) {
    return (
      <Stack gap={2} align="flex-start">
        {badge}
        <Anchor component={Link} to={`/tickets/${mail.ticketId}`} size="sm">{t("mailIn.received.ticket", { id: mail.ticketId })}</Anchor>
      </Stack>
    );
  }
  const reason = mail.reason ? t(`mailIn.reason.${mail.reason}`, { defaultValue: mail.reason }) : null;
  return (
    <Stack gap={2} align="flex-start">
      {badge}
      {reason && <Text size="xs">{reason}</Text>}
      {mail.status === "failed" && mail.error && <Text size="xs" c="red" lineClamp={2}>{mail.error}</Text>}
      {mail.status === "failed" && <Text size="xs" c="dimmed">{t("mailIn.received.attempts", { count: mail.attempts })}</Text>}
    </Stack>
  );
}
