import { ActionIcon, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MATCHER_MODES, type MatcherMode, type RuleDraft, type RuleErrorKey, type RuleErrors } from "./rules-form.js";

type Props = {
  draft: RuleDraft;
  index: number;
  count: number;
  errors: RuleErrors;
  readOnly: boolean;
  onChange: (draft: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

/** One rule: what it recognises (name and/or publisher, exactly or by expression) and what it sets. */
export function RuleCard({ draft, index, count, errors, readOnly, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const modes = MATCHER_MODES.map((value) => ({ value, label: t(`software.rules.matchers.${value}`) }));
  const error = (key: RuleErrorKey | undefined) => (key ? t(key) : undefined);
  const matcher = (field: "name" | "publisher") => {
    const mode = field === "name" ? draft.nameMode : draft.publisherMode;
    const value = field === "name" ? draft.name : draft.publisher;
    return (
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NativeSelect label={t(field === "name" ? "software.rules.whenName" : "software.rules.whenPublisher")} data={modes} value={mode} w={210}
          disabled={readOnly} onChange={(e) => set(field === "name" ? { nameMode: e.currentTarget.value as MatcherMode } : { publisherMode: e.currentTarget.value as MatcherMode })} />
        <TextInput label={t(field === "name" ? "software.rules.nameValue" : "software.rules.publisherValue")} value={value} style={{ flex: 1, minWidth: 160 }}
          disabled={readOnly || mode === "any"} error={error(errors[field])} classNames={mode === "regex" ? { input: "mono" } : undefined}
          onChange={(e) => set(field === "name" ? { name: e.currentTarget.value } : { publisher: e.currentTarget.value })} />
      </Group>
    );
  };
  return (
    <Paper withBorder p="sm" role="group" aria-label={t("software.rules.rule", { n })}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t("software.rules.rule", { n })}</Text>
        {!readOnly && (
          <Group gap={4}>
            <ActionIcon variant="default" aria-label={t("software.rules.moveUp", { n })} disabled={index === 0} onClick={() => onMove(-1)}>↑</ActionIcon>
            <ActionIcon variant="default" aria-label={t("software.rules.moveDown", { n })} disabled={index === count - 1} onClick={() => onMove(1)}>↓</ActionIcon>
            <ActionIcon variant="default" color="red" aria-label={t("software.rules.remove", { n })} onClick={onRemove}>✕</ActionIcon>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {matcher("name")}
        {matcher("publisher")}
        <TextInput label={t("software.rules.setName")} description={t("software.rules.keep")} value={draft.setName} disabled={readOnly}
          error={error(errors.setName)} onChange={(e) => set({ setName: e.currentTarget.value })} />
        <TextInput label={t("software.rules.setPublisher")} description={t("software.rules.keep")} value={draft.setPublisher} disabled={readOnly}
          error={error(errors.setPublisher)} onChange={(e) => set({ setPublisher: e.currentTarget.value })} />
      </SimpleGrid>
    </Paper>
  );
}
