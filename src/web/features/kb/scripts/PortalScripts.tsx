import { Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useScriptList } from "./useScripts.js";

/** On the portal's home: the guided checks a requester may run before opening a request. */
export function PortalScripts() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith("en") ? "en" : "fr";
  const list = useScriptList({ portal: true, language: lang });
  if (list.items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="portal-scripts-title">
      <Title order={2} fz="h4" id="portal-scripts-title">{t("scripts.portal.title")}</Title>
      <Text size="sm" c="dimmed">{t("scripts.portal.intro")}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {list.items.map((s) => (
          <UnstyledButton key={s.id} component={Link} to={`/help/scripts/${s.id}`} className="portal-card">
            <Paper withBorder radius="md" p="sm" h="100%">
              <Text fw={600}>{s.name}</Text>
              <Text size="sm" c="dimmed" lineClamp={2}>{s.description}</Text>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
