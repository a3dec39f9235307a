import { Skeleton, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { SearchFilter } from "../../../components/SearchFilter.js";
import { formatDay } from "../core/asset-ui.js";
import { useAssetSoftware } from "./useAssetInventory.js";

/** The installed software by name, a page at a time, with a search on part of the name. */
export function AssetSoftwareList({ assetId }: { assetId: number }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState<string | undefined>(undefined);
  const software = useAssetSoftware(assetId, q);
  return (
    <section aria-labelledby="asset-software-title">
      <Title order={3} fz="sm" tt="uppercase" c="dimmed" mb={4} id="asset-software-title">{t("assetInventory.software.title")}</Title>
      <SearchFilter value={q} onChange={(value) => setQ(value ?? undefined)} label={t("assetInventory.software.search")}
        placeholder={t("assetInventory.software.searchPlaceholder")} width={280} />
      <ApiErrorAlert error={software.error} />
      {software.isPending ? <Skeleton h={120} mt="sm" /> : software.items.length === 0 && !software.isError ? (
        <Text c="dimmed" size="sm" py="md">{t(q ? "assetInventory.software.emptySearch" : "assetInventory.software.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={4} fz="sm" mt="sm" aria-label={t("assetInventory.software.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assetInventory.software.name")}</Table.Th>
                <Table.Th>{t("assetInventory.software.version")}</Table.Th>
                <Table.Th>{t("assetInventory.software.publisher")}</Table.Th>
                <Table.Th className="nowrap">{t("assetInventory.software.installDate")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {software.items.map((item) => (
                <Table.Tr key={item.versionId}>
                  <Table.Td>{item.name}</Table.Td>
                  <Table.Td className="mono nowrap">{item.version || "—"}</Table.Td>
                  <Table.Td>{item.publisher ?? "—"}</Table.Td>
                  <Table.Td className="nowrap">{formatDay(item.installDate, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={software.items.length} hasNextPage={software.hasNextPage} isFetchingNextPage={software.isFetchingNextPage}
        fetchNextPage={software.fetchNextPage} />
    </section>
  );
}
