import { Anchor, Badge, Group, Paper, Stack, Text, Typography } from "@mantine/core";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { KbArticle, KbArticleSummary, KbKind, KbStatus } from "../../../shared/api/kb.js";
import type { ArticleHit } from "../../../shared/api/search.js";
import { useFormat } from "../../i18n/format.js";
import "./kb.css";

/**
 * An article's body: HTML the server rendered from Markdown and sanitized (allow-list, attachment
 * images only). A deleted file's image is a placeholder the server leaves unlabelled: kb.css labels it.
 */
export function ArticleBody({ html }: { html: string }) {
  const { t } = useTranslation();
  const labels = { "--kb-file-missing": JSON.stringify(t("kb.files.missing")) } as CSSProperties;
  return (
    <Typography className="rich-text kb-body" style={labels}>
      <div data-testid="kb-body" dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

const STATUS_COLORS: Record<KbStatus, string> = { draft: "gray", published: "green", archived: "dark" };

export function StatusBadge({ status }: { status: KbStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={STATUS_COLORS[status]}>{t(`kb.statuses.${status}`)}</Badge>;
}

export function KindBadge({ kind }: { kind: KbKind }) {
  const { t } = useTranslation();
  if (kind !== "known_error") return null;
  return <Badge variant="light" color="orange">{t("kb.kinds.known_error")}</Badge>;
}

/** One line of a list of articles; `to` is the page it opens (the staff's or the portal's). */
export function ArticleLine({ article, to, showStatus = true }: { article: KbArticleSummary; to: string; showStatus?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2} py={6} className="kb-line">
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={to} fw={600}>{article.title}</Anchor>
        <KindBadge kind={article.kind} />
        {showStatus && article.status !== "published" && <StatusBadge status={article.status} />}
      </Group>
      <Text fz="xs" c="dimmed">
        {t("kb.updated", { date: format.date(article.updatedAt) })} · {t("kb.views", { count: article.viewCount })}
        {showStatus && article.audience === "portal" ? ` · ${t("kb.audiences.portal")}` : ""}
      </Text>
    </Stack>
  );
}

const KNOWN_ERROR_FIELDS = ["symptom", "cause", "workaround", "fix"] as const;

/** A known error's symptom, cause, workaround and fix, those filled in. */
export function KnownErrorView({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  if (article.kind !== "known_error") return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        {KNOWN_ERROR_FIELDS.filter((f) => article[f]).map((f) => (
          <div key={f}>
            <Text fw={600} fz="sm">{t(`kb.article.${f}`)}</Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{article[f]}</Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** Search results: the title and a snippet with the words found marked (HTML the search module escaped). */
export function ArticleHits({ hits, to }: { hits: ArticleHit[]; to: (id: number) => string }) {
  return (
    <div>
      {hits.map((hit) => (
        <Stack key={hit.id} gap={2} py={6} className="kb-line">
          <Group gap="xs">
            <Anchor component={Link} to={to(hit.id)} fw={600} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} aria-label={hit.title} />
            <KindBadge kind={hit.kind as KbKind} />
            {hit.status !== "published" && <StatusBadge status={hit.status as KbStatus} />}
          </Group>
          <Text fz="sm" c="dimmed" className="kb-snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
        </Stack>
      ))}
    </div>
  );
}

/** The reader's language among the KB's, for the default filter: a bilingual KB would otherwise show every article twice. */
export function uiLanguage(language: string): "fr" | "en" {
  return language.startsWith("en") ? "en" : "fr";
}
