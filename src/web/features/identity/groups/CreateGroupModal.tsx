import { Button, Group, Modal, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateGroupBodySchema } from "../../../../shared/api/groups.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { emptyToUndefined, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { GroupFields, type GroupFormValues } from "./GroupFields.js";
import { useCreateGroup } from "./useGroups.js";

export function CreateGroupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scope } = useEntityScope();
  const createGroup = useCreateGroup();
  const form = useForm<GroupFormValues>({
    name: "",
    description: "",
    entityId: scope.entityId ?? me.entityId,
    recursive: true,
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const body = { ...values, description: emptyToUndefined(values.description), entityId: values.entityId ?? undefined };
    const result = validate(CreateGroupBodySchema, body, t);
    if (!result.ok) return form.setErrors(result.errors);
    createGroup.mutate(result.data, {
      onSuccess: (group) => {
        notifications.show({ color: "green", message: t("groups.created", { name: group.name }) });
        handleClose();
        void navigate(`/admin/groups/${group.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  function handleClose() {
    createGroup.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={handleClose} title={t("groups.new")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={createGroup.error} />
          <GroupFields values={form.values} errors={form.errors} setField={form.setField} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={handleClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={createGroup.isPending}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
