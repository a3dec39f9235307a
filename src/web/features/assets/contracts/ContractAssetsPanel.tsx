import { Anchor, Button, Group, Select, Skeleton, Table, Text, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Contract } from "../../../../shared/api/contracts.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { AssetStatusBadge } from "../core/asset-ui.js";
import { useDayFormat } from "./contract-ui.js";
import { useAssetSearch, useContractAssets, useCoveredAssets } from "./useContracts.js";

/** Finds an asset of the contract's entity by tag or name (GET /api/assets?q=…) and adds it. */
function AddAsset({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const found = useAssetSearch(debounced, contract.entityId);
  const change = useContractAssets(contract.id);
  const options = (found.data ?? []).map((a) => ({ value: String(a.id), label: `${a.assetTag} — ${a.name}` }));

  function add() {
    if (!picked) return;
    change.mutate({ assetIds: [Number(picked)] }, {
      onSuccess: (result) => {
        notifications.show({ color: result.changed > 0 ? "green" : "blue",
          message: result.changed > 0 ? t("contracts.assets.added", { count: result.changed }) : t("contracts.assets.nothingAdded") });
        setPicked(null);
        setSearch("");
      },
    });
  }

  return (
    <>
      <Group align="flex-end" gap="sm" mb="sm">
        <Select label={t("contracts.assets.search")} placeholder={t("contracts.assets.searchPlaceholder")} searchable clearable
          data={options} value={picked} onChange={setPicked} searchValue={search} onSearchChange={setSearch}
          filter={({ options: all }) => all} w={{ base: "100%", sm: 380 }}
          nothingFoundMessage={debounced ? (found.isFetching ? t("common.loading") : t("common.nothingFound")) : undefined} />
        <Button onClick={add} disabled={!picked} loading={change.isPending}>{t("contracts.assets.addSelected")}</Button>
      </Group>
      <ApiErrorAlert error={change.error} />
    </>
  );
}

/** The assets a contract covers; a supervisor adds and removes them here. */
export function ContractAssetsPanel({ contract, mayManage }: { contract: Contract; mayManage: boolean }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const list = useCoveredAssets(contract.id);
  const change = useContractAssets(contract.id);

  function removeOne(id: number, tag: string) {
    change.mutate({ assetIds: [id], remove: true }, {
      onSuccess: () => notifications.show({ color: "green", message: t("contracts.assets.removed", { tag }) }),
    });
  }

  return (
    <>
      {mayManage && <AddAsset contract={contract} />}
      <ApiErrorAlert error={list.error ?? change.error} />
      {list.isPending ? <Skeleton h={160} /> : list.items.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center">{t("contracts.assets.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("contracts.assets.tag")}</Table.Th>
                <Table.Th>{t("contracts.assets.name")}</Table.Th>
                <Table.Th>{t("contracts.assets.kind")}</Table.Th>
                <Table.Th>{t("contracts.assets.status")}</Table.Th>
                <Table.Th>{t("contracts.assets.location")}</Table.Th>
                <Table.Th>{t("contracts.assets.user")}</Table.Th>
                <Table.Th>{t("contracts.assets.warrantyEnd")}</Table.Th>
                {mayManage && <Table.Th><VisuallyHidden>{t("contracts.assets.remove")}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td className="mono nowrap"><Anchor component={Link} to={`/assets/${a.id}`}>{a.assetTag}</Anchor></Table.Td>
                  <Table.Td>{a.name}</Table.Td>
                  <Table.Td>{a.kindName}</Table.Td>
                  <Table.Td><AssetStatusBadge status={a.status} /></Table.Td>
                  <Table.Td>{a.locationName ?? "—"}</Table.Td>
                  <Table.Td>{a.userName ?? "—"}</Table.Td>
                  <Table.Td className="nowrap">{day(a.warrantyEnd)}</Table.Td>
                  {mayManage && (
                    <Table.Td>
                      <Button variant="subtle" color="red" size="compact-xs" aria-label={t("contracts.assets.removeLabel", { tag: a.assetTag })}
                        loading={change.isPending && change.variables.assetIds[0] === a.id} onClick={() => removeOne(a.id, a.assetTag)}>
                        {t("contracts.assets.remove")}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={list.items.length} hasNextPage={list.hasNextPage} isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage} />
    </>
  );
}
