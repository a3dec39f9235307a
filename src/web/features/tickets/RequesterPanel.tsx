import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ticket } from "../../../shared/api/tickets.js";
import { useFormat } from "../../i18n/format.js";
import { useUser } from "../identity/users/useUsers.js";
import { PriorityBadge, TicketStatusBadge } from "./ticket-ui.js";
import { useTicketList } from "./useTickets.js";

/**
 * Who called and how to call them back, and what else they asked lately: the technician sees
 * a repeat caller or a related problem without leaving the ticket.
 */
export function RequesterPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="requester-panel-title">
      <Title id="requester-panel-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("relations.requester")}
      </Title>
      {ticket.requesterId === null ? <ContactOnly ticket={ticket} /> : <RequesterContact userId={ticket.requesterId} />}
      {ticket.requesterId !== null && <RecentTickets requesterId={ticket.requesterId} currentId={ticket.id} />}
    </Paper>
  );
}

function ContactOnly({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>{ticket.contactName ?? t("tickets.noRequester")}</Text>
      <ContactLines phones={[ticket.contactPhone]} email={ticket.contactEmail} />
      <Text size="xs" c="dimmed">{t("relations.noAccount")}</Text>
    </Stack>
  );
}

function RequesterContact({ userId }: { userId: number }) {
  const user = useUser(userId);
  if (user.isPending) return <Skeleton h={48} />;
  // A technician may not read a requester of another entity: the name on the ticket is enough then.
  if (user.isError) return null;
  const u = user.data;
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/admin/users/${u.id}`} size="sm" fw={600}>
        {u.firstName} {u.lastName}
      </Anchor>
      <Text size="xs" c="dimmed">{u.entityName}</Text>
      <ContactLines phones={[u.phone, u.mobile]} email={u.email} />
    </Stack>
  );
}

function ContactLines({ phones, email }: { phones: (string | null)[]; email: string | null }) {
  return (
    <>
      {phones.filter(Boolean).map((phone) => (
        <Anchor key={phone} href={`tel:${phone}`} size="sm" className="mono">{phone}</Anchor>
      ))}
      {email && <Anchor href={`mailto:${email}`} size="sm">{email}</Anchor>}
    </>
  );
}

function RecentTickets({ requesterId, currentId }: { requesterId: number; currentId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useTicketList({ view: "all", requesterId, sort: "created", limit: 6 });
  const others = list.items.filter((item) => item.id !== currentId).slice(0, 5);
  return (
    <Stack gap={6} mt="sm">
      <Text size="xs" fw={700} c="dimmed">{t("relations.recentTickets")}</Text>
      {list.isPending && <Skeleton h={40} />}
      {list.isSuccess && others.length === 0 && <Text size="sm" c="dimmed">{t("relations.noOtherTickets")}</Text>}
      {others.map((item) => (
        <div key={item.id}>
          <Anchor component={Link} to={`/tickets/${item.id}`} size="sm" lineClamp={1}>
            #{item.id} {item.title}
          </Anchor>
          <Group gap={6}>
            <TicketStatusBadge status={item.status} size="xs" />
            <PriorityBadge priority={item.priority} size="xs" />
            <Text size="xs" c="dimmed">{format.date(item.createdAt)}</Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}
