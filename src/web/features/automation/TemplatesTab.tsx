import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Template, TemplateValues } from "../../../shared/api/automation.js";
import { SCALE, TICKET_TYPES } from "../../../shared/domain/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { ItemsTab } from "./ItemsTab.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { useGroupList } from "../identity/groups/useGroups.js";
import { useDeleteTemplate, useSaveTemplate, useTemplates } from "./useAutomation.js";

/** Ticket templates: the fields a new ticket (or a rule) starts from, per category. */
export function TemplatesTab() {
  const { t } = useTranslation();
  const remove = useDeleteTemplate();
  return (
    <ItemsTab section="templates" list={useTemplates()} remove={{ ...remove, mutateAsync: (tpl: Template) => remove.mutateAsync(tpl.id) }}
      columns={[
        { header: t("automation.name"), cell: (tpl) => <><Text size="sm" fw={600}>{tpl.name}</Text>{!tpl.isActive && <Badge size="xs" color="gray">{t("automation.inactive")}</Badge>}</> },
        { header: t("automation.category"), cell: (tpl) => <Text size="sm">{tpl.categoryName ?? t("automation.anyCategory")}</Text> },
        { header: t("automation.entity"), cell: (tpl) => <Text size="sm">{tpl.entityName}</Text> },
      ]}
      form={(template, done) => <TemplateForm template={template} onDone={done} />} />
  );
}

function TemplateForm({ template, onDone }: { template?: Template; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const groups = useGroupList({});
  const [form, setForm] = useState<TemplateValues>(() => ({
    name: template?.name ?? "", entityId: template?.entityId ?? 0, isRecursive: template?.isRecursive ?? true, categoryId: template?.categoryId ?? null,
    title: template?.title ?? "", description: template?.description ?? "", type: template?.type ?? null, urgency: template?.urgency ?? null,
    impact: template?.impact ?? null, groupId: template?.groupId ?? null, isActive: template?.isActive ?? true,
  }));
  const set = (patch: Partial<TemplateValues>) => setForm((f) => ({ ...f, ...patch }));
  const scale = SCALE.map((n) => ({ value: String(n), label: t(`tickets.scale.${n}`) }));
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ id: template?.id, body: form }, { onSuccess: onDone }); }}>
      <TextInput label={t("automation.name")} required value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
      <EntitySelect label={t("automation.entity")} required value={form.entityId || null} onChange={(v) => set({ entityId: v ?? 0 })} />
      <Checkbox label={t("automation.recursive")} checked={form.isRecursive} onChange={(e) => set({ isRecursive: e.currentTarget.checked })} />
      <CategorySelect label={t("automation.category")} clearable value={form.categoryId ?? null} onChange={(v) => set({ categoryId: v })} />
      <TextInput label={t("automation.templates.ticketTitle")} value={form.title} onChange={(e) => set({ title: e.currentTarget.value })} />
      <Textarea label={t("automation.templates.ticketDescription")} autosize minRows={3} value={form.description} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Group grow>
        <Select label={t("automation.templates.type")} clearable value={form.type ?? null} data={TICKET_TYPES.map((v) => ({ value: v, label: t(`tickets.types.${v}`) }))}
          onChange={(v) => set({ type: (v ?? null) as TemplateValues["type"] })} />
        <Select label={t("automation.templates.group")} clearable searchable value={form.groupId ? String(form.groupId) : null}
          data={groups.items.map((g) => ({ value: String(g.id), label: g.name }))} onChange={(v) => set({ groupId: v ? Number(v) : null })} />
      </Group>
      <Group grow>
        <Select label={t("automation.templates.urgency")} clearable value={form.urgency ? String(form.urgency) : null} data={scale} onChange={(v) => set({ urgency: v ? Number(v) : null })} />
        <Select label={t("automation.templates.impact")} clearable value={form.impact ? String(form.impact) : null} data={scale} onChange={(v) => set({ impact: v ? Number(v) : null })} />
      </Group>
      <Checkbox label={t("automation.active")} checked={form.isActive} onChange={(e) => set({ isActive: e.currentTarget.checked })} />
      <ApiErrorAlert error={save.error} />
      <Group justify="flex-end"><Button variant="default" onClick={onDone}>{t("automation.cancel")}</Button><Button type="submit" loading={save.isPending}>{t("automation.save")}</Button></Group>
    </Stack>
  );
}
