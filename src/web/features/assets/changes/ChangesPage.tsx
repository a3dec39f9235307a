import { Anchor, Group, Select, Skeleton, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { CHANGE_SECTIONS, type ChangeSection, type FleetChange } from "../../../../shared/api/asset-inventory.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { SearchFilter } from "../../../components/SearchFilter.js";
import { useFormat } from "../../../i18n/format.js";
import { useSetParam } from "../../../lib/useSetParam.js";
import { ChangeBadge } from "../inventory-tab/AssetChangeList.js";
import { changeText } from "../inventory-tab/inventory-format.js";
import { useFleetChanges } from "../inventory-tab/useAssetInventory.js";

function isSection(value: string | null): value is ChangeSection {
  return (CHANGE_SECTIONS as readonly (string | null)[]).includes(value);
}

/**
 * What changed between inventories across the fleet: "which machines went from Firefox 128 to
 * 131", "where was memory added". The filters live in the address, so a link keeps them.
 */
export function ChangesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const setParam = useSetParam();
  const asked = params.get("section");
  const section = isSection(asked) ? asked : undefined;
  const item = params.get("item") ?? undefined;
  const changes = useFleetChanges({ section, item });
  const filtered = section !== undefined || item !== undefined;

  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("assetInventory.fleet.title")}
        description={t("assetInventory.fleet.description")} />
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <Select label={t("assetInventory.fleet.section")} placeholder={t("assetInventory.fleet.allSections")} clearable size="xs"
          w={{ base: "100%", sm: 200 }} value={section ?? null} onChange={(value) => setParam("section", value)}
          data={CHANGE_SECTIONS.map((value) => ({ value, label: t(`assetInventory.sectionNames.${value}`) }))} />
        <SearchFilter value={item} onChange={(value) => setParam("item", value)} label={t("assetInventory.fleet.item")}
          placeholder={t("assetInventory.fleet.itemPlaceholder")} width={260} />
      </Group>
      <ApiErrorAlert error={changes.error} />
      {changes.isPending ? <Skeleton h={200} /> : changes.items.length === 0 && !changes.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t(filtered ? "assetInventory.fleet.emptyFiltered" : "assetInventory.fleet.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm" aria-label={t("assetInventory.fleet.title")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assetInventory.fleet.when")}</Table.Th>
                <Table.Th>{t("assetInventory.fleet.asset")}</Table.Th>
                <Table.Th>{t("assetInventory.fleet.change")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{changes.items.map((change) => <ChangeRow key={change.id} change={change} />)}</Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={changes.items.length} hasNextPage={changes.hasNextPage} isFetchingNextPage={changes.isFetchingNextPage}
        fetchNextPage={changes.fetchNextPage} />
    </>
  );
}

function ChangeRow({ change }: { change: FleetChange }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td className="nowrap"><time dateTime={change.changedAt}>{format.dateTime(change.changedAt)}</time></Table.Td>
      <Table.Td className="nowrap">
        <Anchor component={Link} to={`/assets/${change.assetId}?tab=inventory`} size="sm">
          <span className="mono">{change.assetTag}</span> {change.assetName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <ChangeBadge change={change} />
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>{changeText(change, t, i18n.language)}</Text>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
