import { ActionIcon, Group, MultiSelect, Paper, Select, TagsInput, Text, TextInput, Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  PLACEHOLDERS, RULE_ACTION_TYPES, RULE_LIST_FIELDS, RULE_TEXT_FIELDS, type RuleAction, type RuleActionType, type RuleCondition,
} from "../../../shared/api/automation.js";
import { SCALE, TICKET_CHANNELS, TICKET_STATUSES, TICKET_TYPES } from "../../../shared/domain/tickets.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useKindList } from "../assets/references/useReferences.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { useCategoryList } from "../categories/useCategories.js";
import { useEntityList } from "../identity/entities/useEntities.js";
import { useGroupList } from "../identity/groups/useGroups.js";
import { useTemplates } from "./useAutomation.js";

const FIELDS = [...RULE_LIST_FIELDS, ...RULE_TEXT_FIELDS, "time", "businessHours"] as const;
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function newCondition(field: (typeof FIELDS)[number]): RuleCondition {
  if (field === "time") return { field, op: "within", days: [1, 2, 3, 4, 5], from: "08:00", to: "18:00", timeZone: "Europe/Paris" };
  if (field === "businessHours") return { field, op: "outside" };
  if ((RULE_TEXT_FIELDS as readonly string[]).includes(field)) return { field: field as "title", op: "contains", words: [] };
  return { field: field as "category", op: "in", values: [] };
}

export function newAction(type: RuleActionType): RuleAction {
  switch (type) {
    case "setPriority": case "setUrgency": return { type, value: 3 };
    case "setType": return { type, value: "incident" };
    case "reply": return { type, content: "" };
    case "assignGroup": return { type, groupId: 0 };
    case "assignTechnician": case "addObserver": return { type, userId: 0 };
    case "setCategory": return { type, categoryId: 0 };
    case "applyTemplate": return { type, templateId: 0 };
  }
}

/** The choices of a list condition, as the ticket page names them. */
function useListOptions(field: string): { value: string; label: string }[] {
  const { t } = useTranslation();
  const categories = useCategoryList({}, field === "category");
  const groups = useGroupList({});
  const entities = useEntityList({}, field === "entity");
  const kinds = useKindList();
  switch (field) {
    case "category": return (categories.data ?? []).map((c) => ({ value: String(c.id), label: c.completeName }));
    case "entity": return entities.items.map((e) => ({ value: String(e.id), label: e.completeName }));
    case "group": case "requesterGroup": return groups.items.map((g) => ({ value: String(g.id), label: g.name }));
    case "assetKind": return (kinds.data ?? []).map((k) => ({ value: String(k.id), label: k.name }));
    case "channel": return TICKET_CHANNELS.map((c) => ({ value: c, label: t(`tickets.channels.${c}`) }));
    case "type": return TICKET_TYPES.map((c) => ({ value: c, label: t(`tickets.types.${c}`) }));
    case "status": return TICKET_STATUSES.map((c) => ({ value: c, label: t(`tickets.statuses.${c}`) }));
    default: return SCALE.map((n) => ({ value: String(n), label: t(`tickets.scale.${n}`) }));
  }
}

const STRING_FIELDS = new Set(["channel", "type", "status"]);

function ListValues({ condition, onChange }: { condition: Extract<RuleCondition, { values: unknown }>; onChange: (c: RuleCondition) => void }) {
  const { t } = useTranslation();
  const options = useListOptions(condition.field);
  return (
    <MultiSelect label={t("automation.conditions.values")} data={options} searchable flex={1} miw={220}
      value={condition.values.map(String)}
      onChange={(v) => onChange({ ...condition, values: STRING_FIELDS.has(condition.field) ? v : v.map(Number) })} />
  );
}

