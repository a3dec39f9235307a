import { Loader, Paper, Stack, Tabs, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { SearchKind, SearchResults } from "../../../shared/api/search.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { SearchIcon } from "../../components/icons.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useSetParam } from "../../lib/useSetParam.js";
import { can, isPortalOnly } from "../../lib/permissions.js";
import { useMe } from "../auth/useAuth.js";
import { ArticleHits, AssetHits, TicketHits, UserHits } from "./SearchHits.js";
import { useGlobalSearch } from "./useSearch.js";

type Tab = "all" | SearchKind;

/** The kinds this user may find at all (the server decides per entity; this only hides empty tabs). */
function useKinds(): SearchKind[] {
  const me = useMe();
  if (isPortalOnly(me)) return ["tickets", "articles"];
  return (["tickets", "articles", "users", "assets"] as const).filter((k) =>
    k === "users" ? can(me, "user.read") : k === "assets" ? can(me, "asset.read") : true);
}

function Group({ kind, results, portal }: { kind: SearchKind; results: SearchResults; portal: boolean }) {
  switch (kind) {
    case "tickets": return <TicketHits hits={results.tickets} portal={portal} />;
    case "articles": return <ArticleHits hits={results.articles} portal={portal} />;
    case "users": return <UserHits hits={results.users} />;
    case "assets": return <AssetHits hits={results.assets} />;
  }
}

function Results({ q, tab, kinds, results, portal }: { q: string; tab: Tab; kinds: SearchKind[]; results: SearchResults; portal: boolean }) {
  const { t } = useTranslation();
  const shown = (tab === "all" ? kinds : [tab]).filter((k) => results[k].length > 0);
  if (shown.length === 0) return <Text c="dimmed">{t("search.nothing", { q })}</Text>;
  return shown.map((kind) => (
    <Paper key={kind} withBorder radius="md" p="md">
      {tab === "all" && <Title order={3} size="h5" mb="xs">{t(`search.groups.${kind}`)}</Title>}
      <Group kind={kind} results={results} portal={portal} />
    </Paper>
  ));
}

/** /search?q=: every kind at once (5 each), or one kind per tab (50). */
export function SearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const portal = isPortalOnly(me);
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const kinds = useKinds();
  const asked = params.get("tab");
  const tab: Tab = kinds.find((k) => k === asked) ?? "all";
  const [text, setText] = useState(params.get("q") ?? "");
  const search = useGlobalSearch(text, { limit: tab === "all" ? 5 : 50, kinds: tab === "all" ? kinds : [tab] });

  function handleChange(value: string) {
    setText(value);
    setParam("q", value.trim() || null);
  }

  return (
    <Stack maw={900} w="100%">
      <PageHeader title={t("search.title")} description={t("search.description")} />
      <TextInput value={text} onChange={(e) => handleChange(e.currentTarget.value)} label={t("search.inputLabel")}
        placeholder={t("search.placeholder")} leftSection={<SearchIcon size={16} />} autoFocus maxLength={200}
        rightSection={search.isFetching ? <Loader size="xs" /> : null} />
      <Tabs value={tab} onChange={(value) => setParam("tab", value === "all" ? null : value)}>
        <Tabs.List>
          <Tabs.Tab value="all">{t("search.tabs.all")}</Tabs.Tab>
          {kinds.map((k) => <Tabs.Tab key={k} value={k}>{t(`search.tabs.${k}`)}</Tabs.Tab>)}
        </Tabs.List>
      </Tabs>
      {search.debounced.length < 2 && <Text c="dimmed">{t("search.typeMore")}</Text>}
      <ApiErrorAlert error={search.error} />
      {search.debounced.length >= 2 && search.data && (
        <Results q={search.debounced} tab={tab} kinds={kinds} results={search.data} portal={portal} />
      )}
    </Stack>
  );
}
