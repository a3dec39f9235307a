import { Button, Select, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useScriptChoices } from "./useScripts.js";

/** Picks an active script by name (the user's language first) and starts it. */
export function ScriptPicker({ onStart, busy }: { onStart: (scriptId: number) => void; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const choices = useScriptChoices();
  const [value, setValue] = useState<string | null>(null);
  const lang = i18n.language.startsWith("en") ? "en" : "fr";
  const scripts = (choices.data?.data ?? []).filter((s) => s.isActive)
    .sort((a, b) => Number(b.language === lang) - Number(a.language === lang));
  const data = ([lang, lang === "fr" ? "en" : "fr"] as const).map((l) => ({
    group: t(`scripts.languages.${l}`), items: scripts.filter((s) => s.language === l).map((s) => ({ value: String(s.id), label: s.name })),
  })).filter((g) => g.items.length > 0);
  return (
    <Stack gap="xs">
      <Select label={t("scripts.run.pick")} placeholder={t("scripts.run.pickPlaceholder")} data={data} value={value} onChange={setValue}
        searchable nothingFoundMessage={t("scripts.run.noScript")} comboboxProps={{ withinPortal: true }}
        onKeyDown={(event) => { if (event.key === "Enter" && value && !event.defaultPrevented) onStart(Number(value)); }} />
      <Button onClick={() => value && onStart(Number(value))} disabled={!value} loading={busy} w="fit-content">{t("scripts.run.start")}</Button>
    </Stack>
  );
}
