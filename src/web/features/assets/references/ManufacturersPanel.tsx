import { ActionIcon, Badge, Button, Group, Skeleton, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Manufacturer, ManufacturerBodySchema } from "../../../../shared/api/asset-references.js";
import { SearchIcon } from "../../../components/icons.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { useCreateManufacturer, useDeleteManufacturer, useRenameManufacturer } from "./useCatalogMutations.js";
import { fold, useManufacturerList } from "./useReferences.js";

/** One global list, each name once: add one inline, rename in place, delete the unused. */
export function ManufacturersPanel({ mayWrite }: { mayWrite: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const list = useManufacturerList();
  const words = fold(search).split(/\s+/).filter(Boolean);
  const shown = (list.data ?? []).filter((m) => words.every((w) => fold(m.name).includes(w)));

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm">
        <TextInput label={t("assetRefs.common.search")} placeholder={t("assetRefs.manufacturers.searchPlaceholder")} type="search"
          leftSection={<SearchIcon size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: "100%", sm: 320 }} />
        {mayWrite && <NewManufacturer />}
      </Group>
      <RefErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={200} /> : shown.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center">{words.length > 0 ? t("assetRefs.common.noMatch") : t("assetRefs.common.empty")}</Text>
      ) : (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr><Table.Th>{t("assetRefs.common.name")}</Table.Th><Table.Th w={220}>{t("assetRefs.common.actions")}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>{shown.map((m) => <ManufacturerRow key={m.id} manufacturer={m} mayWrite={mayWrite} />)}</Table.Tbody>
        </Table>
      )}
    </>
  );
}

function NewManufacturer() {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const create = useCreateManufacturer();
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(ManufacturerBodySchema, { name }, t);
    if (!result.ok) return setError(result.errors.name);
    create.mutate(result.data, {
      onSuccess: (m) => { setName(""); setError(undefined); notifications.show({ color: "green", message: t("assetRefs.common.created", { name: m.name }) }); },
      onError: (e) => setError(refFieldErrors(e, t).name),
    });
  }
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Group align="flex-start" gap="xs">
        <TextInput label={t("assetRefs.manufacturers.new")} value={name} error={error} onChange={(e) => { setName(e.currentTarget.value); setError(undefined); }} />
        <Button type="submit" mt={24} loading={create.isPending}>{t("common.add")}</Button>
      </Group>
    </form>
  );
}

function ManufacturerRow({ manufacturer, mayWrite }: { manufacturer: Manufacturer; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(manufacturer.name);
  const rename = useRenameManufacturer();
  const remove = useDeleteManufacturer();
  function save(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === manufacturer.name) return setEditing(false);
    rename.mutate({ id: manufacturer.id, name: name.trim() }, { onSuccess: () => setEditing(false) });
  }
  return (
    <Table.Tr>
      <Table.Td>
        {editing ? (
          <form onSubmit={save} noValidate>
            <Group gap="xs" align="flex-start">
              <TextInput aria-label={t("assetRefs.manufacturers.rename", { name: manufacturer.name })} value={name} data-autofocus
                error={rename.error ? refFieldErrors(rename.error, t).name : undefined} onChange={(e) => setName(e.currentTarget.value)} />
              <Button type="submit" size="sm" loading={rename.isPending}>{t("common.save")}</Button>
              <Button variant="default" size="sm" onClick={() => { setEditing(false); setName(manufacturer.name); rename.reset(); }}>{t("common.cancel")}</Button>
            </Group>
          </form>
        ) : (
          <Group gap="xs">
            <Text size="sm">{manufacturer.name}</Text>
            {manufacturer.isUsed && <Badge size="sm" variant="light" color="gray">{t("assetRefs.common.used")}</Badge>}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        {mayWrite && !editing && (
          <Group gap="xs">
            <ActionIcon variant="subtle" aria-label={t("assetRefs.manufacturers.rename", { name: manufacturer.name })} onClick={() => setEditing(true)}>✎</ActionIcon>
            {!manufacturer.isUsed && (
              <DeleteButton name={manufacturer.name} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                onDelete={() => remove.mutateAsync(manufacturer.id)} />
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
