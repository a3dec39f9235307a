import { Badge, Button, Group, Paper, Skeleton, Stack, Tabs, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { KbArticle, KbStatus } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormat } from "../../i18n/format.js";
import { useTabParam } from "../../lib/useTabParam.js";
import { HistoryTab } from "../history/HistoryTab.js";
import { ArticleRevisions } from "./ArticleRevisions.js";
import { ArticleFiles } from "./KbFiles.js";
import { LinkedTickets } from "./LinkedTickets.js";
import { VoteBox } from "./VoteBox.js";
import { ArticleBody, KindBadge, KnownErrorView, StatusBadge } from "./kb-ui.js";
import { useArticle, useArticleAction } from "./useKb.js";

const TABS = ["article", "revisions", "history"] as const;

/** A technician's view of an article: the text, its known-error fields, links, votes; its revisions and history. */
export function ArticlePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const article = useArticle(id);
  const [tab, setTab] = useTabParam(TABS);

  if (article.isPending) return <Skeleton h={300} />;
  if (article.isError) return <ApiErrorAlert error={article.error} />;
  const a = article.data;
  return (
    <>
      <PageHeader crumbs={[{ label: t("kb.title"), to: "/kb" }]} title={a.title}
        description={<Group gap="xs" component="span"><KindBadge kind={a.kind} /><StatusBadge status={a.status} />
          <Badge variant="outline">{t(`kb.audiences.${a.audience}`)}</Badge><Badge variant="outline">{t(`kb.languages.${a.language}`)}</Badge></Group>}
        actions={<Actions article={a} />} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="article">{t("kb.article.tabArticle")}</Tabs.Tab>
          <Tabs.Tab value="revisions">{t("kb.article.tabRevisions")}</Tabs.Tab>
          <Tabs.Tab value="history">{t("kb.article.tabHistory")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="article"><ArticleContent article={a} /></Tabs.Panel>
        <Tabs.Panel value="revisions">{tab === "revisions" && <ArticleRevisions article={a} />}</Tabs.Panel>
        <Tabs.Panel value="history">{tab === "history" && <HistoryTab recordType="kb_article" id={a.id} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function Actions({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const action = useArticleAction(article.id);
  const setStatus = (status: KbStatus) => action.mutate({ kind: "status", status, version: article.version }, {
    onSuccess: () => notifications.show({ color: "green", message: t("kb.article.statusChanged", { status: t(`kb.statuses.${status}`) }) }),
    onError: (e) => notifications.show({ color: "red", message: e.message }),
  });
  return (
    <Group gap="xs">
      {article.canWrite && <Button component={Link} to={`/kb/articles/${article.id}/edit`} variant="default">{t("kb.article.edit")}</Button>}
      {article.canManage && article.status !== "published" && <Button onClick={() => setStatus("published")} loading={action.isPending}>{t("kb.article.publish")}</Button>}
      {article.canManage && article.status === "published" && (
        <Button variant="default" loading={action.isPending} onClick={() => action.mutate({ kind: "review", version: article.version }, {
          onSuccess: () => notifications.show({ color: "green", message: t("kb.article.reviewDone") }) })}>{t("kb.article.review")}</Button>
      )}
      {article.canManage && article.status === "published" && <Button variant="default" color="gray" onClick={() => setStatus("archived")}>{t("kb.article.archive")}</Button>}
      {article.canManage && article.status === "archived" && <Button variant="default" onClick={() => setStatus("draft")}>{t("kb.article.toDraft")}</Button>}
    </Group>
  );
}

function ArticleContent({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      <KnownErrorView article={article} />
      {article.bodyHtml && <Paper withBorder p="md"><ArticleBody html={article.bodyHtml} /></Paper>}
      <ArticleFiles article={article} />
      {article.tags.length > 0 && <Group gap="xs">
        {article.tags.map((tag) => <Badge key={tag} variant="light" component={Link} to={`/kb?tag=${encodeURIComponent(tag)}`} style={{ cursor: "pointer" }}>{tag}</Badge>)}
      </Group>}
      {article.targets.length > 0 && (
        <Text fz="sm"><b>{t("kb.article.targets")} :</b> {article.targets.map((x) => `${t(`kb.article.targetTypes.${x.type}`)} ${x.name}`).join(", ")}</Text>
      )}
      <LinkedTickets article={article} />
      <VoteBox article={article} />
      <Text fz="xs" c="dimmed">
        {t("kb.article.author", { name: article.authorName })} · {t("kb.views", { count: article.viewCount })}
        {article.reviewedAt && ` · ${t("kb.article.reviewed", { name: article.reviewerName, date: format.date(article.reviewedAt) })}`}
        {article.reviewDueAt && ` · ${t("kb.reviewDue", { date: format.date(article.reviewDueAt) })}`}
      </Text>
    </Stack>
  );
}
