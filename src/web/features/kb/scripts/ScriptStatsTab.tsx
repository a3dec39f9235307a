import { Group, Paper, Progress, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useFormat } from "../../../i18n/format.js";
import { useScriptStats } from "./useScripts.js";

const PERIODS = ["7", "30", "90", "365"] as const;

/** How often the script runs, where runs end, and the share solved at level 1, over a period. */
export function ScriptStatsTab({ scriptId }: { scriptId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [days, setDays] = useState<string>("30");
  const stats = useScriptStats(scriptId, Number(days));
  const s = stats.data;
  return (
    <Stack gap="md">
      <SegmentedControl value={days} onChange={setDays} w="fit-content" aria-label={t("scripts.stats.period")}
        data={PERIODS.map((p) => ({ value: p, label: t("scripts.stats.days", { count: Number(p) }) }))} />
      <ApiErrorAlert error={stats.error} />
      {!s ? <Skeleton h={160} /> : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t("scripts.stats.runs")} value={format.number(s.runs)} />
            <Figure label={t("scripts.stats.finished")} value={format.number(s.finished)} />
            <Figure label={t("scripts.stats.solvedShare")} value={s.solvedShare === null ? "—" : `${Math.round(s.solvedShare * 100)} %`} />
            <Figure label={t("scripts.stats.escalated")} value={format.number(s.escalated)} />
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Text fw={600} mb="xs">{t("scripts.stats.endings")}</Text>
            {s.endings.length === 0 ? <Text c="dimmed">{t("scripts.stats.noRuns")}</Text> : (
              <Table fz="sm" aria-label={t("scripts.stats.endings")}>
                <Table.Tbody>
                  {s.endings.map((e) => (
                    <Table.Tr key={e.nodeId}>
                      <Table.Td w="40%">{e.title}</Table.Td>
                      <Table.Td><Progress value={s.finished ? (e.runs / s.finished) * 100 : 0} aria-hidden /></Table.Td>
                      <Table.Td ta="right" w={80}>{format.number(e.runs)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between"><Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text></Group>
      <Text fz={28} fw={700}>{value}</Text>
    </Paper>
  );
}
