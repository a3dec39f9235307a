import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Canned, CannedValues } from "../../../shared/api/automation.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { ItemsTab } from "./ItemsTab.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { PlaceholderHint } from "./RuleParts.js";
import { useCannedList, useDeleteCanned, useSaveCanned } from "./useAutomation.js";

/** Canned responses technicians insert into a followup, with placeholders filled from the ticket. */
export function CannedTab() {
  const { t } = useTranslation();
  const remove = useDeleteCanned();
  return (
    <ItemsTab section="canned" list={useCannedList()} remove={{ ...remove, mutateAsync: (c: Canned) => remove.mutateAsync(c.id) }}
      columns={[
        { header: t("automation.name"), cell: (c) => <><Text size="sm" fw={600}>{c.name}</Text><Text size="xs" c="dimmed" lineClamp={1}>{c.content}</Text></> },
        { header: t("automation.category"), cell: (c) => <Text size="sm">{c.categoryName ?? t("automation.anyCategory")}</Text> },
        { header: t("automation.entity"), cell: (c) => <Text size="sm">{c.entityName}</Text> },
      ]}
      form={(canned, done) => <CannedForm canned={canned} onDone={done} />} />
  );
}

function CannedForm({ canned, onDone }: { canned?: Canned; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCanned();
  const [form, setForm] = useState<CannedValues>(() => ({ name: canned?.name ?? "", entityId: canned?.entityId ?? 0,
    isRecursive: canned?.isRecursive ?? true, categoryId: canned?.categoryId ?? null, content: canned?.content ?? "" }));
  const set = (patch: Partial<CannedValues>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ id: canned?.id, body: form }, { onSuccess: onDone }); }}>
      <TextInput label={t("automation.name")} required value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} />
      <EntitySelect label={t("automation.entity")} required value={form.entityId || null} onChange={(v) => set({ entityId: v ?? 0 })} />
      <Checkbox label={t("automation.recursive")} checked={form.isRecursive} onChange={(e) => set({ isRecursive: e.currentTarget.checked })} />
      <CategorySelect label={t("automation.category")} clearable value={form.categoryId ?? null} onChange={(v) => set({ categoryId: v })} />
      <Textarea label={t("automation.canned.content")} required autosize minRows={5} value={form.content} onChange={(e) => set({ content: e.currentTarget.value })} />
      <PlaceholderHint />
      <ApiErrorAlert error={save.error} />
      <Group justify="flex-end"><Button variant="default" onClick={onDone}>{t("automation.cancel")}</Button><Button type="submit" loading={save.isPending}>{t("automation.save")}</Button></Group>
    </Stack>
  );
}
