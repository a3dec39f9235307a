import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AssetField, CreateFieldBodySchema } from "../../../../shared/api/asset-references.js";
import { FIELD_TYPES, type FieldType } from "../../../../shared/domain/assets.js";
import { useForm } from "../../../lib/use-form.js";
import { validate } from "../../../lib/validation.js";
import { DeleteButton } from "./DeleteButton.js";
import { RefErrorAlert, refFieldErrors } from "./ref-errors.js";
import { useAddField, useDeleteField, useReorderFields, useUpdateField } from "./useCatalogMutations.js";
import { useKindList } from "./useReferences.js";

/** "HDMI\nVGA" → ["HDMI", "VGA"]: one option per line, blanks dropped. */
function linesOf(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter(Boolean);
}

/** A kind's fields in their order: move them up or down, edit, delete the admin's own, add new ones. */
export function KindFields({ kindId, mayWrite }: { kindId: number; mayWrite: boolean }) {
  const { t } = useTranslation();
  const kinds = useKindList({ includeInactive: true });
  const fields = kinds.data?.find((k) => k.id === kindId)?.fields ?? [];
  const reorder = useReorderFields();

  function move(index: number, by: -1 | 1) {
    const ids = fields.map((f) => f.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved as number);
    reorder.mutate({ kindId, fieldIds: ids });
  }

  return (
    <Stack gap="xs">
      <RefErrorAlert error={reorder.error} />
      {fields.length === 0 && <Text size="sm" c="dimmed">{t("assetRefs.kindAdmin.noFields")}</Text>}
      {fields.map((field, index) => (
        <FieldRow key={field.id} kindId={kindId} field={field} mayWrite={mayWrite}
          onUp={index > 0 ? () => move(index, -1) : undefined} onDown={index < fields.length - 1 ? () => move(index, 1) : undefined} />
      ))}
      {mayWrite && <NewField kindId={kindId} />}
    </Stack>
  );
}

function FieldRow({ kindId, field, mayWrite, onUp, onDown }: {
  kindId: number; field: AssetField; mayWrite: boolean; onUp?: () => void; onDown?: () => void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(field.label);
  const [choices, setChoices] = useState((field.choices ?? []).join("\n"));
  const update = useUpdateField();
  const remove = useDeleteField();
  const dirty = label.trim() !== field.label || (field.fieldType === "choice" && linesOf(choices).join("\n") !== (field.choices ?? []).join("\n"));

  function save() {
    const body = { ...(label.trim() !== field.label ? { label: label.trim() } : {}),
      ...(field.fieldType === "choice" ? { choices: linesOf(choices) } : {}) };
    update.mutate({ kindId, fieldId: field.id, body });
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-end">
          <TextInput label={t("assetRefs.kindAdmin.fieldLabel")} value={label} readOnly={!mayWrite} style={{ flex: 1 }}
            onChange={(e) => setLabel(e.currentTarget.value)} />
          <Stack gap={2}>
            <Text size="xs" c="dimmed" ff="monospace">{field.key}</Text>
            <Group gap={4}>
              <Badge variant="light">{t(`assetRefs.fieldTypes.${field.fieldType}`)}</Badge>
              {field.isBuiltin && <Badge variant="light" color="gray">{t("assetRefs.common.builtin")}</Badge>}
            </Group>
          </Stack>
        </Group>
        {field.fieldType === "choice" && (
          <Textarea label={t("assetRefs.kindAdmin.fieldChoices")} description={t("assetRefs.kindAdmin.fieldChoicesHelp")} autosize minRows={2}
            value={choices} readOnly={!mayWrite} onChange={(e) => setChoices(e.currentTarget.value)} />
        )}
        <RefErrorAlert error={update.error} />
        <Group justify="space-between">
          <Checkbox label={t("assetRefs.kindAdmin.fieldRequired")} checked={field.isRequired} disabled={!mayWrite || update.isPending}
            onChange={(e) => update.mutate({ kindId, fieldId: field.id, body: { isRequired: e.currentTarget.checked } })} />
          {mayWrite && (
            <Group gap="xs">
              <ActionIcon variant="subtle" disabled={!onUp} onClick={onUp} aria-label={t("assetRefs.kindAdmin.moveUp", { name: field.label })}>↑</ActionIcon>
              <ActionIcon variant="subtle" disabled={!onDown} onClick={onDown} aria-label={t("assetRefs.kindAdmin.moveDown", { name: field.label })}>↓</ActionIcon>
              {dirty && <Button size="xs" onClick={save} loading={update.isPending}>{t("assetRefs.kindAdmin.saveField")}</Button>}
              {!field.isBuiltin && (
                <DeleteButton name={field.label} pending={remove.isPending} error={remove.error} reset={() => remove.reset()}
                  onDelete={() => remove.mutateAsync({ kindId, fieldId: field.id })} />
              )}
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function NewField({ kindId }: { kindId: number }) {
  const { t } = useTranslation();
  const empty = { label: "", fieldType: "text" as FieldType, choices: "", isRequired: false };
  const form = useForm(empty);
  const add = useAddField();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const body = { label: v.label.trim(), fieldType: v.fieldType, choices: v.fieldType === "choice" ? linesOf(v.choices) : null, isRequired: v.isRequired };
    const result = validate(CreateFieldBodySchema, body, t);
    if (!result.ok) {
      const errors = result.errors.choices ? { ...result.errors, choices: t("assetRefs.kindAdmin.fieldChoicesRequired") } : result.errors;
      return form.setErrors(errors);
    }
    add.mutate({ kindId, body: result.data }, {
      onSuccess: () => form.reset(empty),
      onError: (error) => form.setErrors(refFieldErrors(error, t)),
    });
  }

  return (
    <Paper withBorder p="sm" component="form" onSubmit={handleSubmit} noValidate>
      <Stack gap="xs">
        <Text fw={600} size="sm">{t("assetRefs.kindAdmin.addField")}</Text>
        <RefErrorAlert error={add.error} inForm />
        <Group grow align="flex-start">
          <TextInput label={t("assetRefs.kindAdmin.fieldLabel")} required value={form.values.label} error={form.errors.label}
            onChange={(e) => form.setField("label", e.currentTarget.value)} />
          <Select label={t("assetRefs.kindAdmin.fieldType")} required value={form.values.fieldType} allowDeselect={false}
            data={FIELD_TYPES.map((type) => ({ value: type, label: t(`assetRefs.fieldTypes.${type}`) }))}
            onChange={(v) => v && form.setField("fieldType", v as FieldType)} />
        </Group>
        {form.values.fieldType === "choice" && (
          <Textarea label={t("assetRefs.kindAdmin.fieldChoices")} description={t("assetRefs.kindAdmin.fieldChoicesHelp")} required autosize
            minRows={2} value={form.values.choices} error={form.errors.choices} onChange={(e) => form.setField("choices", e.currentTarget.value)} />
        )}
        <Group justify="space-between">
          <Checkbox label={t("assetRefs.kindAdmin.fieldRequired")} checked={form.values.isRequired}
            onChange={(e) => form.setField("isRequired", e.currentTarget.checked)} />
          <Button type="submit" size="xs" loading={add.isPending}>{t("assetRefs.kindAdmin.addField")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
