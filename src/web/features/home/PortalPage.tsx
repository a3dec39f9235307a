import { Anchor, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text, ThemeIcon, Title, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { InboxIcon } from "../../components/icons.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormat } from "../../i18n/format.js";
import { useMe } from "../auth/useAuth.js";
import { TicketStatusBadge } from "../tickets/ticket-ui.js";
import { useTicketList } from "../tickets/useTickets.js";
import { PortalScripts } from "../kb/scripts/PortalScripts.js";

/** The self-service portal: a requester's own tickets, newest activity first, as cards that fit a phone. */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const [scope, setScope] = useState<"mine" | "entity">("mine");
  const tickets = useTicketList({ view: "all", sort: "updated", portal: scope });
  // The entity tab shows only where the entity shares its tickets, i.e. where there is something to see.
  const shared = useTicketList({ view: "all", sort: "updated", portal: "entity", limit: 1 });
  const hasShared = shared.items.length > 0;

  return (
    <Stack maw={880} mx="auto" w="100%" gap="sm">
      <PageHeader
        title={t("portal.title")}
        description={t("portal.greeting", { name: me.firstName })}
        actions={
          <Button component={Link} to="/requests/new">
            {t("portal.newRequest")}
          </Button>
        }
      />
      {hasShared && (
        <SegmentedControl
          value={scope}
          onChange={(value) => setScope(value as "mine" | "entity")}
          data={[{ value: "mine", label: t("portal.scopeMine") }, { value: "entity", label: t("portal.scopeEntity") }]}
          aria-label={t("portal.scope")}
          w="fit-content"
        />
      )}
      <Anchor component={Link} to="/help" fw={600}>{t("kb.help.link")}</Anchor>
      <PortalScripts />
      <ApiErrorAlert error={tickets.error} />
      {tickets.isPending && <Skeleton h={160} />}
      {tickets.isSuccess && tickets.items.length === 0 && (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="sm" py="xl" ta="center">
            <ThemeIcon size={64} radius="xl" variant="light" aria-hidden="true">
              <InboxIcon size={34} />
            </ThemeIcon>
            <Title order={2} fz="h3">
              {t("portal.emptyTitle")}
            </Title>
            <Text c="dimmed" maw={460}>
              {t("portal.emptyMessage")}
            </Text>
            <Button component={Link} to="/requests/new" mt="sm">
              {t("portal.newRequest")}
            </Button>
          </Stack>
        </Paper>
      )}
      {tickets.items.map((ticket) => (
        <UnstyledButton key={ticket.id} component={Link} to={`/requests/${ticket.id}`} className="portal-card">
          <Paper withBorder radius="md" p="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} lineClamp={2}>
                  {ticket.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("portal.number", { id: ticket.id })} · {t("portal.updated", { date: format.dateTime(ticket.updatedAt) })}
                  {scope === "entity" && ticket.requesterName ? ` · ${ticket.requesterName}` : ""}
                </Text>
              </div>
              <TicketStatusBadge status={ticket.status} />
            </Group>
          </Paper>
        </UnstyledButton>
      ))}
      <LoadMore
        shown={tickets.items.length}
        hasNextPage={tickets.hasNextPage}
        isFetchingNextPage={tickets.isFetchingNextPage}
        fetchNextPage={tickets.fetchNextPage}
      />
    </Stack>
  );
}
