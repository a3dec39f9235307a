import { Anchor, Button, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Asset } from "../../../../shared/api/assets.js";
import type { TicketStatus } from "../../../../shared/domain/tickets.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { PriorityBadge, TicketStatusBadge } from "../../tickets/ticket-ui.js";
import { AssetErrorAlert } from "./asset-ui.js";
import { useAssetTickets } from "./useAssets.js";

/** The asset's tickets, newest first, and a new one already linked to it. */
export function AssetTicketsTab({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const tickets = useAssetTickets(asset.id);
  return (
    <Stack gap="sm">
      {can(me, "ticket.create") && asset.status !== "disposed" && (
        <Group justify="flex-end">
          <Button component={Link} to={`/tickets/new?assetId=${asset.id}`} size="xs">{t("assets.tickets.open")}</Button>
        </Group>
      )}
      <AssetErrorAlert error={tickets.error} />
      {tickets.isPending && <Skeleton h={80} />}
      {tickets.isSuccess && tickets.items.length === 0 && <Text c="dimmed">{t("assets.tickets.empty")}</Text>}
      {tickets.items.map((ticket) => (
        <Paper key={ticket.id} withBorder radius="md" p="xs">
          <Anchor component={Link} to={`/tickets/${ticket.id}`} size="sm" fw={600}>#{ticket.id} {ticket.title}</Anchor>
          <Group gap={6} mt={2}>
            <TicketStatusBadge status={ticket.status as TicketStatus} size="xs" />
            <PriorityBadge priority={ticket.priority} size="xs" />
            <Text size="xs" c="dimmed">{format.dateTime(ticket.createdAt)}</Text>
          </Group>
        </Paper>
      ))}
      <LoadMore shown={tickets.items.length} hasNextPage={tickets.hasNextPage} isFetchingNextPage={tickets.isFetchingNextPage}
        fetchNextPage={tickets.fetchNextPage} />
    </Stack>
  );
}
