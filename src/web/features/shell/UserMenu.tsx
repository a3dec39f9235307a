import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { BookIcon, LogoutIcon, UserIcon } from "../../components/icons.js";
import { hasRole } from "../../lib/permissions.js";
import { useLogout, useMe } from "../auth/useAuth.js";

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const initials = `${me.firstName.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase();

  function handleSignOut() {
    logout.mutate(undefined, { onSettled: () => void navigate("/login", { replace: true }) });
  }

  return (
    <Menu position="bottom-end" withinPortal width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={t("header.userMenu", { name: `${me.firstName} ${me.lastName}` })}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="blue" radius="xl" size={30}>
              {initials}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" lineClamp={1}>
              {me.firstName} {me.lastName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.login}
          {me.highestRole && ` · ${t(`roles.${me.highestRole}`)}`}
        </Menu.Label>
        <Menu.Item leftSection={<UserIcon size={16} />} onClick={() => void navigate("/profile")}>
          {t("nav.profile")}
        </Menu.Item>
        {hasRole(me, "technician") && (
          <Menu.Item leftSection={<BookIcon size={16} />} component="a" href="/api/docs" target="_blank" rel="noreferrer">
            {t("nav.apiDocs")}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<LogoutIcon size={16} />} color="red" onClick={handleSignOut}>
          {t("header.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
