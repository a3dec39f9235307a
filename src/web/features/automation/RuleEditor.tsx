import { Alert, Badge, Button, Checkbox, Divider, Group, List, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RULE_TRIGGERS, type Rule, type RuleAction, type RuleCondition, type RuleTestResult } from "../../../shared/api/automation.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { RichText } from "../tickets/ticket-ui.js";
import { ActionEditor, ConditionEditor, newAction, newCondition } from "./RuleParts.js";
import { useSaveRule, useTestRule } from "./useAutomation.js";

type Form = {
  name: string; description: string; entityId: number | null; isRecursive: boolean; trigger: Rule["trigger"]; matchMode: Rule["matchMode"];
  conditions: RuleCondition[]; actions: RuleAction[]; stopFurther: boolean; isActive: boolean;
};

function initial(rule?: Rule): Form {
  return {
    name: rule?.name ?? "", description: rule?.description ?? "", entityId: rule?.entityId ?? null, isRecursive: rule?.isRecursive ?? true,
    trigger: rule?.trigger ?? "created", matchMode: rule?.matchMode ?? "all", conditions: rule?.conditions ?? [newCondition("title")],
    actions: rule?.actions ?? [newAction("assignGroup")], stopFurther: rule?.stopFurther ?? false, isActive: rule?.isActive ?? false,
  };
}

const replaceAt = <T,>(list: T[], index: number, item: T) => list.map((x, i) => (i === index ? item : x));

/** Writes a rule: when, on which conditions, doing what; tests it on a ticket before it is enabled. */
export function RuleEditor({ rule, onDone }: { rule?: Rule; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => initial(rule));
  const save = useSaveRule();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = () => {
    const common = { name: form.name, description: form.description || null, isRecursive: form.isRecursive, trigger: form.trigger,
      matchMode: form.matchMode, conditions: form.conditions, actions: form.actions, stopFurther: form.stopFurther, isActive: form.isActive };
    const body = rule ? { ...common, version: rule.version } : { ...common, entityId: form.entityId ?? 0 };
    save.mutate({ id: rule?.id, body }, { onSuccess: () => { notifications.show({ color: "green", message: t("automation.saved") }); onDone(); } });
  };

  return (
    <Stack gap="md" component="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <TextInput label={t("automation.rules.name")} required value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} maxLength={120} />
      <Textarea label={t("automation.rules.descriptionField")} autosize minRows={1} value={form.description} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Group align="flex-end" wrap="wrap">
        {rule ? <TextInput label={t("automation.entity")} readOnly value={rule.entityName} miw={260} />
          : <EntitySelect label={t("automation.entity")} required value={form.entityId} onChange={(entityId) => set({ entityId })} />}
        <Checkbox label={t("automation.recursive")} checked={form.isRecursive} onChange={(e) => set({ isRecursive: e.currentTarget.checked })} mb={8} />
      </Group>
      <Select label={t("automation.rules.trigger")} allowDeselect={false} value={form.trigger} w={280}
        data={RULE_TRIGGERS.map((v) => ({ value: v, label: t(`automation.triggers.${v}`) }))} onChange={(v) => v && set({ trigger: v as Rule["trigger"] })} />

      <Divider />
      <Group justify="space-between" wrap="wrap">
        <Title order={4}>{t("automation.conditions.title")}</Title>
        <SegmentedControl size="xs" value={form.matchMode} onChange={(v) => set({ matchMode: v as Rule["matchMode"] })}
          data={[{ value: "all", label: t("automation.matchAll") }, { value: "any", label: t("automation.matchAny") }]} />
      </Group>
      {form.conditions.length === 0 && <Text size="sm" c="dimmed">{t("automation.conditions.none")}</Text>}
      {form.conditions.map((c, i) => (
        <ConditionEditor key={i} index={i} condition={c} onChange={(next) => set({ conditions: replaceAt(form.conditions, i, next) })}
          onRemove={() => set({ conditions: form.conditions.filter((_, j) => j !== i) })} />
      ))}
      <Button variant="light" w="fit-content" onClick={() => set({ conditions: [...form.conditions, newCondition("category")] })}>{t("automation.conditions.add")}</Button>

      <Divider />
      <Title order={4}>{t("automation.actions.title")}</Title>
      {form.actions.map((a, i) => (
        <ActionEditor key={i} index={i} action={a} onChange={(next) => set({ actions: replaceAt(form.actions, i, next) })}
          onRemove={() => set({ actions: form.actions.filter((_, j) => j !== i) })} />
      ))}
      <Button variant="light" w="fit-content" onClick={() => set({ actions: [...form.actions, newAction("setPriority")] })}>{t("automation.actions.add")}</Button>
      <Checkbox label={t("automation.rules.stopFurther")} checked={form.stopFurther} onChange={(e) => set({ stopFurther: e.currentTarget.checked })} />

      <Divider />
      <RuleTester form={form} />
      <Divider />
      <Switch label={t("automation.rules.enable")} checked={form.isActive} onChange={(e) => set({ isActive: e.currentTarget.checked })} />
      <ApiErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t("automation.cancel")}</Button>
        <Button type="submit" loading={save.isPending}>{t("automation.save")}</Button>
      </Group>
    </Stack>
  );
}

