import { Button, Group, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QueryValue } from "../../../api/client.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { useSelection } from "../../tickets/queue/useQueue.js";
import { AssetBulkBar } from "./AssetBulkBar.js";
import { AssetFilters, FamilyTabs } from "./AssetFilters.js";
import { type AssetQuery, useAssetQuery } from "./asset-params.js";
import { AssetTable, type SortState } from "./AssetTable.js";
import { AssetErrorAlert } from "./asset-ui.js";
import { exportUrl, useAssetList } from "./useAssets.js";

/** The list's query for the API: the URL's filters, within the entity chosen in the header. */
export function listQuery(query: AssetQuery, entityId: number | undefined): Record<string, QueryValue> {
  return { ...query, entityId };
}

/**
 * The fleet: by family, filtered, sorted on the server, paged by cursor; checked rows get the bulk
 * changes and their labels printed; the same filters export to CSV or Excel.
 */
export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { scopeQuery } = useEntityScope();
  const { query, setFilter, replaceQuery } = useAssetQuery();
  const apiQuery = listQuery(query, scopeQuery.entityId);
  const assets = useAssetList(apiQuery);
  const mayWrite = can(me, "asset.write");
  const selection = useSelection(JSON.stringify(apiQuery));
  const sort: SortState = { sort: (query.sort ?? "updated") as SortState["sort"], order: query.order === "asc" ? "asc" : "desc" };

  return (
    <>
      <PageHeader
        title={t("assets.title")}
        description={t("assets.description")}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/assets/movements" variant="subtle">{t("assets.movements.link")}</Button>
            <Button component={Link} to="/assets/renewal" variant="subtle">{t("assets.renewal.link")}</Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default">{t("assets.export")}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(apiQuery, "csv", i18n.language)} download>{t("assets.exportCsv")}</Menu.Item>
                <Menu.Item component="a" href={exportUrl(apiQuery, "xlsx", i18n.language)} download>{t("assets.exportXlsx")}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {mayWrite && <Button component={Link} to="/assets/import" variant="default">{t("assetImport.button")}</Button>}
            {mayWrite && <Button component={Link} to="/assets/new">{t("assets.new")}</Button>}
          </Group>
        }
      />
      <FamilyTabs query={query} setFilter={setFilter} />
      <AssetFilters query={query} setFilter={setFilter}
        onClear={() => replaceQuery({ family: query.family, sort: query.sort, order: query.order })} />
      <AssetErrorAlert error={assets.error} />
      {mayWrite && <AssetBulkBar selection={selection} />}
      <AssetTable items={assets.items} isPending={assets.isPending} isError={assets.isError} sort={sort}
        onSort={(next) => replaceQuery({ ...query, sort: next.sort, order: next.order })} selection={mayWrite ? selection : null} />
      <LoadMore shown={assets.items.length} hasNextPage={assets.hasNextPage} isFetchingNextPage={assets.isFetchingNextPage}
        fetchNextPage={assets.fetchNextPage} />
    </>
  );
}
