import { Checkbox, Skeleton, Table, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AssetSummary } from "../../../../shared/api/assets.js";
import type { AssetColumn } from "../../../../shared/domain/asset-columns.js";
import type { Selection } from "../../tickets/queue/useQueue.js";
import { AssetCell } from "./AssetCell.js";
import { SORTABLE_COLUMNS } from "./asset-columns.js";

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
  /** The columns chosen, in the list's order. */
  columns: AssetColumn[];
  isPending: boolean;
  isError: boolean;
  sort: SortState;
  onSort: (next: SortState) => void;
  /** Null for someone who may not change assets: no checkboxes. */
  selection: Selection | null;
};

export function AssetTable({ items, columns, isPending, isError, sort, onSort, selection }: AssetTableProps) {
  const { t } = useTranslation();
  if (isPending) return <Skeleton h={240} />;
  if (isError) return null;
  if (items.length === 0) return <Text c="dimmed" py="xl" ta="center">{t("assets.empty")}</Text>;
  const pageIds = items.map((asset) => asset.id);
  const checkedOnPage = selection ? pageIds.filter((id) => selection.ids.has(id)).length : 0;
  const header = (column: AssetColumn) => {
    const label = t(`assets.columns.${column}`);
    const sortable = SORTABLE_COLUMNS[column];
    if (sortable) return <SortHeader key={column} label={label} column={sortable} state={sort} onSort={onSort} />;
    return <Table.Th key={column} className={column === "value" ? "nowrap" : undefined}>{label}</Table.Th>;
  };
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
            {columns.map(header)}
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
                {columns.map((column) => <AssetCell key={column} column={column} asset={asset} columns={columns} />)}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
