import { Button, Checkbox, Drawer, Group, Skeleton, Stack, Table, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Canned, CannedValues } from "../../../shared/api/automation.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { DeleteButton } from "./DeleteButton.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { PlaceholderHint } from "./RuleParts.js";
import { useCannedList, useDeleteCanned, useSaveCanned } from "./useAutomation.js";

/** Canned responses technicians insert into a followup, with placeholders filled from the ticket. */
export function CannedTab() {
  const { t } = useTranslation();
  const list = useCannedList();
  const remove = useDeleteCanned();
  const [editing, setEditing] = useState<Canned | "new" | null>(null);
  const rows = list.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm" maw={640}>{t("automation.canned.help")}</Text>
        <Button onClick={() => setEditing("new")}>{t("automation.canned.new")}</Button>
      </Group>
      <ApiErrorAlert error={list.error ?? remove.error} />
      {list.isPending ? <Skeleton h={120} /> : rows.length === 0 ? <Text c="dimmed">{t("automation.canned.empty")}</Text> : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t("automation.tabs.canned")}>
            <Table.Thead><Table.Tr>
              <Table.Th>{t("automation.name")}</Table.Th><Table.Th>{t("automation.category")}</Table.Th><Table.Th>{t("automation.entity")}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td><Text size="sm" fw={600}>{c.name}</Text><Text size="xs" c="dimmed" lineClamp={1}>{c.content}</Text></Table.Td>
                  <Table.Td><Text size="sm">{c.categoryName ?? t("automation.anyCategory")}</Text></Table.Td>
                  <Table.Td><Text size="sm">{c.entityName}</Text></Table.Td>
                  <Table.Td><Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>{t("automation.edit")}</Button>
                    <DeleteButton name={c.name} onConfirm={() => remove.mutateAsync(c.id)} mutation={remove} />
                  </Group></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="lg"
        title={editing === "new" ? t("automation.canned.new") : t("automation.canned.edit")}>
        {editing !== null && <CannedForm canned={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} />}
      </Drawer>
    </Stack>
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
