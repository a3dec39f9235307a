import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChangeEvent, FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateEntityBodySchema } from "../../../../shared/api/entities.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { emptyToUndefined, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { useCreateEntity } from "./useEntities.js";

export function CreateEntityModal({
  opened,
  onClose,
  parentId,
}: {
  opened: boolean;
  onClose: () => void;
  parentId?: number;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scope } = useEntityScope();
  const createEntity = useCreateEntity();
  const form = useForm({
    name: "",
    parentId: (parentId ?? scope.entityId ?? me.entityId) as number | null,
    town: "",
    email: "",
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const body = {
      name: values.name,
      parentId: values.parentId ?? undefined,
      town: emptyToUndefined(values.town),
      email: emptyToUndefined(values.email),
    };
    const result = validate(CreateEntityBodySchema, body, t);
    if (!result.ok) return form.setErrors(result.errors);
    createEntity.mutate(result.data, {
      onSuccess: (entity) => {
        notifications.show({ color: "green", message: t("entities.created", { name: entity.completeName }) });
        handleClose();
        void navigate(`/admin/entities/${entity.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  function handleClose() {
    createEntity.reset();
    onClose();
  }

  const text = (name: "name" | "town" | "email") => ({
    value: form.values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setField(name, event.currentTarget.value),
    error: form.errors[name],
  });

  return (
    <Modal opened={opened} onClose={handleClose} title={t("entities.new")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={createEntity.error} />
          <TextInput label={t("entities.name")} required data-autofocus {...text("name")} />
          <EntitySelect
            label={t("entities.parent")}
            required
            value={form.values.parentId}
            onChange={(value) => form.setField("parentId", value)}
            error={form.errors.parentId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("entities.town")} {...text("town")} />
            <TextInput label={t("entities.email")} type="email" {...text("email")} />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={handleClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={createEntity.isPending}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
