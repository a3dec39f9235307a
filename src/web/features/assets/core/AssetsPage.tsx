import { Button, Group, Menu } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { QueryValue } from "../../../api/client.js";
import { LoadMore } from "../../../components/LoadMore.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { can } from "../../../lib/permissions.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { ASSET_COLUMNS, DEFAULT_ASSET_COLUMNS } from "../../../../shared/domain/asset-columns.js";
import { ColumnChooser } from "../../tickets/queue/QueueColumns.js";
import { SavedViewsBar } from "../../tickets/queue/SavedViews.js";
import { useSelection } from "../../tickets/queue/useQueue.js";
import { AssetBulkBar } from "./AssetBulkBar.js";
import { AssetFilters, FamilyTabs } from "./AssetFilters.js";
import { cleanAssetColumns, useAssetColumns } from "./asset-columns.js";
import { type AssetQuery, sameAssetQuery, savedAssetQuery, useAssetQuery } from "./asset-params.js";
import { AssetTable, type SortState } from "./AssetTable.js";
import { AssetErrorAlert } from "./asset-ui.js";
import { exportUrl, useAssetList } from "./useAssets.js";

/** The list's query for the API: the URL's filters, within the entity chosen in the header. */
export function listQuery(query: AssetQuery, entityId: number | undefined): Record<string, QueryValue> {
  return { ...query, entityId };
}

/**
 * The fleet: by family, filtered, sorted on the server, paged by cursor; checked rows get the bulk
 * changes and their labels printed; the same filters export to CSV or Excel. The columns are
 * chosen, and filters with columns are saved as the user's own views, as on the ticket queue.
 */
export function AssetsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { scopeQuery } = useEntityScope();
  const { query, setFilter, replaceQuery } = useAssetQuery();
  const { columns, setColumns } = useAssetColumns(me.id);
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
            <Button component={Link} to="/assets/agents" variant="subtle">{t("agents.link")}</Button>
            <Button component={Link} to="/assets/software" variant="subtle">{t("software.title")}</Button>
            <Button component={Link} to="/assets/changes" variant="subtle">{t("assetInventory.fleet.link")}</Button>
            <Button component={Link} to="/assets/health" variant="subtle">{t("health.link")}</Button>
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
      <SavedViewsBar scope="assets" query={savedAssetQuery(query)} columns={columns} isCurrent={(saved) => sameAssetQuery(saved, query)}
        columnsOf={(view) => cleanAssetColumns(view.columns)} deleteMessage={(name) => t("assets.views.deleteMessage", { name })}
        onApply={(view) => {
          replaceQuery(view.query);
          setColumns(view.columns);
        }} />
      <AssetFilters query={query} setFilter={setFilter}
        onClear={() => replaceQuery({ family: query.family, sort: query.sort, order: query.order })}
        tools={<ColumnChooser all={ASSET_COLUMNS} defaults={DEFAULT_ASSET_COLUMNS} columns={columns}
          labelOf={(column) => t(`assets.columns.${column}`)} onChange={setColumns} />} />
      <AssetErrorAlert error={assets.error} />
      {mayWrite && <AssetBulkBar selection={selection} />}
      <AssetTable items={assets.items} columns={columns} isPending={assets.isPending} isError={assets.isError} sort={sort}
        onSort={(next) => replaceQuery({ ...query, sort: next.sort, order: next.order })} selection={mayWrite ? selection : null} />
      <LoadMore shown={assets.items.length} hasNextPage={assets.hasNextPage} isFetchingNextPage={assets.isFetchingNextPage}
        fetchNextPage={assets.fetchNextPage} />
    </>
  );
}
