import { Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { InboxIcon } from "../../components/icons.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useMe } from "../auth/useAuth.js";

/** The self-service portal: a requester's own tickets (the tickets module fills it in). */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack maw={880} mx="auto" w="100%">
      <PageHeader title={t("portal.title")} description={t("portal.greeting", { name: me.firstName })} />
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
        </Stack>
      </Paper>
    </Stack>
  );
}
