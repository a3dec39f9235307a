import { Paper, SegmentedControl, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DeflectionStats } from "../../../shared/api/search.js";
import { api } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";

const PERIODS = ["30", "90", "365", "all"] as const;
type Period = (typeof PERIODS)[number];

/** When the period starts, computed when the figures are fetched. */
function periodStart(period: Period): string | undefined {
  return period === "all" ? undefined : new Date(Date.now() - Number(period) * 86_400_000).toISOString();
}

/** The requests a portal article solved before they were sent, over a period: what the FAQ saves the desk. */
export function KbDeflectionsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>("30");
  const stats = useQuery({
    queryKey: ["/api/search/deflections/stats", { period }],
    queryFn: ({ signal }) => api<DeflectionStats>("/api/search/deflections/stats", { query: { from: periodStart(period) }, signal }),
  });
  return (
    <>
      <PageHeader crumbs={[{ label: t("kb.title"), to: "/kb" }]} title={t("kb.deflections.title")} description={t("kb.deflections.description")} />
      <Stack maw={820} gap="md">
        <SegmentedControl aria-label={t("kb.deflections.period")} value={period} onChange={(v) => setPeriod(v as Period)}
          data={PERIODS.map((p) => ({ value: p, label: t(`kb.deflections.periods.${p}`) }))} />
        <ApiErrorAlert error={stats.error} />
        {stats.isPending ? <Skeleton h={160} /> : stats.data && (
          <>
            <Paper withBorder p="md">
              <Text fz="sm" c="dimmed">{t("kb.deflections.total")}</Text>
              <Title order={2} fz={36}>{stats.data.total}</Title>
            </Paper>
            {stats.data.articles.length === 0 ? <Text c="dimmed">{t("kb.deflections.none")}</Text> : (
              <Table striped aria-label={t("kb.deflections.byArticle")}>
                <Table.Thead>
                  <Table.Tr><Table.Th>{t("kb.deflections.article")}</Table.Th><Table.Th ta="right">{t("kb.deflections.count")}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {stats.data.articles.map((a) => (
                    <Table.Tr key={a.articleId}>
                      <Table.Td><Link to={`/kb/articles/${a.articleId}`}>{a.title}</Link></Table.Td>
                      <Table.Td ta="right">{a.count}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
