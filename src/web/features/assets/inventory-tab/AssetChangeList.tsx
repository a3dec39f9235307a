import { Anchor, Badge, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AssetChange } from "../../../../shared/api/asset-inventory.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { useFormat } from "../../../i18n/format.js";
import { changeText } from "./inventory-format.js";
import { useAssetChanges } from "./useAssetInventory.js";

export const CHANGE_COLORS: Record<AssetChange["change"], string> = { added: "green", removed: "red", changed: "blue" };

/** The area a change is about, coloured by what happened (added, removed, changed). */
export function ChangeBadge({ change }: { change: AssetChange }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={CHANGE_COLORS[change.change]} miw="max-content" title={t(`assetInventory.kinds.${change.change}`)}>
      {t(`assetInventory.sectionNames.${change.section}`)}
    </Badge>
  );
}

/** What changed on the machine from one inventory to the next, newest first, as sentences. */
export function AssetChangeList({ assetId }: { assetId: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const changes = useAssetChanges(assetId);
  return (
    <section aria-labelledby="asset-changes-title">
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={3} fz="sm" tt="uppercase" c="dimmed" id="asset-changes-title">{t("assetInventory.changes.title")}</Title>
        <Anchor component={Link} to="/assets/changes" size="sm">{t("assetInventory.changes.fleetLink")}</Anchor>
      </Group>
      <ApiErrorAlert error={changes.error} />
      {changes.isPending ? <Skeleton h={80} /> : changes.items.length === 0 && !changes.isError ? (
        <Text c="dimmed" size="sm">{t("assetInventory.changes.empty")}</Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("assetInventory.changes.title")}>
          {changes.items.map((change) => (
            <Group component="li" key={change.id} gap="sm" wrap="nowrap" align="baseline">
              <Text size="xs" c="dimmed" className="nowrap"><time dateTime={change.changedAt}>{format.dateTime(change.changedAt)}</time></Text>
              <ChangeBadge change={change} />
              <Text size="sm" style={{ overflowWrap: "anywhere" }}>{changeText(change, t, i18n.language)}</Text>
            </Group>
          ))}
        </Stack>
      )}
      <LoadMore shown={changes.items.length} hasNextPage={changes.hasNextPage} isFetchingNextPage={changes.isFetchingNextPage}
        fetchNextPage={changes.fetchNextPage} />
    </section>
  );
}
