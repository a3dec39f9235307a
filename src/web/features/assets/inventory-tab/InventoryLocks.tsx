import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { lockLabel } from "./inventory-format.js";
import { useUnlockField } from "./useAssetInventory.js";

/** The fields a person edited, which inventories leave alone, each with a way to hand it back to them. */
export function InventoryLocks({ assetId, locks, mayWrite }: { assetId: number; locks: string[]; mayWrite: boolean }) {
  const { t } = useTranslation();
  const unlock = useUnlockField(assetId);
  if (locks.length === 0) return null;
  const handleUnlock = (field: string) => unlock.mutate(field, {
    onSuccess: () => notifications.show({ color: "green", message: t("assetInventory.locks.unlocked", { field: lockLabel(field, t) }) }),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="inventory-locks-title">
      <Title order={3} fz="sm" tt="uppercase" c="dimmed" mb={4} id="inventory-locks-title">{t("assetInventory.locks.title")}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t("assetInventory.locks.help")}</Text>
      <ApiErrorAlert error={unlock.error} />
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {locks.map((field) => (
          <Group component="li" key={field} gap="sm" wrap="nowrap" justify="space-between" maw={420}>
            <Text size="sm">{lockLabel(field, t)}</Text>
            {mayWrite && (
              <Button size="compact-sm" variant="default" loading={unlock.isPending && unlock.variables === field}
                aria-label={t("assetInventory.locks.unlockLabel", { field: lockLabel(field, t) })} onClick={() => handleUnlock(field)}>
                {t("assetInventory.locks.unlock")}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
