import { Button, Grid, Group, Paper, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbArticle, KbDiff } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useFormat } from "../../i18n/format.js";
import { useArticleAction, useDiff, useRevisions } from "./useKb.js";

/** The revisions, two of them compared (the previous one and the current one at first), and the restore of the older one. */
export function ArticleRevisions({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const format = useFormat();
  const revisions = useRevisions(article.id, article.revision);
  const [from, setFrom] = useState(Math.max(1, article.revision - 1));
  const [to, setTo] = useState(article.revision);
  const restore = useArticleAction(article.id);

  if (revisions.isPending) return <Skeleton h={200} />;
  if (revisions.isError) return <ApiErrorAlert error={revisions.error} />;
  const options = revisions.data.data.map((r) => ({
    value: String(r.number),
    label: `${t("kb.revisions.number", { number: r.number })} — ${t("kb.revisions.by", { name: r.authorName, date: format.dateTime(r.createdAt) })}${r.number === article.revision ? ` (${t("kb.revisions.current")})` : ""}`,
  }));
  const doRestore = (number: number) => restore.mutate({ kind: "restore", revision: number, version: article.version }, {
    onSuccess: (saved) => {
      notifications.show({ color: "green", message: t("kb.revisions.restored", { number, revision: saved.revision }) });
      setFrom(number);
      setTo(saved.revision);
    },
  });
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t("kb.revisions.from")} data={options} value={String(from)} onChange={(v) => v && setFrom(Number(v))} w={340} allowDeselect={false} />
        <Select label={t("kb.revisions.to")} data={options} value={String(to)} onChange={(v) => v && setTo(Number(v))} w={340} allowDeselect={false} />
        {article.canWrite && from !== article.revision && (
          <Button variant="default" loading={restore.isPending} onClick={() => doRestore(from)}>
            {t("kb.revisions.restore")} ({from})
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={restore.error} />
      <DiffView articleId={article.id} from={from} to={to} />
    </Stack>
  );
}

function DiffView({ articleId, from, to }: { articleId: number; from: number; to: number }) {
  const { t } = useTranslation();
  const diff = useDiff(articleId, from, to);
  if (from === to) return <Text c="dimmed">{t("kb.revisions.noChange")}</Text>;
  if (diff.isPending) return <Skeleton h={200} />;
  if (diff.isError) return <ApiErrorAlert error={diff.error} />;
  if (diff.data.fields.length === 0) return <Text c="dimmed">{t("kb.revisions.noChange")}</Text>;
  return (
    <Stack gap="md">
      {diff.data.fields.map((f) => <FieldDiff key={f.field} field={f} />)}
    </Stack>
  );
}

/** Side by side: the older text with its removals on the left, the newer with its additions on the right. */
function FieldDiff({ field }: { field: KbDiff["fields"][number] }) {
  const { t } = useTranslation();
  const side = (keep: "removed" | "added") => field.parts.filter((p) => p.change === "same" || p.change === keep).map((p, i) => (
    p.change === "same" ? <span key={i}>{p.value}</span>
      : p.change === "added" ? <ins key={i} className="kb-diff-added" title={t("kb.revisions.added")}>{p.value}</ins>
        : <del key={i} className="kb-diff-removed" title={t("kb.revisions.removed")}>{p.value}</del>
  ));
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="h5" mb="xs">{t(`kb.revisions.fields.${field.field}`)}</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}><pre className="kb-diff" data-testid={`diff-old-${field.field}`}>{side("removed")}</pre></Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}><pre className="kb-diff" data-testid={`diff-new-${field.field}`}>{side("added")}</pre></Grid.Col>
      </Grid>
    </Paper>
  );
}
