import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ArticleHit, AssetHit, TicketHit, UserHit } from "../../../shared/api/search.js";
import type { TicketStatus } from "../../../shared/domain/tickets.js";
import { TicketStatusBadge } from "../tickets/ticket-ui.js";
import { articleLink, assetLink, ticketLink, userLink } from "./links.js";

/** Server HTML whose only tag is <mark> (everything else arrives escaped): safe to insert. */
export function Marked({ html, ...props }: { html: string; size?: string; c?: string; fw?: number; lineClamp?: number }) {
  return <Text component="span" {...props} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Hit({ to, title, children, external }: { to: string; title: string; children?: React.ReactNode; external?: boolean }) {
  return (
    <Stack gap={2} py={6}>
      <Anchor component={Link} to={to} fw={600} target={external ? "_blank" : undefined} dangerouslySetInnerHTML={{ __html: title }} />
      {children}
    </Stack>
  );
}

export function TicketHits({ hits, portal, external }: { hits: TicketHit[]; portal: boolean; external?: boolean }) {
  return hits.map((h) => (
    <Hit key={h.id} to={ticketLink(h.id, portal)} title={`#${h.id} ${h.titleHtml}`} external={external}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <TicketStatusBadge status={h.status as TicketStatus} size="xs" />
        {h.snippet && <Marked html={h.snippet} size="sm" c="dimmed" lineClamp={2} />}
      </Group>
    </Hit>
  ));
}

export function ArticleBadges({ hit }: { hit: ArticleHit }) {
  const { t } = useTranslation();
  return (
    <>
      {hit.kind === "known_error" && <Badge size="xs" color="orange" variant="light">{t("search.knownError")}</Badge>}
      {hit.status !== "published" && <Badge size="xs" color="gray" variant="outline">{t(`search.${hit.status === "draft" ? "draft" : "archived"}`)}</Badge>}
      {hit.audience === "internal" && <Badge size="xs" color="grape" variant="light">{t("search.internal")}</Badge>}
    </>
  );
}

export function ArticleHits({ hits, portal }: { hits: ArticleHit[]; portal: boolean }) {
  return hits.map((h) => (
    <Hit key={h.id} to={articleLink(h.id, portal)} title={h.titleHtml}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ArticleBadges hit={h} />
        {h.snippet && <Marked html={h.snippet} size="sm" c="dimmed" lineClamp={2} />}
      </Group>
    </Hit>
  ));
}

export function UserHits({ hits }: { hits: UserHit[] }) {
  return hits.map((h) => (
    <Hit key={h.id} to={userLink(h.id)} title={h.nameHtml}>
      <Text size="sm" c="dimmed">{[h.login, h.email, h.phone].filter(Boolean).join(" · ")}</Text>
    </Hit>
  ));
}

export function AssetHits({ hits }: { hits: AssetHit[] }) {
  const { t } = useTranslation();
  return hits.map((h) => (
    <Hit key={h.id} to={assetLink(h.id)} title={h.nameHtml}>
      <Text size="sm" c="dimmed">
        {[t("search.tag", { tag: h.assetTag }), h.serial ? t("search.serial", { serial: h.serial }) : null].filter(Boolean).join(" · ")}
      </Text>
      {h.snippet && <Marked html={h.snippet} size="sm" c="dimmed" />}
    </Hit>
  ));
}
