import { Button, Group, Paper, Skeleton, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PortalCategory } from "../../../shared/api/categories.js";
import { PortalCategoryPicker } from "./PortalCategoryPicker.js";
import { usePortalCategories } from "./useCategories.js";

/** Not chosen yet (undefined), "other / I don't know" (null), or a portal category. */
export type PortalChoice = PortalCategory | null | undefined;

/**
 * First what it is about, then the form (`children`). Without any portal category (a new
 * install, or the list failed to load) the form comes at once: nobody is ever stuck here.
 */
export function PortalCategoryStep({ choice, onChoose, children }: { choice: PortalChoice; onChoose: (choice: PortalChoice) => void; children: ReactNode }) {
  const { t } = useTranslation();
  const portal = usePortalCategories();
  const choices = portal.data ?? [];
  if (portal.isPending) return <Skeleton h={240} radius="md" />;
  if (choices.length === 0) return children;
  if (choice === undefined) {
    return (
      <Paper withBorder radius="md" p="md">
        <PortalCategoryPicker choices={choices} onPick={onChoose} />
      </Paper>
    );
  }
  return (
    <>
      <Paper withBorder radius="md" px="md" py="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {t("portalCategories.chosen")}
            </Text>
            <Text fw={600} size="sm">
              {choice ? choice.label : t("portalCategories.other")}
            </Text>
          </div>
          <Button variant="subtle" size="xs" onClick={() => onChoose(undefined)}>
            {t("portalCategories.change")}
          </Button>
        </Group>
      </Paper>
      {children}
    </>
  );
}
