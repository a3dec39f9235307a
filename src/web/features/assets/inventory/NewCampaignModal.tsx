import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useFormat } from "../../../i18n/format.js";
import { LocationSelect } from "../references/LocationSelect.js";
import { InventoryErrorAlert } from "./inventory-ui.js";
import { useCreateCampaign } from "./useInventory.js";

/** A name (prefilled with the date) and the location to walk; the campaign page opens next, ready to scan. */
export function NewCampaignModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [name, setName] = useState(() => t("inventory.defaultName", { date: format.date(new Date().toISOString()) }));
  const [locationId, setLocationId] = useState<number | null>(null);
  const [tried, setTried] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || locationId === null) return;
    const campaign = await create.mutateAsync({ name: name.trim(), locationId }).catch(() => undefined);
    if (campaign) void navigate(`/inventory/${campaign.id}`);
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t("inventory.new")}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="sm">
          <TextInput label={t("inventory.name")} required value={name} onChange={(event) => setName(event.currentTarget.value)}
            error={tried && !name.trim() ? t("inventory.nameRequired") : undefined} data-autofocus />
          <LocationSelect label={t("inventory.location")} required value={locationId} onChange={setLocationId}
            error={tried && locationId === null ? t("inventory.locationRequired") : undefined} />
          <InventoryErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={create.isPending}>{t("inventory.start")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
