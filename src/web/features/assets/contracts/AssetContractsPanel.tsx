import { Anchor, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ContractBadges, useDayFormat, useMoneyFormat } from "./contract-ui.js";
import { useAssetContracts } from "./useContracts.js";

/** The contracts covering one asset, for the asset page's "financial & contracts" tab. */
export function AssetContractsPanel({ assetId }: { assetId: number }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const money = useMoneyFormat();
  const contracts = useAssetContracts(assetId);
  return (
    <section aria-labelledby={`asset-contracts-${assetId}`}>
      <Text id={`asset-contracts-${assetId}`} fw={600} mb="xs">{t("contracts.assetPanel.title")}</Text>
      <ApiErrorAlert error={contracts.error} />
      {contracts.isPending ? <Skeleton h={60} /> : (contracts.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">{t("contracts.assetPanel.empty")}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {(contracts.data ?? []).map((c) => (
            <li key={c.id}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/contracts/${c.id}`} fw={500}>{c.name}</Anchor>
                <Text size="sm" c="dimmed">
                  {[t(`contracts.types.${c.contractType}`), c.supplierName, t("contracts.assetPanel.ends", { date: day(c.endDate) }),
                    c.yearlyCostCents === null ? null : money(c.yearlyCostCents)].filter(Boolean).join(" · ")}
                </Text>
                <ContractBadges contract={c} />
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </section>
  );
}
