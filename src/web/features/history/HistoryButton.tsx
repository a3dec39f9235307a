import { Button, Drawer } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { HistoryRecordType } from "../../../shared/api/history.js";
import { HistoryTab, type HistoryWording } from "./HistoryTab.js";

/** "History" beside a setting in a list: who changed it, when and what, in a side panel. */
export function HistoryButton({ recordType, id, name, wording }: { recordType: HistoryRecordType; id: number; name: string; wording?: HistoryWording }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" variant="subtle" onClick={open} aria-label={t("history.of", { name })}>{t("history.title")}</Button>
      <Drawer opened={opened} onClose={close} position="right" size="xl" title={t("history.of", { name })}>
        {opened && <HistoryTab recordType={recordType} id={id} wording={wording} />}
      </Drawer>
    </>
  );
}
