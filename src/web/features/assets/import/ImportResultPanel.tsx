import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportResult } from "../../../../shared/api/asset-import.js";
import { useFormat } from "../../../i18n/format.js";
import { reasonText } from "./importReasons.js";
import { reportUrl } from "./useAssetImport.js";

const COUNTS = ["total", "created", "updated", "unchanged", "skipped"] as const;

/** The counts, the first rejected rows with their reasons, and the full report to download. */
export function ImportResultPanel({ importId, result, onRestart }: { importId: string; result: ImportResult; onRestart: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <Stack>
      <Alert color={result.skipped > 0 ? "yellow" : "green"} role="status">
        {t("assetImport.done", { seconds: format.number(Math.round(result.durationMs / 100) / 10) })}
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
                <Table.Tr key={reject.line}>
                  <Table.Td>{reject.line}</Table.Td>
                  {/* One reason a line: a row refused for four reasons reads as a list to fix. */}
                  <Table.Td>{reject.reasons.map((reason, i) => <Text key={i} size="sm">{reasonText(reason, t)}</Text>)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.rejects.length < result.skipped && <Text size="sm" c="dimmed">{t("assetImport.moreRejects")}</Text>}
        </>
      )}
      <Group>
        {result.skipped > 0 && <Button component="a" href={reportUrl(importId, i18n.language)} download>{t("assetImport.report")}</Button>}
        <Button variant="default" onClick={onRestart}>{t("assetImport.restart")}</Button>
      </Group>
    </Stack>
  );
}
