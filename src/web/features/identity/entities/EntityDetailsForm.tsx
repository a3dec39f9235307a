import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChangeEvent, FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type Entity, UpdateEntityBodySchema } from "../../../../shared/api/entities.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { useFormat } from "../../../i18n/format.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useUpdateEntity } from "./useEntities.js";

const TEXT_FIELDS = ["comment", "address", "postcode", "town", "country", "phone", "email", "inventoryTag"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export function EntityDetailsForm({ entity, readOnly }: { entity: Entity; readOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const updateEntity = useUpdateEntity(entity.id);
  const form = useForm({
    name: entity.name,
    parentId: entity.parentId,
    comment: entity.comment ?? "",
    address: entity.address ?? "",
    postcode: entity.postcode ?? "",
    town: entity.town ?? "",
    country: entity.country ?? "",
    phone: entity.phone ?? "",
    email: entity.email ?? "",
    sharesTickets: entity.sharesTickets,
    inventoryTag: entity.inventoryTag ?? "",
  });
  const isRoot = entity.parentId === null;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const after: Record<string, unknown> = { name: form.values.name };
    if (!isRoot) after.parentId = form.values.parentId ?? undefined;
    for (const field of TEXT_FIELDS) after[field] = emptyToNull(form.values[field]);
    after.sharesTickets = form.values.sharesTickets;
    const before: Record<string, unknown> = { ...entity };
    const result = validate(UpdateEntityBodySchema, changedFields(before, after), t);
    if (!result.ok) return form.setErrors(result.errors);
    if (Object.keys(result.data).length === 0) return notifications.show({ message: t("common.noChanges") });
    updateEntity.mutate(result.data, {
      onSuccess: () => notifications.show({ color: "green", message: t("common.saved") }),
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  const text = (name: "name" | TextField) => ({
    value: form.values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => form.setField(name, event.currentTarget.value),
    error: form.errors[name],
    readOnly,
  });

  return (
    <Paper withBorder p="md" radius="md" maw={860}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={updateEntity.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("entities.name")} required {...text("name")} />
            {isRoot ? (
              <TextInput label={t("entities.parent")} value={t("entities.isRoot")} readOnly disabled />
            ) : (
              <EntitySelect
                label={t("entities.parent")}
                required
                value={form.values.parentId}
                onChange={(value) => form.setField("parentId", value)}
                error={form.errors.parentId}
                excludeId={entity.id}
              />
            )}
            <TextInput label={t("entities.address")} {...text("address")} />
            <TextInput label={t("entities.postcode")} {...text("postcode")} />
            <TextInput label={t("entities.town")} {...text("town")} />
            <TextInput label={t("entities.country")} {...text("country")} />
            <TextInput label={t("entities.phone")} {...text("phone")} />
            <TextInput label={t("entities.email")} type="email" {...text("email")} />
          </SimpleGrid>
          <TextInput label={t("entities.inventoryTag")} description={t("entities.inventoryTagHelp")} maw={420}
            classNames={{ input: "mono" }} {...text("inventoryTag")} />
          <Textarea label={t("entities.comment")} autosize minRows={2} {...text("comment")} />
          <Checkbox
            label={t("entities.sharesTickets")}
            description={t("entities.sharesTicketsHelp")}
            checked={form.values.sharesTickets}
            onChange={(event) => form.setField("sharesTickets", event.currentTarget.checked)}
            disabled={readOnly}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t("common.createdUpdated", { created: format.dateTime(entity.createdAt), updated: format.dateTime(entity.updatedAt) })}
            </Text>
            {!readOnly && (
              <Button type="submit" loading={updateEntity.isPending}>
                {t("common.save")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
