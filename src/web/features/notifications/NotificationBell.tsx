import { ActionIcon, Indicator, Popover, Tooltip } from "@mantine/core";
import { useDisclosure, useWindowEvent } from "@mantine/hooks";
import type { SVGProps } from "react";
import { useTranslation } from "react-i18next";
import { UNREAD_COUNT_CAP } from "../../../shared/api/notifications.js";
import { NotificationPanel } from "./NotificationPanel.js";
import { useUnreadCount } from "./useNotifications.js";

function BellIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round"
      strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

/** The header's bell: the unread count on it, the latest notifications under it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const count = useUnreadCount().data?.count ?? 0;
  const shown = count >= UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP - 1}+` : String(count);
  const label = count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell");
  // Escape closes it even when focus left the panel (a button that became disabled drops it).
  useWindowEvent("keydown", (event) => {
    if (opened && event.key === "Escape") close();
  });

  return (
    <Popover opened={opened} onChange={(next) => (next ? undefined : close())} position="bottom-end" width={380} shadow="md"
      withinPortal trapFocus returnFocus>
      <Popover.Target>
        <Indicator label={shown} disabled={count === 0} size={17} offset={5} color="red" fw={700} withBorder>
          <Tooltip label={label} disabled={opened}>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} aria-expanded={opened} aria-haspopup="dialog"
              onClick={toggle} data-testid="notification-bell">
              <BellIcon />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t("notifications.title")}>
        {opened && <NotificationPanel onOpenTicket={close} />}
      </Popover.Dropdown>
    </Popover>
  );
}
