import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AssetSummary } from "../../../../shared/api/assets.js";
import type { AssetColumn } from "../../../../shared/domain/asset-columns.js";
import { useFormat } from "../../../i18n/format.js";
import { useKindName } from "../references/kind-name.js";
import { AssetStatusBadge, WarrantyBadge, formatDay, formatMoney } from "./asset-ui.js";

/** Short values that should not wrap; the others get a minimum width instead. */
const NOWRAP: readonly AssetColumn[] = ["tag", "kind", "user", "serial", "entity", "purchase", "warranty", "value", "updated"];
const MIN_WIDTH: Partial<Record<AssetColumn, number>> = { name: 160, location: 200, model: 150 };

export function assetCellProps(column: AssetColumn) {
  return { className: NOWRAP.includes(column) ? "nowrap" : undefined, miw: MIN_WIDTH[column] };
}

/**
 * One cell of the asset list: what each column shows of an asset. Without the manufacturer
 * column, the model says who makes it ("Dell Latitude 5440"), as the list always did.
 */
export function AssetCell({ column, asset, columns }: { column: AssetColumn; asset: AssetSummary; columns: readonly AssetColumn[] }) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const kindName = useKindName();
  const content = (() => {
    switch (column) {
      case "tag": return <Anchor component={Link} to={`/assets/${asset.id}`} fz="sm" className="mono">{asset.assetTag}</Anchor>;
      case "name": return asset.name;
      case "kind": return kindName({ code: asset.kindCode, name: asset.kindName });
      case "status": return <AssetStatusBadge status={asset.status} />;
      case "user": return asset.userName ?? "—";
      case "group": return asset.groupName ?? "—";
      case "location": return asset.locationName ?? "—";
      case "manufacturer": return asset.manufacturerName ?? "—";
      case "model": {
        const parts = columns.includes("manufacturer") ? [asset.modelName] : [asset.manufacturerName, asset.modelName];
        return parts.filter(Boolean).join(" ") || "—";
      }
      case "serial": return asset.serial ? <span className="mono">{asset.serial}</span> : "—";
      case "entity": return asset.entityName;
      case "purchase": return formatDay(asset.purchaseDate, i18n.language);
      case "warranty":
        if (!asset.warrantyEnd) return "—";
        return (
          <>
            <Text span fz="sm" mr={6}>{formatDay(asset.warrantyEnd, i18n.language)}</Text>
            <WarrantyBadge warrantyEnd={asset.warrantyEnd} size="xs" />
          </>
        );
      case "value": return asset.currentValueCents === null ? "—" : formatMoney(asset.currentValueCents, i18n.language);
      case "updated": return format.dateTime(asset.updatedAt);
    }
  })();
  return <Table.Td {...assetCellProps(column)}>{content}</Table.Td>;
}
