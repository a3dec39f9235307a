import { Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/PageHeader.js";
import { KindsPanel } from "./KindsPanel.js";
import { ManufacturersPanel } from "./ManufacturersPanel.js";
import { ModelsPanel } from "./ModelsPanel.js";
import { useCatalogRights } from "./useReferences.js";

/** The global catalogue: kinds with their fields, manufacturers, models. Changing it is for supervisors. */
export function CatalogPage() {
  const { t } = useTranslation();
  // The catalogue is global: changing it takes asset.manage at the root, which the server tells.
  const mayWrite = useCatalogRights();
  return (
    <>
      <PageHeader title={t("assetRefs.catalog.title")} description={t("assetRefs.catalog.description")} />
      {!mayWrite && <Text size="sm" c="dimmed" mb="sm">{t("assetRefs.common.readOnly")}</Text>}
      <Tabs defaultValue="kinds" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="kinds">{t("assetRefs.catalog.tabKinds")}</Tabs.Tab>
          <Tabs.Tab value="manufacturers">{t("assetRefs.catalog.tabManufacturers")}</Tabs.Tab>
          <Tabs.Tab value="models">{t("assetRefs.catalog.tabModels")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="kinds"><KindsPanel mayWrite={mayWrite} /></Tabs.Panel>
        <Tabs.Panel value="manufacturers"><ManufacturersPanel mayWrite={mayWrite} /></Tabs.Panel>
        <Tabs.Panel value="models"><ModelsPanel mayWrite={mayWrite} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
