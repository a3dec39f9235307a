import { Anchor, Button, Checkbox, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { KbArticleSummary, KbCategory } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { ArticleFiles } from "./KbFiles.js";
import { VoteBox } from "./VoteBox.js";
import { ArticleBody, ArticleHits, KnownErrorView, uiLanguage } from "./kb-ui.js";
import { useArticle, useArticleList, useArticleSearch, useKbCategories } from "./useKb.js";

/** The portal's FAQ: published portal articles of the requester's entities, by category, with a title search. */
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState("");
  const [everyLanguage, setEveryLanguage] = useState(false);
  const [debounced] = useDebouncedValue(q, 250);
  const language = everyLanguage ? undefined : uiLanguage(i18n.language);
  const list = useArticleList({ status: "published", audience: "portal", language }, 100);
  const search = useArticleSearch(debounced);
  // Staff reading the FAQ get every article they may read from the search: keep to the FAQ's.
  const hits = (search.data?.articles ?? []).filter((h) => h.status === "published" && h.audience === "portal");
  const categories = useKbCategories(language);
  const groups = groupByCategory(list.items, categories.data?.data ?? []);
  return (
    <Stack maw={880} mx="auto" w="100%" gap="sm">
      <PageHeader crumbs={[{ label: t("portal.title"), to: "/" }]} title={t("kb.help.title")} description={t("kb.help.description")} />
      <TextInput label={t("kb.help.searchLabel")} placeholder={t("kb.searchPlaceholder")} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Checkbox label={t("kb.help.everyLanguage")} checked={everyLanguage} onChange={(e) => setEveryLanguage(e.currentTarget.checked)} />
      <ApiErrorAlert error={list.error ?? search.error} />
      {debounced.trim() ? (
        search.isPending ? <Skeleton h={120} /> : hits.length === 0 ? <Text c="dimmed" py="md">{t("kb.help.empty")}</Text>
          : <Paper withBorder p="md"><ArticleHits hits={hits} to={(id) => `/help/articles/${id}`} /></Paper>
      ) : list.isPending ? <Skeleton h={200} /> : list.items.length === 0 ? <Text c="dimmed" py="md">{t("kb.help.empty")}</Text> : groups.map((g) => (
        <Paper key={g.key} withBorder p="md" component="section" aria-labelledby={`help-${g.key}`}>
          <Title order={2} fz="h4" mb="xs" id={`help-${g.key}`}>{g.name ?? t("kb.help.other")}</Title>
          <Stack gap={6}>
            {g.articles.map((a) => <Anchor key={a.id} component={Link} to={`/help/articles/${a.id}`}>{a.title}</Anchor>)}
          </Stack>
        </Paper>
      ))}
      {!debounced.trim() && <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />}
    </Stack>
  );
}

/** Groups in the category tree's order; articles without a category last. */
function groupByCategory(articles: KbArticleSummary[], categories: KbCategory[]) {
  const groups = categories.map((c) => ({ key: String(c.id), name: c.completeName as string | null, articles: articles.filter((a) => a.categoryId === c.id) }));
  const known = new Set(categories.map((c) => c.id));
  groups.push({ key: "other", name: null, articles: articles.filter((a) => a.categoryId === null || !known.has(a.categoryId)) });
  return groups.filter((g) => g.articles.length > 0);
}

/** One FAQ article, as a requester reads it, with "was this useful?" and a way to ask for help. */
export function HelpArticlePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const article = useArticle(id);
  if (article.isPending) return <Skeleton h={300} />;
  if (article.isError) return <ApiErrorAlert error={article.error} />;
  const a = article.data;
  return (
    <Stack maw={880} mx="auto" w="100%" gap="sm">
      <PageHeader crumbs={[{ label: t("kb.help.back"), to: "/help" }]} title={a.title} />
      <KnownErrorView article={a} />
      {a.bodyHtml && <Paper withBorder p="md"><ArticleBody html={a.bodyHtml} /></Paper>}
      <ArticleFiles article={a} />
      <VoteBox article={a} showCounts={false} />
      <Group gap="sm">
        <Text>{t("kb.help.stillStuck")}</Text>
        <Button component={Link} to="/requests/new" variant="light">{t("kb.help.newRequest")}</Button>
      </Group>
    </Stack>
  );
}
