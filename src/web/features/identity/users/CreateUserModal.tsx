import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChangeEvent, FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateUserBodySchema } from "../../../../shared/api/users.js";
import { LANGUAGES, type Language } from "../../../../shared/domain/limits.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { currentLanguage } from "../../../i18n/index.js";
import { emptyToUndefined, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { useEntityScope } from "../../shell/entity-scope.js";
import { useCreateUser } from "./useUsers.js";

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { scope } = useEntityScope();
  const createUser = useCreateUser();
  const form = useForm({
    login: "",
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    jobTitle: "",
    entityId: (scope.entityId ?? me.entityId) as number | null,
    language: currentLanguage() as Language,
    password: "",
    isActive: true,
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const body = {
      ...values,
      email: emptyToUndefined(values.email),
      password: emptyToUndefined(values.password),
      entityId: values.entityId ?? undefined,
    };
    const result = validate(CreateUserBodySchema, body, t);
    if (!result.ok) return form.setErrors(result.errors);
    createUser.mutate(result.data, {
      onSuccess: (user) => {
        notifications.show({ color: "green", message: t("users.created", { name: `${user.firstName} ${user.lastName}` }) });
        handleClose();
        void navigate(`/admin/users/${user.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  function handleClose() {
    createUser.reset();
    onClose();
  }

  const text = (name: "login" | "firstName" | "lastName" | "email" | "phone" | "jobTitle" | "password") => ({
    value: form.values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setField(name, event.currentTarget.value),
    error: form.errors[name],
  });

  return (
    <Modal opened={opened} onClose={handleClose} title={t("users.new")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={createUser.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("users.firstName")} required data-autofocus {...text("firstName")} />
            <TextInput label={t("users.lastName")} required {...text("lastName")} />
            <TextInput label={t("auth.login")} required description={t("users.loginHelp")} {...text("login")} />
            <TextInput label={t("users.email")} type="email" {...text("email")} />
            <TextInput label={t("users.phone")} {...text("phone")} />
            <TextInput label={t("users.jobTitle")} {...text("jobTitle")} />
          </SimpleGrid>
          <EntitySelect
            label={t("users.entity")}
            required
            value={form.values.entityId}
            onChange={(value) => form.setField("entityId", value)}
            error={form.errors.entityId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("profile.language")}
              data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
              value={form.values.language}
              onChange={(value) => value && form.setField("language", value as Language)}
              allowDeselect={false}
            />
            <PasswordInput
              label={t("auth.password")}
              description={t("users.passwordOptional")}
              autoComplete="new-password"
              {...text("password")}
            />
          </SimpleGrid>
          <Switch
            label={t("users.isActive")}
            checked={form.values.isActive}
            onChange={(event) => form.setField("isActive", event.currentTarget.checked)}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={handleClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={createUser.isPending}>
              {t("common.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
