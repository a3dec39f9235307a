import { Badge, Button, Drawer, Group, Skeleton, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AssetModel, CreateModelBodySchema, UpdateModelBodySchema } from "../../../../shared/api/asset-references.js";
import { SearchIcon } from "../../../components/icons.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { KindSelect } from "./KindSelect.js";
import { useKindName } from "./kind-name.js";
import { ManufacturerSelect } from "./ManufacturerSelect.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { useCreateModel, useDeleteModel, useUpdateModel } from "./useCatalogMutations.js";
import { fold, useModelList } from "./useReferences.js";

/** The models, filtered by kind and manufacturer; a row opens the model in a drawer. */
export function ModelsPanel({ mayWrite }: { mayWrite: boolean }) {
  const { t } = useTranslation();
  const kindName = useKindName();
  const [kindId, setKindId] = useState<number | null>(null);
  const [manufacturerId, setManufacturerId] = useState<number | null>(null);
  const [search, setSearch] = useState("");
  const [open, setOpen] = useState<{ model: AssetModel | null } | null>(null);
  const list = useModelList({ kindId: kindId ?? undefined, manufacturerId: manufacturerId ?? undefined });
  const words = fold(search).split(/\s+/).filter(Boolean);
  const shown = (list.data ?? []).filter((m) => words.every((w) => fold(`${m.name} ${m.partNumber ?? ""}`).includes(w)));

  return (
    <>
      <Group align="flex-end" mb="sm" justify="space-between">
        <Group align="flex-end">
          <KindSelect label={t("assetRefs.models.filterKind")} value={kindId} onChange={setKindId} />
          <ManufacturerSelect label={t("assetRefs.models.filterManufacturer")} value={manufacturerId} onChange={setManufacturerId} />
          <TextInput label={t("assetRefs.common.search")} placeholder={t("assetRefs.models.searchPlaceholder")} type="search"
            leftSection={<SearchIcon size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </Group>
        {mayWrite && <Button onClick={() => setOpen({ model: null })}>{t("assetRefs.models.new")}</Button>}
      </Group>
      <RefErrorAlert error={list.error} />
      {list.isPending ? <Skeleton h={200} /> : shown.length === 0 ? (
        <Text c="dimmed" py="lg" ta="center">{t("assetRefs.common.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("assetRefs.common.name")}</Table.Th>
                <Table.Th>{t("assetRefs.models.manufacturer")}</Table.Th>
                <Table.Th>{t("assetRefs.models.kind")}</Table.Th>
                <Table.Th>{t("assetRefs.models.partNumber")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button variant="subtle" size="compact-sm" onClick={() => setOpen({ model: m })}>{m.name}</Button>
                      {m.isUsed && <Badge size="sm" variant="light" color="gray">{t("assetRefs.common.used")}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{m.manufacturerName ?? "—"}</Table.Td>
                  <Table.Td>{kindName({ code: m.kindCode, name: m.kindName })}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{m.partNumber ?? ""}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {open && <ModelDrawer key={open.model?.id ?? "new"} model={open.model} mayWrite={mayWrite} onClose={() => setOpen(null)}
        defaults={{ kindId, manufacturerId }} />}
    </>
  );
}

type Values = { kindId: number | null; manufacturerId: number | null; name: string; partNumber: string };

function ModelDrawer({ model, mayWrite, onClose, defaults }: {
  model: AssetModel | null; mayWrite: boolean; onClose: () => void; defaults: { kindId: number | null; manufacturerId: number | null };
}) {
  const { t } = useTranslation();
  const initial: Values = model
    ? { kindId: model.kindId, manufacturerId: model.manufacturerId, name: model.name, partNumber: model.partNumber ?? "" }
    : { ...defaults, name: "", partNumber: "" };
  const form = useForm(initial);
  const create = useCreateModel();
  const update = useUpdateModel();
  const remove = useDeleteModel();
  const mutation = model ? update : create;
  const toBody = (v: Values) => ({ kindId: v.kindId, manufacturerId: v.manufacturerId, name: v.name.trim(), partNumber: emptyToNull(v.partNumber) });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const onError = (error: unknown) => form.setErrors(refFieldErrors(error, t));
    const onSuccess = (saved: AssetModel) => {
      notifications.show({ color: "green", message: t(model ? "assetRefs.common.saved" : "assetRefs.common.created", { name: saved.name }) });
      onClose();
    };
    if (!model) {
      const result = validate(CreateModelBodySchema, toBody(form.values), t);
      if (!result.ok) return form.setErrors(result.errors);
      return create.mutate(result.data, { onSuccess, onError });
    }
    const changes = changedFields(toBody(initial), toBody(form.values));
    if (Object.keys(changes).length === 0) return onClose();
    const result = validate(UpdateModelBodySchema, changes, t);
    if (!result.ok) return form.setErrors(result.errors);
    update.mutate({ id: model.id, body: result.data }, { onSuccess, onError });
  }

  return (
    <Drawer opened onClose={onClose} position="right" size="md"
      title={model ? t("assetRefs.models.editTitle", { name: model.name }) : t("assetRefs.models.new")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <RefErrorAlert error={mutation.error} inForm />
          <KindSelect label={t("assetRefs.models.kind")} required value={form.values.kindId} error={form.errors.kindId}
            onChange={(id) => form.setField("kindId", id)} disabled={!mayWrite} />
          <ManufacturerSelect label={t("assetRefs.models.manufacturer")} value={form.values.manufacturerId} error={form.errors.manufacturerId}
            onChange={(id) => form.setField("manufacturerId", id)} disabled={!mayWrite} />
          <TextInput label={t("assetRefs.common.name")} required value={form.values.name} error={form.errors.name} readOnly={!mayWrite}
            onChange={(e) => form.setField("name", e.currentTarget.value)} />
          <TextInput label={t("assetRefs.models.partNumber")} value={form.values.partNumber} error={form.errors.partNumber} readOnly={!mayWrite}
            onChange={(e) => form.setField("partNumber", e.currentTarget.value)} />
          {mayWrite && (
            <Group justify="space-between" mt="sm">
              {model && !model.isUsed ? (
                <DeleteButton name={model.name} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                  onDelete={() => remove.mutateAsync(model.id)} onDone={onClose} />
              ) : <span />}
              <Group>
                <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
                <Button type="submit" loading={mutation.isPending}>{model ? t("common.save") : t("common.create")}</Button>
              </Group>
            </Group>
          )}
        </Stack>
      </form>
    </Drawer>
  );
}
