import { AppShell, Divider, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { isPortalOnly } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { EntitySwitcher } from "./EntitySwitcher.js";
import { type NavItem, navItemsFor } from "./nav-items.js";

function matches(item: NavItem, pathname: string): boolean {
  return item.to === "/" ? pathname === "/" : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The most specific item wins: /tickets/call lights "Nouvel appel", not "Tickets". */
function isActive(item: NavItem, pathname: string, items: NavItem[] = []): boolean {
  if (!matches(item, pathname)) return false;
  return !items.some((other) => other.to.length > item.to.length && matches(other, pathname));
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const items = navItemsFor(me);
  const sections = [
    { id: "main", title: null, items: items.filter((item) => item.section === "main") },
    { id: "admin", title: t("nav.administration"), items: items.filter((item) => item.section === "admin") },
    { id: "personal", title: null, items: items.filter((item) => item.section === "personal") },
  ].filter((section) => section.items.length > 0);

  return (
    <>
      {!isPortalOnly(me) && (
        <AppShell.Section hiddenFrom="md" p="sm">
          <EntitySwitcher stacked />
          <Divider mt="sm" />
        </AppShell.Section>
      )}
      <AppShell.Section grow component={ScrollArea} p="xs">
        <nav aria-label={t("nav.main")}>
          <Stack gap={4}>
            {sections.map((section) => (
              <div key={section.id}>
                {section.title && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                    {section.title}
                  </Text>
                )}
                {section.items.map((item) => (
                  <NavLink
                    key={item.label}
                    component={Link}
                    to={item.to}
                    label={t(item.label)}
                    leftSection={<item.icon size={18} />}
                    active={isActive(item, pathname, items)}
                    aria-current={isActive(item, pathname, items) ? "page" : undefined}
                    onClick={onNavigate}
                    variant="light"
                  />
                ))}
              </div>
            ))}
          </Stack>
        </nav>
      </AppShell.Section>
    </>
  );
}
