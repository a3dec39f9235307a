import { Button, Group, Modal, Radio, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { InventoryImport } from "../../../../shared/api/inventory-agents.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { useAssetList } from "../core/useAssets.js";
import { useAttachImport } from "./useAgents.js";

/**
 * For a refused inventory: the asset it is (found by tag, serial or name), or a new asset. The
 * inventory is then stored as the import rules would have, and the log says who chose.
 */
export function AttachImportModal({ entry, onClose }: { entry: InventoryImport; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const attach = useAttachImport();
  const [target, setTarget] = useState<"existing" | "new">("existing");
  const [assetId, setAssetId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const list = useAssetList({ q: debounced || undefined, limit: 20 }, target === "existing" && debounced.length > 0);
  const options = list.items.map((a) => ({ value: String(a.id), label: `${a.assetTag} · ${a.name}${a.serial ? ` · ${a.serial}` : ""}` }));
  const ready = target === "new" || assetId !== null;

  const submit = () => attach.mutate({ entryId: entry.id, assetId: target === "new" ? null : Number(assetId) }, {
    onSuccess: (result) => {
      notifications.show({ color: "green", message: t(result.created ? "agents.attach.created" : "agents.attach.done") });
      onClose();
      void navigate(`/assets/${result.assetId}?tab=inventory`);
    },
  });

  return (
    <Modal opened onClose={onClose} title={t("agents.attach.title", { device: entry.deviceId ?? "—" })} size="lg">
      <Stack>
        <Text size="sm">{entry.detail}</Text>
        <Radio.Group value={target} onChange={(value) => setTarget(value as "existing" | "new")} label={t("agents.attach.question")}>
          <Stack gap="xs" mt="xs">
            <Radio value="existing" label={t("agents.attach.existing")} />
            <Radio value="new" label={t("agents.attach.new")} />
          </Stack>
        </Radio.Group>
        {target === "existing" && (
          <Select label={t("agents.attach.asset")} placeholder={t("agents.attach.assetPlaceholder")} data={options} value={assetId}
            onChange={setAssetId} searchable searchValue={search} onSearchChange={setSearch} filter={({ options: all }) => all}
            nothingFoundMessage={debounced ? (list.isFetching ? t("common.loading") : t("common.nothingFound")) : undefined} />
        )}
        <ApiErrorAlert error={attach.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
          <Button onClick={submit} loading={attach.isPending} disabled={!ready}>{t("agents.attach.submit")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
