import { ActionIcon, Button, Group, Paper, Select, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbCategory } from "../../../shared/api/kb.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useCategoryMutation, useKbCategories } from "./useKb.js";

/** The KB's category tree (kb.manage): add, rename, delete an empty one. */
export function KbCategoriesPage() {
  const { t } = useTranslation();
  const categories = useKbCategories();
  const change = useCategoryMutation();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState<string | null>(null);
  const rows = categories.data?.data ?? [];

  const add = () => change.mutate({ kind: "create", name, parentId: parentId ? Number(parentId) : null }, { onSuccess: () => setName("") });
  return (
    <>
      <PageHeader crumbs={[{ label: t("kb.title"), to: "/kb" }]} title={t("kb.categories.title")} />
      <Stack maw={820} gap="md">
        <Paper withBorder p="md" component="form" onSubmit={(e) => { e.preventDefault(); add(); }}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label={t("kb.categories.name")} required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} />
            <Select label={t("kb.categories.parent")} clearable placeholder={t("kb.categories.none")} value={parentId} onChange={setParentId} w={280}
              data={rows.map((c) => ({ value: String(c.id), label: c.completeName }))} />
            <Button type="submit" loading={change.isPending}>{t("kb.categories.add")}</Button>
          </Group>
        </Paper>
        <ApiErrorAlert error={categories.error ?? change.error} />
        {categories.isPending ? <Skeleton h={200} /> : rows.length === 0 ? <Text c="dimmed">{t("kb.categories.empty")}</Text> : (
          <Table striped aria-label={t("kb.categories.title")}>
            <Table.Tbody>{rows.map((c) => <CategoryRow key={c.id} category={c} />)}</Table.Tbody>
          </Table>
        )}
      </Stack>
    </>
  );
}

function CategoryRow({ category }: { category: KbCategory }) {
  const { t } = useTranslation();
  const change = useCategoryMutation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(category.name);
  return (
    <Table.Tr>
      <Table.Td style={{ paddingLeft: 12 + category.depth * 20 }}>
        {editing ? (
          <Group gap="xs" component="form" onSubmit={(e) => { e.preventDefault(); change.mutate({ kind: "rename", id: category.id, name }, { onSuccess: () => setEditing(false) }); }}>
            <TextInput aria-label={t("kb.categories.name")} size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Button size="xs" type="submit">{t("kb.editor.save")}</Button>
          </Group>
        ) : category.name}
        <ApiErrorAlert error={change.error} />
      </Table.Td>
      <Table.Td><Text fz="sm" c="dimmed">{t("kb.categories.articles", { count: category.articleCount })}</Text></Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end">
          <ActionIcon.Group>
            <Button size="xs" variant="subtle" onClick={() => setEditing((v) => !v)}>{t("kb.categories.rename")}</Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => change.mutate({ kind: "delete", id: category.id }, {
              onSuccess: () => notifications.show({ color: "green", message: t("kb.categories.deleted") }) })}>{t("kb.categories.delete")}</Button>
          </ActionIcon.Group>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
