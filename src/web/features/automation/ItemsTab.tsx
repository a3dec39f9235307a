import { Button, Drawer, Group, Skeleton, Stack, Table, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { DeleteButton } from "./DeleteButton.js";

export type ItemColumn<T> = { header: string; cell: (item: T) => ReactNode };

/**
 * The shape the templates, canned responses and recurring tickets share: a help line and a "new"
 * button, the list with edit and delete on each row, and the form in a drawer. Texts come from
 * automation.<section> (help, new, edit, empty) and automation.tabs.<section>.
 */
export function ItemsTab<T extends { id: number; name: string }>(props: {
  section: "templates" | "canned" | "recurring";
  list: { data?: T[]; isPending: boolean; error: unknown };
  columns: ItemColumn<T>[];
  minWidth?: number;
  remove: { mutateAsync: (item: T) => Promise<unknown>; error: unknown; reset: () => void };
  form: (item: T | undefined, done: () => void) => ReactNode;
}) {
  const { section, list, columns, remove } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const rows = list.data ?? [];
  const done = () => setEditing(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text c="dimmed" size="sm" maw={640}>{t(`automation.${section}.help`)}</Text>
        <Button onClick={() => setEditing("new")}>{t(`automation.${section}.new`)}</Button>
      </Group>
      <ApiErrorAlert error={list.error ?? remove.error} />
      {list.isPending ? <Skeleton h={120} /> : rows.length === 0 ? <Text c="dimmed">{t(`automation.${section}.empty`)}</Text> : (
        <Table.ScrollContainer minWidth={props.minWidth ?? 640}>
          <Table striped aria-label={t(`automation.tabs.${section}`)}>
            <Table.Thead><Table.Tr>
              {columns.map((column) => <Table.Th key={column.header}>{column.header}</Table.Th>)}<Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map((item) => (
                <Table.Tr key={item.id}>
                  {columns.map((column) => <Table.Td key={column.header}>{column.cell(item)}</Table.Td>)}
                  <Table.Td><Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing(item)}>{t("automation.edit")}</Button>
                    <DeleteButton name={item.name} onConfirm={() => remove.mutateAsync(item)} mutation={remove} />
                  </Group></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Drawer opened={editing !== null} onClose={done} position="right" size="lg"
        title={editing === "new" ? t(`automation.${section}.new`) : t(`automation.${section}.edit`)}>
        {editing !== null && props.form(editing === "new" ? undefined : editing, done)}
      </Drawer>
    </Stack>
  );
}