/** "Test on ticket n°…": what the rule as written would do there, without changing it. */
function RuleTester({ form }: { form: Form }) {
  const { t } = useTranslation();
  const [ticketId, setTicketId] = useState<number | string>("");
  const test = useTestRule();
  const run = () => form.entityId && Number(ticketId) > 0 && test.mutate({ ticketId: Number(ticketId), entityId: form.entityId,
    isRecursive: form.isRecursive, matchMode: form.matchMode, conditions: form.conditions, actions: form.actions });
  return (
    <Stack gap="xs">
      <Title order={4}>{t("automation.test.title")}</Title>
      <Text size="sm" c="dimmed">{t("automation.test.help")}</Text>
      <Group align="flex-end">
        <NumberInput label={t("automation.test.ticket")} min={1} w={180} value={ticketId} onChange={setTicketId} hideControls />
        <Button variant="light" onClick={run} loading={test.isPending} disabled={!form.entityId || !(Number(ticketId) > 0)}>{t("automation.test.run")}</Button>
      </Group>
      <ApiErrorAlert error={test.error} />
      {test.data && <TestResult result={test.data} />}
    </Stack>
  );
}

/** Status, type and the 1–5 scales come as codes: say them as the ticket page does. */
function useValueLabel() {
  const { t } = useTranslation();
  return (field: string, value: string | null): string => {
    if (value === null) return "—";
    if (field === "status") return t(`tickets.statuses.${value as "new"}`);
    if (field === "type") return t(`tickets.types.${value as "incident"}`);
    if (["priority", "urgency", "impact"].includes(field)) return t(`tickets.scale.${value as "1"}`);
    return value;
  };
}

function TestResult({ result }: { result: RuleTestResult }) {
  const { t } = useTranslation();
  const label = useValueLabel();
  const applies = result.inScope && result.matched;
  return (
    <Paper withBorder p="sm" aria-live="polite" data-testid="rule-test-result">
      <Stack gap="xs">
        <Alert color={applies ? "green" : "gray"} title={applies ? t("automation.test.applies") : t("automation.test.doesNotApply")}>
          {!result.inScope && t("automation.test.outOfScope")}
        </Alert>
        <List size="sm" spacing={4}>
          {result.conditions.map((c) => (
            <List.Item key={c.index} icon={<Badge size="xs" color={c.matched ? "green" : "red"}>{c.matched ? "✓" : "✗"}</Badge>}>
              {t("automation.test.condition", { n: c.index + 1, value: c.actual || "—" })}
            </List.Item>
          ))}
        </List>
        <Text fw={600} size="sm">{t("automation.test.wouldChange")}</Text>
        {result.changes.length === 0 && result.observers.length === 0 && !result.reply ? <Text size="sm" c="dimmed">{t("automation.test.nothing")}</Text> : (
          <List size="sm" spacing={4}>
            {result.changes.map((c) => <List.Item key={c.field}>{t("automation.test.change", { field: t(`automation.changeFields.${c.field}`, { defaultValue: c.field }), from: label(c.field, c.from), to: label(c.field, c.to) })}</List.Item>)}
            {result.observers.map((o) => <List.Item key={o}>{t("automation.test.observer", { login: o })}</List.Item>)}
            {result.reply && <List.Item>{t("automation.test.reply")}<RichText html={result.reply} /></List.Item>}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
