import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Page } from "../../../shared/api/common.js";
import type { TicketMail } from "../../../shared/api/mail-in.js";
import type { Ticket } from "../../../shared/api/tickets.js";
import { api } from "../../api/client.js";
import { useFormat } from "../../i18n/format.js";
import { formatBytes } from "../tickets/AttachmentItems.js";

/**
 * The original mails a ticket and its followups were made from, for the staff to read what the
 * sender really wrote (the quoted history, the files left out). Nothing shows when there is none.
 */
export function TicketMailsPanel({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const path = `/api/tickets/${ticket.id}/mails`;
  // A ticket gets a few mails; past 100, the admin's list of received mails has them all.
  const mails = useQuery({ queryKey: [path], queryFn: ({ signal }) => api<Page<TicketMail>>(path, { query: { limit: 100 }, signal }) });
  const items = mails.data?.data ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-mails-title">
      <Title id="ticket-mails-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("mailIn.ticketMails.title")}
      </Title>
      <Stack gap={6}>
        {items.map((mail) => {
          const from = mail.fromName || mail.fromAddress || "?";
          const date = format.dateTime(mail.receivedAt);
          return (
            <div key={mail.id} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {mail.followupId === null ? t("mailIn.ticketMails.opened") : t("mailIn.ticketMails.followup")} · {date} · {formatBytes(mail.size, i18n.language)}
              </Text>
              <Anchor href={`${path}/${mail.id}/raw`} download size="sm" lineClamp={1} aria-label={t("mailIn.ticketMails.download", { from, date })}>
                ✉ {from} — {mail.subject || t("mailIn.received.noSubject")}
              </Anchor>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
