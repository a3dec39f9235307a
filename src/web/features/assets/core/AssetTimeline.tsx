import { Badge, Group, Paper, Skeleton, Stack, Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Asset, AssetEvent } from "../../../../shared/api/assets.js";
import type { AssetEventType } from "../../../../shared/domain/assets.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { HistoryTab } from "../../history/HistoryTab.js";
import { AssetErrorAlert } from "./asset-ui.js";
import { useAssetEvents } from "./useAssets.js";

export const EVENT_COLORS: Record<AssetEventType, string> = {
  create: "green", status: "blue", assign: "violet", move: "teal", loan: "cyan", return: "indigo", dispose: "red",
};

/** What an event changed, in words: status, user and location, each only when it moved. */
export function EventChanges({ event }: { event: AssetEvent }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (event.fromStatus !== event.toStatus && event.toStatus) {
    const from = event.fromStatus ? t(`assets.statuses.${event.fromStatus}`) : "—";
    lines.push(t("assets.timeline.statusChange", { from, to: t(`assets.statuses.${event.toStatus}`) }));
  }
  if (event.fromUserName !== event.toUserName) {
    lines.push(t("assets.timeline.userChange", { from: event.fromUserName ?? t("assets.timeline.nobody"), to: event.toUserName ?? t("assets.timeline.nobody") }));
  }
  if (event.fromLocationName !== event.toLocationName) {
    lines.push(t("assets.timeline.locationChange", {
      from: event.fromLocationName ?? t("assets.timeline.nowhere"), to: event.toLocationName ?? t("assets.timeline.nowhere"),
    }));
  }
  return (
    <>
      {lines.map((line) => <Text key={line} size="sm">{line}</Text>)}
    </>
  );
}

export function EventBadge({ type }: { type: AssetEventType }) {
  const { t } = useTranslation();
  return <Badge component="span" size="sm" variant="light" color={EVENT_COLORS[type]} miw="max-content">{t(`assets.events.${type}`)}</Badge>;
}

/** The movement timeline: newest first, each event with what changed, who did it and why. */
export function AssetTimeline({ assetId }: { assetId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const events = useAssetEvents(assetId);
  if (events.isPending) return <Skeleton h={120} />;
  if (events.isError) return <AssetErrorAlert error={events.error} />;
  if (events.items.length === 0) return <Text c="dimmed">{t("assets.timeline.empty")}</Text>;
  return (
    <>
      <Timeline bulletSize={14} lineWidth={2} aria-label={t("assets.timeline.title")}>
        {events.items.map((event) => (
          <Timeline.Item key={event.id} color={EVENT_COLORS[event.type]}
            title={
              <Group gap="xs" wrap="wrap">
                <EventBadge type={event.type} />
                <Text size="xs" c="dimmed">
                  {format.dateTime(event.createdAt)}
                  {event.actorName ? ` · ${t("assets.timeline.by", { name: event.actorName })}` : ""}
                </Text>
              </Group>
            }>
            <EventChanges event={event} />
            {event.reason && <Text size="sm" c="dimmed" fs="italic" style={{ overflowWrap: "anywhere" }}>« {event.reason} »</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadMore shown={events.items.length} hasNextPage={events.hasNextPage} isFetchingNextPage={events.isFetchingNextPage}
        fetchNextPage={events.fetchNextPage} />
    </>
  );
}

/** Movements first (what a technician looks for), then who changed which field. */
export function AssetHistoryTab({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="asset-movements-title">
        <Title id="asset-movements-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="sm">{t("assets.timeline.title")}</Title>
        <AssetTimeline assetId={asset.id} />
      </Paper>
      {can(me, "history.read") && (
        <section aria-labelledby="asset-fields-title">
          <Title id="asset-fields-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="sm">{t("assets.timeline.fieldHistory")}</Title>
          <HistoryTab recordType="asset" id={asset.id} />
        </section>
      )}
    </Stack>
  );
}