/** One condition: its field, how it compares, and the values it looks for. */
export function ConditionEditor({ condition, index, onChange, onRemove }: {
  condition: RuleCondition; index: number; onChange: (c: RuleCondition) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const ops = condition.field === "time" || condition.field === "businessHours" ? (["within", "outside"] as const) : "words" in condition ? (["contains", "notContains"] as const) : (["in", "notIn"] as const);
  return (
    <Paper withBorder p="sm" data-condition={index}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t("automation.conditions.field")} w={200} allowDeselect={false} value={condition.field}
          data={FIELDS.map((f) => ({ value: f, label: t(`automation.fields.${f}`) }))}
          onChange={(v) => v && onChange(newCondition(v as (typeof FIELDS)[number]))} />
        <Select label={t("automation.conditions.op")} w={160} allowDeselect={false} value={condition.op}
          data={ops.map((o) => ({ value: o, label: t(`automation.ops.${o}`) }))}
          onChange={(v) => v && onChange({ ...condition, op: v } as RuleCondition)} />
        {"values" in condition && <ListValues condition={condition} onChange={onChange} />}
        {"words" in condition && (
          <TagsInput label={t("automation.conditions.words")} description={t("automation.conditions.wordsHelp")} flex={1} miw={220}
            value={condition.words} onChange={(words) => onChange({ ...condition, words })} />
        )}
        {condition.field === "businessHours" && <Text size="sm" c="dimmed" flex={1} miw={220} mb={6}>{t("automation.conditions.businessHoursHelp")}</Text>}
        {condition.field === "time" && (
          <>
            <MultiSelect label={t("automation.conditions.days")} miw={220} value={condition.days.map(String)}
              data={DAYS.map((d) => ({ value: String(d), label: t(`automation.days.${d}`) }))}
              onChange={(v) => onChange({ ...condition, days: v.map(Number) })} />
            <TextInput type="time" label={t("automation.conditions.from")} w={120} value={condition.from} onChange={(e) => onChange({ ...condition, from: e.currentTarget.value })} />
            <TextInput type="time" label={t("automation.conditions.to")} w={120} value={condition.to} onChange={(e) => onChange({ ...condition, to: e.currentTarget.value })} />
          </>
        )}
        <ActionIcon variant="subtle" color="red" aria-label={t("automation.conditions.remove", { n: index + 1 })} onClick={onRemove} mb={4}>✕</ActionIcon>
      </Group>
    </Paper>
  );
}

function ActionValue({ action, onChange }: { action: RuleAction; onChange: (a: RuleAction) => void }) {
  const { t } = useTranslation();
  const groups = useGroupList({});
  const templates = useTemplates({}, action.type === "applyTemplate");
  const id = (n: number) => (n > 0 ? n : null);
  switch (action.type) {
    case "assignGroup":
      return <Select label={t("automation.actions.group")} searchable miw={240} value={id(action.groupId) === null ? null : String(action.groupId)}
        data={groups.items.map((g) => ({ value: String(g.id), label: g.name }))} onChange={(v) => onChange({ ...action, groupId: Number(v ?? 0) })} />;
    case "assignTechnician": case "addObserver":
      return <UserSelect label={t(action.type === "addObserver" ? "automation.actions.observer" : "automation.actions.technician")}
        value={id(action.userId)} onChange={(v) => onChange({ ...action, userId: v ?? 0 })} />;
    case "setCategory":
      return <CategorySelect label={t("automation.actions.category")} miw={260} value={id(action.categoryId)} onChange={(v) => onChange({ ...action, categoryId: v ?? 0 })} />;
    case "setPriority": case "setUrgency":
      return <Select label={t("automation.actions.value")} w={180} allowDeselect={false} value={String(action.value)}
        data={SCALE.map((n) => ({ value: String(n), label: t(`tickets.scale.${n}`) }))} onChange={(v) => onChange({ ...action, value: Number(v ?? 3) })} />;
    case "setType":
      return <Select label={t("automation.actions.value")} w={180} allowDeselect={false} value={action.value}
        data={TICKET_TYPES.map((v) => ({ value: v, label: t(`tickets.types.${v}`) }))} onChange={(v) => onChange({ ...action, value: (v ?? "incident") as "incident" })} />;
    case "applyTemplate":
      return <Select label={t("automation.actions.template")} miw={240} value={id(action.templateId) === null ? null : String(action.templateId)}
        data={(templates.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))} onChange={(v) => onChange({ ...action, templateId: Number(v ?? 0) })} />;
    case "reply":
      return <Textarea label={t("automation.actions.reply")} description={t("automation.placeholdersHelp", { list: PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ") })}
        autosize minRows={3} flex={1} miw={280} value={action.content} onChange={(e) => onChange({ ...action, content: e.currentTarget.value })} />;
  }
}

/** One action: what it does and with what. */
export function ActionEditor({ action, index, onChange, onRemove }: {
  action: RuleAction; index: number; onChange: (a: RuleAction) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-action={index}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select label={t("automation.actions.type")} w={220} allowDeselect={false} value={action.type}
          data={RULE_ACTION_TYPES.map((a) => ({ value: a, label: t(`automation.actionTypes.${a}`) }))}
          onChange={(v) => v && onChange(newAction(v as RuleActionType))} />
        <ActionValue action={action} onChange={onChange} />
        <ActionIcon variant="subtle" color="red" aria-label={t("automation.actions.remove", { n: index + 1 })} onClick={onRemove} mb={4}>✕</ActionIcon>
      </Group>
    </Paper>
  );
}

export function PlaceholderHint() {
  const { t } = useTranslation();
  return <Text size="xs" c="dimmed">{t("automation.placeholdersHelp", { list: PLACEHOLDERS.map((p) => `{{${p}}}`).join(" ") })}</Text>;
}
