import { Code, List, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Where to point the agents (the addresses they already know, on this server) and how their tag places machines in entities. */
export function AgentHelp() {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const rows = [
    { agent: t("agents.help.ocs"), url: `${origin}/ocsinventory` },
    { agent: t("agents.help.fusion"), url: `${origin}/front/inventory.php` },
  ];
  return (
    <Paper withBorder p="sm" mb="md" component="section" aria-labelledby="agents-help-title">
      <Stack gap={6}>
        <Text fw={600} id="agents-help-title">{t("agents.help.title")}</Text>
        <Text size="sm" c="dimmed">{t("agents.help.intro")}</Text>
        {/* A list of label and address: on a phone each address wraps under its label. */}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4} m={0}>
          {rows.map((row) => (
            <Stack key={row.url} gap={2}>
              <Text component="dt" size="sm">{row.agent}</Text>
              <Text component="dd" m={0}>
                <Code data-testid="agent-url" style={{ wordBreak: "break-all" }}>{row.url}</Code>
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Text fw={600} mt={4} id="agents-tag-title">{t("agents.help.tagTitle")}</Text>
        <Text size="sm" c="dimmed">{t("agents.help.tagIntro")}</Text>
        <List size="sm" spacing={2} aria-labelledby="agents-tag-title">
          <List.Item>{t("agents.help.tagOcs")}<Code>LYON-SIEGE</Code></List.Item>
          <List.Item>{t("agents.help.tagFusion")}<Code>LYON-SIEGE</Code></List.Item>
          <List.Item>{t("agents.help.tagGlpi")}<Code>LYON-SIEGE</Code></List.Item>
        </List>
        <Text size="sm" c="dimmed">{t("agents.help.tagNone")}</Text>
      </Stack>
    </Paper>
  );
}
