import { Code, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Where to point the agents: the addresses they already know, on this server. */
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
      </Stack>
    </Paper>
  );
}
