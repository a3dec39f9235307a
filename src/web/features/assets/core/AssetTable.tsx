import { Anchor, Checkbox, Skeleton, Table, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AssetSummary } from "../../../../shared/api/assets.js";
import { useFormat } from "../../../i18n/format.js";
import type { Selection } from "../../tickets/queue/useQueue.js";
import { useKindName } from "../references/kind-name.js";
import { AssetStatusBadge, WarrantyBadge, formatDay } from "./asset-ui.js";

type Sort = "updated" | "name" | "tag" | "purchase" | "warranty";
export type SortState = { sort: Sort; order: "asc" | "desc" };

/** A column header that sorts the list (server side, on an indexed column); a second click reverses it. */
function SortHeader({ label, column, state, onSort }: { label: string; column: Sort; state: SortState; onSort: (next: SortState) => void }) {
  const { t } = useTranslation();
  const active = state.sort === column;
  const ariaSort = active ? (state.order === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th className="nowrap" aria-sort={ariaSort}>
      <UnstyledButton
        fz="sm"
        fw={700}
        onClick={() => onSort({ sort: column, order: active && state.order === "desc" ? "asc" : "desc" })}
        aria-label={t("assets.sortBy", { column: label })}
      >
        {label} {active ? (state.order === "asc" ? "▲" : "▼") : ""}
      </UnstyledButton>
    </Table.Th>
  );
}

type AssetTableProps = {
  items: AssetSummary[];
  isPending: boolean;
  isError: boolean;
  sort: SortState;
  onSort: (next: SortState) => void;
  /** Null for someone who may not change assets: no checkboxes. */
  selection: Selection | null;
};

export function AssetTable({ items, isPending, isError, sort, onSort, selection }: AssetTableProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  if (isPending) return <Skeleton h={240} />;
  if (isError) return null;
  if (items.length === 0) return <Text c="dimmed" py="xl" ta="center">{t("assets.empty")}</Text>;
  const pageIds = items.map((asset) => asset.id);
  const checkedOnPage = selection ? pageIds.filter((id) => selection.ids.has(id)).length : 0;
  const header = (column: Sort, label: string) => <SortHeader label={label} column={column} state={sort} onSort={onSort} />;
  return (
    <div className="table-scroll">
      <Table highlightOnHover verticalSpacing={6} fz="sm" className="asset-list">
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox aria-label={t("assets.selectAll")} size="xs" checked={checkedOnPage === pageIds.length}
                  indeterminate={checkedOnPage > 0 && checkedOnPage < pageIds.length}
                  onChange={(event) => selection.setAll(pageIds, event.currentTarget.checked)} />
              </Table.Th>
            )}
            {header("tag", t("assets.columns.tag"))}
            {header("name", t("assets.columns.name"))}
            <Table.Th>{t("assets.columns.kind")}</Table.Th>
            <Table.Th>{t("assets.columns.status")}</Table.Th>
            <Table.Th>{t("assets.columns.user")}</Table.Th>
            <Table.Th>{t("assets.columns.location")}</Table.Th>
            <Table.Th>{t("assets.columns.model")}</Table.Th>
            {header("purchase", t("assets.columns.purchase"))}
            {header("warranty", t("assets.columns.warranty"))}
            {header("updated", t("assets.columns.updated"))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((asset) => {
            const isChecked = selection?.ids.has(asset.id) ?? false;
            return (
              <Table.Tr key={asset.id} bg={isChecked ? "var(--mantine-color-violet-light)" : undefined}>
                {selection && (
                  <Table.Td>
                    <Checkbox aria-label={t("assets.selectOne", { tag: asset.assetTag })} size="xs" checked={isChecked}
                      onChange={() => selection.toggle(asset.id)} />
                  </Table.Td>
                )}
                <Table.Td className="nowrap mono">
                  <Anchor component={Link} to={`/assets/${asset.id}`} fz="sm">{asset.assetTag}</Anchor>
                </Table.Td>
                <Table.Td miw={160}>{asset.name}</Table.Td>
                <Table.Td className="nowrap">{kindName({ code: asset.kindCode, name: asset.kindName })}</Table.Td>
                <Table.Td><AssetStatusBadge status={asset.status} /></Table.Td>
                <Table.Td className="nowrap">{asset.userName ?? "—"}</Table.Td>
                <Table.Td miw={200}>{asset.locationName ?? "—"}</Table.Td>
                <Table.Td miw={150}>{[asset.manufacturerName, asset.modelName].filter(Boolean).join(" ") || "—"}</Table.Td>
                <Table.Td className="nowrap">{formatDay(asset.purchaseDate, i18n.language)}</Table.Td>
                <Table.Td className="nowrap">
                  {asset.warrantyEnd ? (
                    <Text span fz="sm" mr={6}>{formatDay(asset.warrantyEnd, i18n.language)}</Text>
                  ) : null}
                  {asset.warrantyEnd && <WarrantyBadge warrantyEnd={asset.warrantyEnd} size="xs" />}
                  {!asset.warrantyEnd && "—"}
                </Table.Td>
                <Table.Td className="nowrap">{format.dateTime(asset.updatedAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
