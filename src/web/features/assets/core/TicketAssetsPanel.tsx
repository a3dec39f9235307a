import { ActionIcon, Anchor, Button, Group, Paper, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AssetSummary } from "../../../../shared/api/assets.js";
import type { Ticket } from "../../../../shared/api/tickets.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { AssetErrorAlert, AssetStatusBadge, assetErrorText } from "./asset-ui.js";
import { useAssetList, useLinkAssets, useTicketAssets, useUnlinkAsset } from "./useAssets.js";

function AssetLine({ asset, action }: { asset: AssetSummary; action?: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/assets/${asset.id}`} size="sm" lineClamp={1}>
          <span className="mono">{asset.assetTag}</span> {asset.name}
        </Anchor>
        <AssetStatusBadge status={asset.status} size="xs" />
      </div>
      {action}
    </Group>
  );
}

/** Finds an asset by tag, serial or name, among those the caller may see, and links it. */
function AssetPicker({ ticketId, excludeIds }: { ticketId: number; excludeIds: number[] }) {
  const { t } = useTranslation();
  const link = useLinkAssets(ticketId);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const list = useAssetList({ q: debounced || undefined, limit: 20 }, debounced.length > 0);
  const data = list.items.filter((a) => !excludeIds.includes(a.id)).map((a) => ({ value: String(a.id), label: `${a.assetTag} · ${a.name}` }));
  return (
    <Select
      mt="sm"
      size="xs"
      label={t("assets.panel.picker")}
      placeholder={t("assets.panel.pickerPlaceholder")}
      data={data}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={debounced ? (list.isFetching ? t("common.loading") : t("common.nothingFound")) : undefined}
      onChange={(value) => {
        if (!value) return;
        link.mutate([Number(value)], {
          onSuccess: () => {
            setSearch("");
            notifications.show({ color: "green", message: t("assets.panel.linked_done") });
          },
          onError: (error) => notifications.show({ color: "red", message: assetErrorText(error, t) }),
        });
      }}
      disabled={link.isPending}
    />
  );
}

/**
 * The ticket's assets and the requester's: the technician sees the caller's computer without
 * searching for it, and links it to the ticket in one click.
 */
export function TicketAssetsPanel({ ticket, staff }: { ticket: Ticket; staff: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const linked = useTicketAssets(ticket.id);
  const unlink = useUnlinkAsset(ticket.id);
  const link = useLinkAssets(ticket.id);
  const mayRead = can(me, "asset.read");
  const requesterAssets = useAssetList({ userId: ticket.requesterId ?? undefined, limit: 10 }, mayRead && ticket.requesterId !== null);
  if (!mayRead) return null;
  const linkedItems = linked.data ?? [];
  const linkedIds = linkedItems.map((a) => a.id);
  const theirs = requesterAssets.items.filter((a) => !linkedIds.includes(a.id));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assets-panel-title">
      <Title id="assets-panel-title" order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">{t("assets.panel.title")}</Title>
      <AssetErrorAlert error={linked.error ?? unlink.error} />
      <Stack gap={6}>
        <Text size="xs" fw={700} c="dimmed">{t("assets.panel.linked")}</Text>
        {linked.isPending && <Skeleton h={32} />}
        {linked.isSuccess && linkedItems.length === 0 && <Text size="sm" c="dimmed">{t("assets.panel.noLinked")}</Text>}
        {linkedItems.map((asset) => (
          <AssetLine key={asset.id} asset={asset} action={staff && (
            <ActionIcon variant="subtle" color="gray" aria-label={t("assets.panel.unlink", { tag: asset.assetTag })}
              onClick={() => unlink.mutate(asset.id)} loading={unlink.isPending && unlink.variables === asset.id}>×</ActionIcon>
          )} />
        ))}
        {ticket.requesterId !== null && (
          <>
            <Text size="xs" fw={700} c="dimmed" mt="xs">{t("assets.panel.requesterAssets")}</Text>
            {requesterAssets.isPending && <Skeleton h={32} />}
            {requesterAssets.isSuccess && requesterAssets.items.length === 0 && (
              <Text size="sm" c="dimmed">{t("assets.panel.noRequesterAssets")}</Text>
            )}
            {theirs.map((asset) => (
              <AssetLine key={asset.id} asset={asset} action={staff && (
                <Button size="compact-xs" variant="light" aria-label={t("assets.panel.linkThis", { tag: asset.assetTag })}
                  loading={link.isPending && link.variables?.[0] === asset.id} onClick={() => link.mutate([asset.id])}>
                  {t("assets.panel.link")}
                </Button>
              )} />
            ))}
          </>
        )}
      </Stack>
      {staff && <AssetPicker ticketId={ticket.id} excludeIds={linkedIds} />}
    </Paper>
  );
}
