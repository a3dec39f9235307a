import { Alert, Button, Grid, Group, NavLink, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { KB_KINDS, KB_LANGUAGES, KB_STATUSES } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { LoadMore } from "../../components/LoadMore.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormat } from "../../i18n/format.js";
import { can } from "../../lib/permissions.js";
import { useSetParam } from "../../lib/useSetParam.js";
import { useMe } from "../auth/useAuth.js";
import { ArticleHits, ArticleLine, uiLanguage } from "./kb-ui.js";
import { useArticleList, useArticleSearch, useKbCategories, useStarter } from "./useKb.js";

/** The KB home: categories on the side, the articles (newest first, filtered), and the review queue for supervisors. */
export function KbHomePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const categoryId = Number(params.get("category")) || undefined;
  const [q, setQ] = [params.get("q") ?? "", (v: string) => setParam("q", v || null)];
  const [debounced] = useDebouncedValue(q, 250);
  const kind = params.get("kind") ?? undefined;
  const status = params.get("status") ?? undefined;
  const tag = params.get("tag") ?? undefined;
  // The reader's language by default: a bilingual KB would otherwise show every article twice.
  const lang = params.get("lang") ?? uiLanguage(i18n.language);
  const language = lang === "all" ? undefined : lang;
  // Words typed go to the search module (ranked, in the whole text); the filters list the rest, newest first.
  const search = useArticleSearch(debounced);
  const list = useArticleList({ categoryId, kind, status, tag, language });
  const manager = can(me, "kb.manage");
  const filtered = Boolean(debounced || categoryId || kind || status || tag);

  return (
    <>
      <PageHeader title={t("kb.title")} description={t("kb.description")}
        actions={<Group gap="xs">
          {manager && <Button component={Link} to="/kb/deflections" variant="default">{t("kb.deflections.link")}</Button>}
          {manager && <Button component={Link} to="/kb/categories" variant="default">{t("kb.categoriesLink")}</Button>}
          {can(me, "kb.write") && <Button component={Link} to="/kb/new">{t("kb.newArticle")}</Button>}
        </Group>} />
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Categories selected={categoryId} language={language} onSelect={(id) => setParam("category", id ? String(id) : null)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput label={t("kb.searchLabel")} placeholder={t("kb.searchPlaceholder")} value={q}
                onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} type="search" />
              <Select label={t("kb.filters.kind")} clearable placeholder={t("kb.filters.any")} value={kind ?? null} w={160}
                data={KB_KINDS.map((k) => ({ value: k, label: t(`kb.kinds.${k}`) }))} onChange={(v) => setParam("kind", v)} />
              <Select label={t("kb.filters.status")} clearable placeholder={t("kb.filters.any")} value={status ?? null} w={160}
                data={KB_STATUSES.map((s) => ({ value: s, label: t(`kb.statuses.${s}`) }))} onChange={(v) => setParam("status", v)} />
              <Select label={t("kb.filters.language")} value={lang} allowDeselect={false} w={160} onChange={(v) => setParam("lang", v)}
                data={[...KB_LANGUAGES.map((l) => ({ value: l, label: t(`kb.languages.${l}`) })), { value: "all", label: t("kb.filters.allLanguages") }]} />
            </Group>
            {manager && <ReviewQueue />}
            <Paper withBorder p="md">
              <Title order={2} fz="h4" mb="xs">{t("kb.recentTitle")}</Title>
              <ApiErrorAlert error={list.error ?? search.error} />
              {debounced.trim() && search.isSuccess ? (
                search.data.articles.length === 0 ? <Text c="dimmed" py="md">{t("kb.empty")}</Text>
                  : <ArticleHits hits={search.data.articles} to={(id) => `/kb/articles/${id}`} />
              ) : list.isPending ? <Skeleton h={200} /> : list.items.length === 0 ? (
                filtered || !manager ? <Text c="dimmed" py="md">{filtered ? t("kb.empty") : t("kb.emptyKb")}</Text> : <StarterOffer />
              ) : (
                <div>{list.items.map((a) => <ArticleLine key={a.id} article={a} to={`/kb/articles/${a.id}`} />)}</div>
              )}
              {!debounced.trim() && <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage} fetchNextPage={list.fetchNextPage} />}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The categories holding articles in the chosen language (and the one selected, even if empty). */
function Categories({ selected, language, onSelect }: { selected: number | undefined; language: string | undefined; onSelect: (id: number | undefined) => void }) {
  const { t } = useTranslation();
  const categories = useKbCategories(language);
  return (
    <Paper withBorder p="xs" component="nav" aria-label={t("kb.categoriesTitle")}>
      <Title order={2} fz="h5" px="xs" py={4}>{t("kb.categoriesTitle")}</Title>
      <NavLink component="button" label={t("kb.allCategories")} active={selected === undefined} onClick={() => onSelect(undefined)} />
      {categories.data?.data.filter((c) => c.articleCount > 0 || c.id === selected).map((c) => (
        <NavLink key={c.id} component="button" label={c.name} active={selected === c.id} pl={12 + c.depth * 14}
          rightSection={<Text fz="xs" c="dimmed">{c.articleCount}</Text>} onClick={() => onSelect(c.id)} />
      ))}
    </Paper>
  );
}

/** Published articles whose review date has come, soonest first. */
function ReviewQueue() {
  const { t } = useTranslation();
  const format = useFormat();
  const due = useArticleList({ dueForReview: true }, 5);
  if (due.isPending || due.items.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t("kb.reviewTitle")}>
      {due.items.map((a) => (
        <Text key={a.id} fz="sm">
          <Link to={`/kb/articles/${a.id}`}>{a.title}</Link> · {t("kb.reviewDue", { date: format.date(a.reviewDueAt) })}
        </Text>
      ))}
    </Alert>
  );
}

function StarterOffer() {
  const { t } = useTranslation();
  const starter = useStarter();
  return (
    <Stack align="flex-start" py="md">
      <Text>{t("kb.emptyKb")}</Text>
      <Text c="dimmed" fz="sm">{t("kb.starterHelp")}</Text>
      <ApiErrorAlert error={starter.error} />
      <Button loading={starter.isPending} onClick={() => starter.mutate(undefined, {
        onSuccess: (r) => notifications.show({ color: "green", message: t("kb.starterDone", { count: r.added }) }),
      })}>{t("kb.starterButton")}</Button>
    </Stack>
  );
}
