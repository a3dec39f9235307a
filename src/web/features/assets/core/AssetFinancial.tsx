import { Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Asset } from "../../../../shared/api/assets.js";
import { AssetContractsPanel } from "./external.js";
import { FieldGrid } from "./AssetOverview.js";
import { WarrantyBadge, formatDay, formatMoney } from "./asset-ui.js";

/** What it cost, what it is worth now, until when it is covered, and its contracts. */
export function AssetFinancial({ asset }: { asset: Asset }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <FieldGrid items={[
          [t("assets.fields.supplier"), asset.supplierName],
          [t("assets.fields.orderNumber"), asset.orderNumber],
          [t("assets.fields.invoiceNumber"), asset.invoiceNumber],
          [t("assets.fields.purchaseDate"), asset.purchaseDate && formatDay(asset.purchaseDate, lang)],
          [t("assets.fields.price"), asset.priceCents !== null && formatMoney(asset.priceCents, lang)],
          [t("assets.fields.currentValue"), asset.currentValueCents !== null && (
            <span>
              {formatMoney(asset.currentValueCents, lang)}
              {asset.depreciationYears !== null && (
                <Text span size="xs" c="dimmed" display="block">{t("assets.valueNote", { years: asset.depreciationYears })}</Text>
              )}
            </span>
          )],
          [t("assets.fields.warrantyStart"), asset.warrantyStart && formatDay(asset.warrantyStart, lang)],
          [t("assets.fields.warrantyMonths"), asset.warrantyMonths],
          [t("assets.fields.warrantyEnd"), (
            <Group gap={6} component="span">
              <span>{formatDay(asset.warrantyEnd, lang)}</span>
              <WarrantyBadge warrantyEnd={asset.warrantyEnd} size="xs" />
            </Group>
          )],
        ]} />
      </Paper>
      <AssetContractsPanel assetId={asset.id} />
    </Stack>
  );
}
