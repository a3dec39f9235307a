import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BookIcon } from "../../components/icons.js";
import { RoleBadge } from "../../components/badges.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useMe } from "../auth/useAuth.js";
import { navItemsFor } from "../shell/nav-items.js";

/** Technicians and up: where to start, and which rights they hold where. */
export function WelcomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const shortcuts = navItemsFor(me).filter((item) => item.section === "admin");

  return (
    <Stack maw={1100}>
      <PageHeader title={t("home.welcome", { name: me.firstName })} description={t("home.intro")} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {shortcuts.map((item) => (
          <UnstyledButton key={item.to} component={Link} to={item.to}>
            <Paper withBorder p="md" radius="md" h="100%">
              <Group wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" aria-hidden="true">
                  <item.icon size={20} />
                </ThemeIcon>
                <div>
                  <Text fw={600}>{t(item.label)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`home.shortcut.${item.to.split("/").pop() as "users" | "groups" | "entities" | "tokens"}`)}
                  </Text>
                </div>
              </Group>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Text fw={600} mb="xs">
          {t("home.myRights")}
        </Text>
        <Table withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("grants.entity")}</Table.Th>
              <Table.Th>{t("grants.role")}</Table.Th>
              <Table.Th>{t("grants.recursive")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {me.grants.map((grant) => (
              <Table.Tr key={`${grant.entityId}-${grant.role}`}>
                <Table.Td>{grant.entityName}</Table.Td>
                <Table.Td>
                  <RoleBadge role={grant.role} />
                </Table.Td>
                <Table.Td>{grant.recursive ? t("common.yes") : t("common.no")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group gap="xs">
        <BookIcon size={16} />
        <Anchor href="/api/docs" target="_blank" rel="noreferrer" size="sm">
          {t("home.apiDocs")}
        </Anchor>
      </Group>
    </Stack>
  );
}
