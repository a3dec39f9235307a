import { Anchor, Badge, Box, Button, Select, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type AssetConnection, type ConnectedAsset, CONNECTABLE_FAMILIES } from "../../../../shared/api/asset-connections.js";
import type { Asset } from "../../../../shared/api/assets.js";
import { useFormat } from "../../../i18n/format.js";
import { Section } from "../core/AssetFormFields.js";
import { AssetErrorAlert, assetErrorText } from "../core/asset-ui.js";
import { useAssetList } from "../core/useAssets.js";
import { useKindName } from "../references/kind-name.js";
import { useAssetConnections, useConnectDevice, useDisconnectDevice } from "./useConnections.js";

const isConnectable = (family: string) => (CONNECTABLE_FAMILIES as readonly string[]).includes(family);

function AssetLink({ asset }: { asset: ConnectedAsset }) {
  return (
    <Anchor component={Link} to={`/assets/${asset.id}`} size="sm">
      <span className="mono">{asset.assetTag}</span> {asset.name}
    </Anchor>
  );
}

/** Finds a monitor, printer, peripheral or phone by tag, serial or name, and connects it. */
function DevicePicker({ computerId, excludeIds }: { computerId: number; excludeIds: number[] }) {
  const { t } = useTranslation();
  const connect = useConnectDevice(computerId);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const list = useAssetList({ q: debounced || undefined, limit: 20 }, debounced.length > 0);
  const options = list.items.filter((a) => isConnectable(a.family) && !excludeIds.includes(a.id));
  return (
    <Select
      mt="sm" size="xs" maw={420}
      label={t("assetConnections.picker")}
      placeholder={t("assetConnections.pickerPlaceholder")}
      data={options.map((a) => ({ value: String(a.id), label: `${a.assetTag} · ${a.name}${a.serial ? ` · ${a.serial}` : ""}` }))}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced ? (list.isFetching ? t("common.loading") : t("common.nothingFound")) : undefined}
      disabled={connect.isPending}
      onChange={(value) => {
        const device = options.find((a) => String(a.id) === value);
        if (!device) return;
        connect.mutate(device.id, {
          onSuccess: () => {
            setSearch("");
            notifications.show({ color: "green", message: t("assetConnections.connected", { tag: device.assetTag }) });
          },
          onError: (error) => notifications.show({ color: "red", message: assetErrorText(error, t) }),
        });
      }}
    />
  );
}

/** One connection; `side` is the end shown (the device on a computer's page, the computer on a device's). */
function ConnectionRow({ connection, side, assetId, mayWrite }: { connection: AssetConnection; side: "device" | "computer"; assetId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  const disconnect = useDisconnectDevice(assetId);
  const other = connection[side];
  return (
    <Table.Tr>
      <Table.Td><AssetLink asset={other} /></Table.Td>
      <Table.Td>{kindName({ code: other.kindCode, name: other.kindName })}</Table.Td>
      <Table.Td className="mono">{other.serial ?? "—"}</Table.Td>
      <Table.Td className="nowrap">{format.date(connection.connectedAt)}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={connection.source === "inventory" ? "blue" : "gray"}>
          {t(`assetConnections.sources.${connection.source}`)}
        </Badge>
      </Table.Td>
      {mayWrite && (
        <Table.Td>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={t("assetConnections.disconnectLabel", { tag: other.assetTag })}
            loading={disconnect.isPending}
            onClick={() => disconnect.mutate(connection.id, {
              onSuccess: () => notifications.show({ color: "green", message: t("assetConnections.disconnected", { tag: other.assetTag }) }),
              onError: (error) => notifications.show({ color: "red", message: assetErrorText(error, t) }),
            })}>
            {t("assetConnections.disconnect")}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/**
 * The devices plugged into a computer, or the computer a device is plugged into ("Connexions
 * directes" in GLPI); other assets have none and show nothing.
 */
export function AssetConnectionsPanel({ asset, mayWrite }: { asset: Asset; mayWrite: boolean }) {
  const { t } = useTranslation();
  const isComputer = asset.family === "computer";
  const shown = isComputer || isConnectable(asset.family);
  const connections = useAssetConnections(asset.id, shown);
  if (!shown) return null;
  const side = isComputer ? "device" : "computer";
  const items = (connections.data ?? []).filter((c) => (isComputer ? c.computer.id === asset.id : c.device.id === asset.id));
  const writable = mayWrite && asset.status !== "disposed";
  const title = t(isComputer ? "assetConnections.title" : "assetConnections.computerTitle");
  return (
    <Box mt="lg">
      <Section title={title}>
        <Stack gap="xs" data-testid="asset-connections">
          {isComputer && <Text size="sm" c="dimmed">{t("assetConnections.intro")}</Text>}
          <AssetErrorAlert error={connections.error} />
          {connections.isPending && <Skeleton h={40} />}
          {connections.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed">{t(isComputer ? "assetConnections.none" : "assetConnections.noneDevice")}</Text>
          )}
          {items.length > 0 && (
            <div className="table-scroll">
              <Table striped aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t(isComputer ? "assetConnections.device" : "assetConnections.computer")}</Table.Th>
                    <Table.Th>{t("assetConnections.kind")}</Table.Th>
                    <Table.Th>{t("assetConnections.serial")}</Table.Th>
                    <Table.Th>{t("assetConnections.since")}</Table.Th>
                    <Table.Th>{t("assetConnections.source")}</Table.Th>
                    {writable && <Table.Th>{t("assetConnections.actions")}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => <ConnectionRow key={c.id} connection={c} side={side} assetId={asset.id} mayWrite={writable} />)}
                </Table.Tbody>
              </Table>
            </div>
          )}
          {isComputer && writable && <DevicePicker computerId={asset.id} excludeIds={items.map((c) => c.device.id)} />}
        </Stack>
      </Section>
    </Box>
  );
}
