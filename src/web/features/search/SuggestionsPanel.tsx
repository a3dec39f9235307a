import { Anchor, Button, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { KbArticle } from "../../../shared/api/kb.js";
import type { ArticleHit } from "../../../shared/api/search.js";
import { api } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ArticleBody } from "../kb/kb-ui.js";
import { ArticleBadges, ArticleHits, Marked, TicketHits } from "./SearchHits.js";
import { articleLink } from "./links.js";
import { useRecordDeflection, useSuggestions } from "./useSearch.js";

type Props = {
  title: string;
  description: string;
  /** The requester's portal form: portal articles, their own requests, and "this solved my problem". */
  portal: boolean;
  /** The request was not sent: an article solved it (portal only). */
  onDeflected?: () => void;
};

/**
 * Beside a ticket being typed: the articles that may answer it and the open tickets like it
 * (to link rather than duplicate). Nothing shows until there is something to suggest.
 */
export function SuggestionsPanel({ title, description, portal, onDeflected }: Props) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(title, description);
  const [reading, setReading] = useState<ArticleHit | null>(null);
  const data = suggestions.data;
  if (!data || (data.articles.length === 0 && data.tickets.length === 0)) return null;
  return (
    <Paper withBorder radius="md" p="md" aria-live="polite" component="section" aria-label={t(portal ? "search.suggestions.title" : "search.suggestions.titleStaff")}>
      <Stack gap="xs">
        <Title order={2} size="h5">{t(portal ? "search.suggestions.title" : "search.suggestions.titleStaff")}</Title>
        <Text size="sm" c="dimmed">{t(portal ? "search.suggestions.help" : "search.suggestions.helpStaff")}</Text>
        {data.articles.length > 0 && (
          <Stack gap={0}>
            <Text size="sm" fw={600}>{t("search.suggestions.articles")}</Text>
            {portal
              ? data.articles.map((a) => (
                  <Stack key={a.id} gap={2} py={6}>
                    <Anchor component="button" type="button" fw={600} ta="left" onClick={() => setReading(a)}>{a.title}</Anchor>
                    {a.snippet && <Marked html={a.snippet} size="sm" c="dimmed" lineClamp={2} />}
                  </Stack>
                ))
              : <ArticleHits hits={data.articles} portal={false} />}
          </Stack>
        )}
        {data.tickets.length > 0 && (
          <Stack gap={0}>
            <Text size="sm" fw={600}>{t(portal ? "search.suggestions.myTickets" : "search.suggestions.tickets")}</Text>
            <TicketHits hits={data.tickets} portal={portal} external />
          </Stack>
        )}
      </Stack>
      {reading && (
        <ArticleModal hit={reading} query={`${title}\n${description}`} onClose={() => setReading(null)} onDeflected={onDeflected} />
      )}
    </Paper>
  );
}

function ArticleModal({ hit, query, onClose, onDeflected }: { hit: ArticleHit; query: string; onClose: () => void; onDeflected?: () => void }) {
  const { t } = useTranslation();
  const article = useQuery({
    queryKey: ["/api/kb/articles", hit.id],
    queryFn: ({ signal }) => api<KbArticle>(`/api/kb/articles/${hit.id}`, { signal }),
  });
  const deflect = useRecordDeflection();

  function handleSolved() {
    deflect.mutate({ articleId: hit.id, query: query.trim() }, {
      onSuccess: () => {
        notifications.show({ color: "green", message: t("search.suggestions.deflected") });
        onClose();
        onDeflected?.();
      },
    });
  }

  return (
    <Modal opened onClose={onClose} title={hit.title} size="lg">
      <Stack gap="sm">
        <Group gap="xs"><ArticleBadges hit={hit} /></Group>
        {article.data
          ? <ArticleBody html={article.data.bodyHtml} />
          : <Marked html={hit.snippet || t("search.suggestions.loadingArticle")} size="sm" />}
        <Anchor component={Link} to={articleLink(hit.id, true)} target="_blank" size="sm">{t("search.suggestions.openFull")}</Anchor>
        <ApiErrorAlert error={deflect.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("search.suggestions.notSolved")}</Button>
          <Button color="green" onClick={handleSolved} loading={deflect.isPending}>{t("search.suggestions.solved")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
