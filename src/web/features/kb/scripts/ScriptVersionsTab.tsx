import { Button, Grid, Group, Paper, Skeleton, Table, Text, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Script, ScriptGraph } from "../../../../shared/api/kb-scripts.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useFormat } from "../../../i18n/format.js";
import { GraphCanvas } from "./GraphCanvas.js";
import { useScriptVersion, useScriptVersions } from "./useScripts.js";

/** Every saved version, who saved it and when; one opens read-only and may be taken back into the editor. */
export function ScriptVersionsTab({ script, onRestore }: { script: Script; onRestore: (graph: ScriptGraph) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useScriptVersions(script.id);
  const [picked, setPicked] = useState<number | null>(script.version);
  const version = useScriptVersion(script.id, picked);
  if (versions.isPending) return <Skeleton h={200} />;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ApiErrorAlert error={versions.error} />
        <Table verticalSpacing={6} fz="sm" highlightOnHover aria-label={t("scripts.versions.tab")}>
          <Table.Thead>
            <Table.Tr><Table.Th>{t("scripts.versions.version")}</Table.Th><Table.Th>{t("scripts.versions.author")}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(versions.data?.data ?? []).map((v) => (
              <Table.Tr key={v.id} bg={v.version === picked ? "var(--mantine-color-default-hover)" : undefined}>
                <Table.Td>
                  <UnstyledButton onClick={() => setPicked(v.version)} fw={600}>v{v.version}</UnstyledButton>
                  <Text size="xs" c="dimmed">{t("scripts.versions.nodes", { count: v.nodes })}</Text>
                </Table.Td>
                <Table.Td>{v.authorName}<Text size="xs" c="dimmed">{format.dateTime(v.createdAt)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {version.data && (
          <Paper withBorder radius="md" p="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>v{version.data.version}</Text>
              {version.data.version !== script.version && (
                <Button size="xs" variant="default" onClick={() => onRestore(version.data.graph)}>{t("scripts.versions.restore")}</Button>
              )}
            </Group>
            <GraphCanvas graph={version.data.graph} issues={new Map()} selected={null} onSelect={() => undefined} />
          </Paper>
        )}
      </Grid.Col>
    </Grid>
  );
}
