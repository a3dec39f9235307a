import { Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SoftwareRule } from "../../../../shared/api/software.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { usePreviewSoftware } from "./useSoftware.js";

/**
 * "Try it": a software as an agent sends it, run through the rules being edited (saved or not),
 * so the admin sees what the catalogue would list before saving. `rules` is undefined while a rule
 * in the editor is incomplete.
 */
export function RulePreview({ rules, onInvalid }: { rules: SoftwareRule[] | undefined; onInvalid: () => void }) {
  const { t } = useTranslation();
  const [entry, setEntry] = useState({ name: "", publisher: "", version: "" });
  const preview = usePreviewSoftware();

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!rules) return onInvalid();
    preview.mutate({ name: entry.name, publisher: entry.publisher || undefined, version: entry.version || undefined, rules });
  };
  const result = preview.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="software-rule-try">
      <Title order={2} fz="h4" id="software-rule-try">{t("software.rules.tryTitle")}</Title>
      <Text c="dimmed" fz="sm" mb="sm">{t("software.rules.tryHelp")}</Text>
      <form onSubmit={handleSubmit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t("software.rules.tryName")} required value={entry.name} w={{ base: "100%", sm: 300 }}
            onChange={(e) => setEntry({ ...entry, name: e.currentTarget.value })} />
          <TextInput label={t("software.rules.tryPublisher")} value={entry.publisher} w={{ base: "100%", sm: 220 }}
            onChange={(e) => setEntry({ ...entry, publisher: e.currentTarget.value })} />
          <TextInput label={t("software.rules.tryVersion")} value={entry.version} w={{ base: "100%", sm: 140 }}
            onChange={(e) => setEntry({ ...entry, version: e.currentTarget.value })} />
          <Button type="submit" variant="default" loading={preview.isPending}>{t("software.rules.tryButton")}</Button>
        </Group>
      </form>
      <ApiErrorAlert error={preview.error} />
      {result && (
        <Stack gap={2} mt="sm" aria-live="polite" data-testid="software-rule-result">
          <Text fz="sm" c="dimmed">{t("software.rules.tryResult")}</Text>
          {result.result ? (
            <Text fw={600}>
              {result.result.name} · {result.result.publisher || t("software.noPublisher")} · {result.result.version || t("software.noVersion")}
            </Text>
          ) : <Text>{t("software.rules.tryNoName")}</Text>}
          <Text fz="sm" c="dimmed">
            {result.ruleIndex === null ? t("software.rules.tryBuiltIn") : t("software.rules.tryByRule", { n: result.ruleIndex + 1 })}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}
