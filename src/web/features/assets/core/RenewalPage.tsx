import { Anchor, Group, Select, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { useKindName } from "../references/kind-name.js";
import { FamilyTabs } from "./AssetFilters.js";
import { normalizeAssetQuery } from "./asset-params.js";
import { AssetErrorAlert, AssetStatusBadge, WarrantyBadge, ageText, formatDay, formatMoney } from "./asset-ui.js";
import { useAssetList } from "./useAssets.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Planning replacements: the oldest assets first (or the warranties ending first), narrowed to
 * "bought before" or "warranty over before" a date. Disposed assets are left out.
 */
export function RenewalPage() {
  const { t, i18n } = useTranslation();
  const kindName = useKindName();
  const { scopeQuery } = useEntityScope();
  const [params, setParams] = useSearchParams();
  const query = normalizeAssetQuery(params);
  const sort = query.sort === "warranty" ? "warranty" : "purchase";
  const set = (key: string, value: string | null) =>
    setParams((old) => {
      const next = new URLSearchParams(old);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    }, { replace: true });
  const assets = useAssetList({
    family: query.family, entityId: scopeQuery.entityId, sort, order: "asc",
    warrantyBefore: DAY.test(query.warrantyBefore ?? "") ? query.warrantyBefore : undefined,
    purchasedBefore: DAY.test(query.purchasedBefore ?? "") ? query.purchasedBefore : undefined,
  });

  return (
    <>
      <PageHeader crumbs={[{ label: t("assets.title"), to: "/assets" }]} title={t("assets.renewal.title")}
        description={t("assets.renewal.description")} />
      <FamilyTabs query={query} setFilter={set} />
      <Group mb="sm" gap="sm" align="flex-end" wrap="wrap">
        <Select label={t("assets.renewal.sortBy")} w={200} allowDeselect={false} value={sort} onChange={(v) => set("sort", v)}
          data={(["purchase", "warranty"] as const).map((value) => ({ value, label: t(`assets.sorts.${value}`) }))} />
        <TextInput type="date" label={t("assets.renewal.purchasedBefore")} w={190} value={query.purchasedBefore ?? ""}
          onChange={(e) => set("purchasedBefore", e.currentTarget.value)} />
        <TextInput type="date" label={t("assets.renewal.warrantyBefore")} w={190} value={query.warrantyBefore ?? ""}
          onChange={(e) => set("warrantyBefore", e.currentTarget.value)} />
      </Group>
      <AssetErrorAlert error={assets.error} />
      {assets.isPending ? <Skeleton h={240} /> : assets.items.length === 0 && !assets.isError ? (
        <Text c="dimmed" py="xl" ta="center">{t("assets.renewal.empty")}</Text>
      ) : (
        <div className="table-scroll">
          <Table striped verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assets.columns.tag")}</Table.Th>
                <Table.Th>{t("assets.columns.name")}</Table.Th>
                <Table.Th>{t("assets.columns.kind")}</Table.Th>
                <Table.Th>{t("assets.columns.status")}</Table.Th>
                <Table.Th>{t("assets.columns.user")}</Table.Th>
                <Table.Th>{t("assets.columns.purchase")}</Table.Th>
                <Table.Th>{t("assets.columns.age")}</Table.Th>
                <Table.Th>{t("assets.columns.warranty")}</Table.Th>
                <Table.Th style={{ textAlign: "right" }}>{t("assets.fields.currentValue")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assets.items.map((asset) => (
                <Table.Tr key={asset.id}>
                  <Table.Td className="nowrap mono"><Anchor component={Link} to={`/assets/${asset.id}?tab=financial`} fz="sm">{asset.assetTag}</Anchor></Table.Td>
                  <Table.Td>{asset.name}</Table.Td>
                  <Table.Td className="nowrap">{kindName({ code: asset.kindCode, name: asset.kindName })}</Table.Td>
                  <Table.Td><AssetStatusBadge status={asset.status} size="xs" /></Table.Td>
                  <Table.Td className="nowrap">{asset.userName ?? "—"}</Table.Td>
                  <Table.Td className="nowrap">{formatDay(asset.purchaseDate, i18n.language)}</Table.Td>
                  <Table.Td className="nowrap">{ageText(asset.purchaseDate, t)}</Table.Td>
                  <Table.Td className="nowrap">
                    <Group gap={6} wrap="nowrap">
                      <span>{formatDay(asset.warrantyEnd, i18n.language)}</span>
                      <WarrantyBadge warrantyEnd={asset.warrantyEnd} size="xs" />
                    </Group>
                  </Table.Td>
                  <Table.Td className="nowrap" style={{ textAlign: "right" }}>
                    {asset.currentValueCents === null ? "—" : formatMoney(asset.currentValueCents, i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      <LoadMore shown={assets.items.length} hasNextPage={assets.hasNextPage} isFetchingNextPage={assets.isFetchingNextPage}
        fetchNextPage={assets.fetchNextPage} />
    </>
  );
}
