import { Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LABELS_MAX, LABELS_PER_SHEET, LABEL_LAYOUTS, type LabelLayout } from "../../../../shared/api/inventory.js";
import { useFormat } from "../../../i18n/format.js";
import { InventoryErrorAlert } from "./inventory-ui.js";
import { downloadLabels } from "./useInventory.js";

const LAYOUT_KEY = "vigie.labelLayout";

function rememberedLayout(): LabelLayout {
  const saved = localStorage.getItem(LAYOUT_KEY);
  return LABEL_LAYOUTS.find((l) => l === saved) ?? "L7160";
}

/** "Print labels" for the given assets: pick the sheet, get the PDF. The sheet chosen is remembered. */
export function PrintLabelsButton({ assetIds }: { assetIds: number[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, { open, close }] = useDisclosure(false);
  const [layout, setLayout] = useState<LabelLayout>(rememberedLayout);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const count = assetIds.length;
  const sheets = Math.ceil(count / LABELS_PER_SHEET[layout]);

  async function handleDownload() {
    setBusy(true);
    setError(null);
    try {
      localStorage.setItem(LAYOUT_KEY, layout);
      await downloadLabels(assetIds, layout);
      close();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="default" size="xs" onClick={() => { setError(null); open(); }} disabled={count === 0 || count > LABELS_MAX}>
        {t("inventory.labels.button", { count })}
      </Button>
      <Modal opened={opened} onClose={close} title={t("inventory.labels.title")}>
        <Stack gap="sm">
          <Radio.Group label={t("inventory.labels.layout")} value={layout} onChange={(value) => setLayout(value as LabelLayout)}>
            <Stack gap="xs" mt="xs">
              {LABEL_LAYOUTS.map((l) => (
                <Radio key={l} value={l} label={t(`inventory.labels.layouts.${l}`)} description={t("inventory.labels.perSheet", { count: LABELS_PER_SHEET[l] })} />
              ))}
            </Stack>
          </Radio.Group>
          <Text size="sm">{t("inventory.labels.summary", { count, value: format.number(count), sheets: format.number(sheets) })}</Text>
          <InventoryErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t("common.cancel")}</Button>
            <Button onClick={() => void handleDownload()} loading={busy}>{t("inventory.labels.download")}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
