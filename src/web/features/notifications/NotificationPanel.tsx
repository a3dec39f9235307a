import { Button, Group, ScrollArea, Skeleton, Stack, Text, Title, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Notification } from "../../../shared/api/notifications.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useFormat } from "../../i18n/format.js";
import { can } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { isFleetAlert, useDayFormat } from "../assets/contracts/contract-ui.js";
import classes from "./notifications.module.css";
import { useMarkRead, useNotificationList } from "./useNotifications.js";

/** "Jean Martin vous a assigné le ticket n° 12 « Imprimante »", in the user's language. */
function useSentence() {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDayFormat();
  return (n: Notification) =>
    isFleetAlert(n.kind) ? t(`contracts.notify.${n.kind}`, { title: n.title, date: day(n.dueAt) }) : t(`notifications.kinds.${n.kind}`, {
      actor: n.actorName ?? t("notifications.someone"),
      ticket: t("notifications.ticketRef", { id: n.ticketId ?? "", title: n.title }),
      date: format.dateTime(n.dueAt),
    });
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sentence = useSentence();
  const unread = notification.readAt === null;
  return (
    <UnstyledButton onClick={() => onOpen(notification)} className={classes.item} data-unread={unread || undefined}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <span className={classes.dot} aria-hidden="true" />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400}>
            {sentence(notification)}
          </Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(notification.createdAt)}
            {unread && <VisuallyHidden> · {t("notifications.unread")}</VisuallyHidden>}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The latest notifications: a click opens the ticket and marks it read. */
export function NotificationPanel({ onOpenTicket }: { onOpenTicket: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const list = useNotificationList(true);
  const markRead = useMarkRead();
  const anyUnread = list.items.some((n) => n.readAt === null);

  function open(notification: Notification) {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    const fleetTarget = notification.assetId !== null ? `/assets/${notification.assetId}`
      : notification.contractId !== null ? `/contracts/${notification.contractId}` : null;
    if (fleetTarget) {
      onOpenTicket();
      return void navigate(fleetTarget);
    }
    if (notification.ticketId === null) return;
    onOpenTicket();
    void navigate(can(me, "ticket.read") ? `/tickets/${notification.ticketId}` : `/requests/${notification.ticketId}`);
  }

  return (
    <Stack gap={0}>
      <Group justify="space-between" px="md" py="xs" className={classes.header}>
        <Title order={2} fz="sm">
          {t("notifications.title")}
        </Title>
        <Button variant="subtle" size="compact-xs" disabled={!anyUnread} loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}>
          {t("notifications.markAllRead")}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={420} type="auto">
        {list.isPending && <Skeleton h={80} m="md" />}
        <ApiErrorAlert error={list.error} />
        {list.isSuccess && list.items.length === 0 && (
          <Text size="sm" c="dimmed" px="md" py="lg" ta="center">
            {t("notifications.empty")}
          </Text>
        )}
        <ul className={classes.list} aria-label={t("notifications.title")}>
          {list.items.map((n) => (
            <li key={n.id}>
              <NotificationItem notification={n} onOpen={open} />
            </li>
          ))}
        </ul>
        {list.hasNextPage && (
          <Group justify="center" p="xs">
            <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t("common.loadMore")}
            </Button>
          </Group>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}
