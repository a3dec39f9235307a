import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportResult } from "../../../../shared/api/asset-import.js";
import { reportUrl } from "./useAssetImport.js";

const COUNTS = ["total", "created", "updated", "unchanged", "skipped"] as const;

/** The counts, the first rejected rows with their reasons, and the full report to download. */
export function ImportResultPanel({ importId, result, onRestart }: { importId: string; result: ImportResult; onRestart: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color={result.skipped > 0 ? "yellow" : "green"} role="status">
        {t("assetImport.done", { seconds: (result.durationMs / 1000).toFixed(1) })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {COUNTS.map((key) => (
          <Paper key={key} withBorder p="sm">
            <Text size="sm" c="dimmed">{t(`assetImport.counts.${key}`)}</Text>
            <Text size="xl" fw={700}>{result[key]}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {result.skipped > 0 && (
        <>
          <Text fw={600}>{t("assetImport.rejects")}</Text>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr><Table.Th>{t("assetImport.line")}</Table.Th><Table.Th>{t("assetImport.reasons")}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rejects.map((reject) => (
                <Table.Tr key={reject.line}><Table.Td>{reject.line}</Table.Td><Table.Td>{reject.reasons.join(" ; ")}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.rejects.length < result.skipped && <Text size="sm" c="dimmed">{t("assetImport.moreRejects")}</Text>}
        </>
      )}
      <Group>
        {result.skipped > 0 && <Button component="a" href={reportUrl(importId)} download>{t("assetImport.report")}</Button>}
        <Button variant="default" onClick={onRestart}>{t("assetImport.restart")}</Button>
      </Group>
    </Stack>
  );
}
