import { AppShell, Burger, Button, Group, Kbd, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { spotlight } from "@mantine/spotlight";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { SearchIcon, VigieLogo } from "../../components/icons.js";
import { isPortalOnly } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { LiveUpdates } from "../live/useLiveUpdates.js";
import { NotificationBell } from "../notifications/NotificationBell.js";
import { AppNavbar } from "./AppNavbar.js";
import { CommandPalette } from "./CommandPalette.js";
import { EntitySwitcher } from "./EntitySwitcher.js";
import { LanguageMenu } from "./LanguageMenu.js";
import { ThemeToggle } from "./ThemeToggle.js";
import { UserMenu } from "./UserMenu.js";

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const portalOnly = isPortalOnly(me);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 232, breakpoint: "md", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main-content" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <AppShell.Header px="sm">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={opened ? t("nav.closeMenu") : t("nav.openMenu")}
            />
            <UnstyledButton component={Link} to="/" aria-label={t("nav.homeLink")}>
              <Group gap={8} wrap="nowrap">
                <VigieLogo />
                <Text fw={800} fz="lg" c="var(--mantine-color-text)">
                  Vigie
                </Text>
              </Group>
            </UnstyledButton>
            {!portalOnly && (
              <Group visibleFrom="md" ml="md">
                <EntitySwitcher />
              </Group>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<SearchIcon size={15} />}
              rightSection={<Kbd size="xs">Ctrl K</Kbd>}
              onClick={() => spotlight.open()}
              visibleFrom="sm"
              fw={400}
              c="dimmed"
            >
              {t("header.search")}
            </Button>
            <NotificationBell />
            <LanguageMenu />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <AppNavbar onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
      <CommandPalette />
      <LiveUpdates />
    </AppShell>
  );
}
