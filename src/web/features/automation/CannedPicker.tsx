import { Button, Group, Paper, Popover, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useCannedList, useRenderCanned } from "./useAutomation.js";

/**
 * "Canned response" beside the followup box: pick one, see it with the ticket's values in place
 * of its placeholders, insert it where the technician goes on typing.
 */
export function CannedPicker({ ticketId, onInsert }: { ticketId: number; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const list = useCannedList(ticketId, opened);
  const render = useRenderCanned();
  const [chosen, setChosen] = useState<string | null>(null);
  const choose = (value: string | null) => {
    setChosen(value);
    if (value) render.mutate({ id: Number(value), ticketId });
  };
  return (
    <Group gap="xs">
      <Popover opened={opened} onChange={setOpened} position="bottom-start" width={420} shadow="md" trapFocus>
        <Popover.Target>
          <Button variant="light" size="xs" onClick={() => setOpened((o) => !o)}>{t("automation.cannedPicker.button")}</Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Select label={t("automation.cannedPicker.label")} placeholder={t("automation.cannedPicker.placeholder")} searchable value={chosen}
              nothingFoundMessage={t("automation.cannedPicker.none")} comboboxProps={{ withinPortal: false }}
              data={(list.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))} onChange={choose} />
            <ApiErrorAlert error={list.error ?? render.error} />
            {render.data && chosen && (
              <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)" aria-label={t("automation.cannedPicker.preview")}>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{render.data.content}</Text>
              </Paper>
            )}
            <Group justify="flex-end">
              <Button size="xs" disabled={!render.data || !chosen} onClick={() => {
                if (render.data) onInsert(render.data.content);
                setOpened(false);
                setChosen(null);
                render.reset();
              }}>{t("automation.cannedPicker.insert")}</Button>
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
