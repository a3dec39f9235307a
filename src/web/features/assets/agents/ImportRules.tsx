import { ActionIcon, Badge, Button, Chip, Group, List, Paper, Skeleton, Stack, Switch, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MATCH_CRITERIA, MATCH_RULES_MAX, type MatchCriterion, type MatchRule } from "../../../../shared/api/inventory-settings.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { useMatchRules, useResetMatchRules, useSaveMatchRules } from "./useAgents.js";

/** "numéro de série + UUID": a rule's criteria in the reader's language. */
export function useRuleLabel() {
  const { t } = useTranslation();
  return (criteria: readonly string[]) => criteria.map((c) => t(`agents.criteria.${c as MatchCriterion}`, { defaultValue: c })).join(" + ");
}

/**
 * The ordered import rules that decide which asset an inventory updates. Everyone who reads the
 * fleet sees them (they explain the journal); an admin of the root entity edits them.
 */
export function ImportRules() {
  const { t } = useTranslation();
  const rules = useMatchRules();
  return (
    <Stack gap="md" maw={860}>
      <Paper withBorder p="sm" component="section" aria-labelledby="rules-how">
        <Text fw={600} id="rules-how">{t("agents.rules.intro")}</Text>
        <List size="sm" spacing={2} mt={4}>
          <List.Item>{t("agents.rules.howFirst")}</List.Item>
          <List.Item>{t("agents.rules.howAmbiguous")}</List.Item>
          <List.Item>{t("agents.rules.howSerial")}</List.Item>
          <List.Item>{t("agents.rules.howCreate")}</List.Item>
        </List>
      </Paper>
      <ApiErrorAlert error={rules.error} />
      {rules.isPending ? <Skeleton h={240} /> : rules.data && (
        <>
          {rules.data.isDefault && <Badge variant="light" color="gray">{t("agents.rules.isDefault")}</Badge>}
          {rules.data.canManage
            // Remounted on every saved version, so the draft starts again from what the server holds.
            ? <RulesEditor key={JSON.stringify(rules.data.rules)} saved={rules.data.rules} isDefault={rules.data.isDefault} />
            : <RulesView rules={rules.data.rules} />}
        </>
      )}
    </Stack>
  );
}

function RulesView({ rules }: { rules: MatchRule[] }) {
  const { t } = useTranslation();
  const label = useRuleLabel();
  return (
    <>
      <List type="ordered" aria-label={t("agents.rules.title")}>
        {rules.map((rule) => (
          <List.Item key={label(rule.criteria)}>
            {label(rule.criteria)}
            {!rule.enabled && <Text span c="dimmed"> ({t("agents.rules.off")})</Text>}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">{t("agents.rules.readOnly")}</Text>
    </>
  );
}

type DraftRule = MatchRule & { key: number };

/** Per rule, what is wrong with it: no criterion, or the same ones as an earlier rule (which would always decide first). */
function problemsOf(rules: DraftRule[], t: TFunction): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const id = [...rule.criteria].sort().join("+");
    const first = seen.get(id);
    if (rule.criteria.length === 0) problems.set(rule.key, t("agents.rules.noCriteria"));
    else if (first !== undefined) problems.set(rule.key, t("agents.rules.sameAs", { n: first + 1 }));
    else seen.set(id, index);
  });
  return problems;
}

function RulesEditor({ saved, isDefault }: { saved: MatchRule[]; isDefault: boolean }) {
  const { t } = useTranslation();
  const save = useSaveMatchRules();
  const reset = useResetMatchRules();
  const [nextKey, setNextKey] = useState(saved.length);
  const [draft, setDraft] = useState<DraftRule[]>(() => saved.map((rule, key) => ({ ...rule, key })));
  const [checked, setChecked] = useState(false);
  const problems = problemsOf(draft, t);

  const change = (key: number, patch: Partial<MatchRule>) => setDraft((rules) => rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => setDraft((rules) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    if (rule) next.splice(index + by, 0, rule);
    return next;
  });

  function handleSave() {
    setChecked(true);
    if (problems.size > 0) return;
    save.mutate(draft.map(({ criteria, enabled }) => ({ criteria, enabled })), {
      onSuccess: () => notifications.show({ color: "green", message: t("agents.rules.saved") }),
    });
  }

  return (
    <Stack gap="sm">
      <ApiErrorAlert error={save.error} />
      {draft.length === 0 && <Text c="orange">{t("agents.rules.empty")}</Text>}
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("agents.rules.title")}>
        {draft.map((rule, index) => {
          const n = index + 1;
          const problem = checked ? problems.get(rule.key) : undefined;
          return (
            <Paper key={rule.key} component="li" withBorder p="xs" data-testid="import-rule">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Group gap="sm" wrap="wrap">
                  <Text fw={600} w={70}>{t("agents.rules.rule", { n })}</Text>
                  <Chip.Group multiple value={rule.criteria}
                    onChange={(value) => change(rule.key, { criteria: MATCH_CRITERIA.filter((c) => value.includes(c)) })}>
                    <Group gap={6} role="group" aria-label={t("agents.rules.criteriaOf", { n })}>
                      {MATCH_CRITERIA.map((c) => <Chip key={c} value={c} size="sm">{t(`agents.criteria.${c}`)}</Chip>)}
                    </Group>
                  </Chip.Group>
                </Group>
                <Group gap={6} wrap="nowrap">
                  <Switch label={t("agents.rules.enabled")} aria-label={t("agents.rules.enabledOf", { n })} checked={rule.enabled}
                    onChange={(e) => change(rule.key, { enabled: e.currentTarget.checked })} />
                  <ActionIcon variant="default" aria-label={t("agents.rules.moveUp", { n })} disabled={index === 0} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon variant="default" aria-label={t("agents.rules.moveDown", { n })} disabled={index === draft.length - 1}
                    onClick={() => move(index, 1)}>
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" aria-label={t("agents.rules.remove", { n })}
                    onClick={() => setDraft((rules) => rules.filter((r) => r.key !== rule.key))}>
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                </Group>
              </Group>
              {problem && <Text c="red" size="sm" mt={4} role="alert">{problem}</Text>}
            </Paper>
          );
        })}
      </Stack>
      <Group justify="space-between">
        <Button variant="default" disabled={draft.length >= MATCH_RULES_MAX} onClick={() => {
          setDraft((rules) => [...rules, { key: nextKey, criteria: [], enabled: true }]);
          setNextKey((k) => k + 1);
        }}>
          {t("agents.rules.add")}
        </Button>
        <Group gap="xs">
          {!isDefault && (
            <ConfirmButton label={t("agents.rules.reset")} title={t("agents.rules.resetTitle")} message={t("agents.rules.resetMessage")}
              confirmLabel={t("agents.rules.reset")} loading={reset.isPending} error={reset.error} onOpen={() => reset.reset()}
              buttonProps={{ size: "sm" }}
              onConfirm={() => reset.mutateAsync().then(() => notifications.show({ color: "green", message: t("agents.rules.resetDone") }))} />
          )}
          <Button onClick={handleSave} loading={save.isPending}>{t("agents.rules.save")}</Button>
        </Group>
      </Group>
    </Stack>
  );
}
