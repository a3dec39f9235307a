import { Button, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChangeEvent, FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { UpdateUserBodySchema, type User } from "../../../../shared/api/users.js";
import { LANGUAGES, type Language } from "../../../../shared/domain/limits.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { TimeZoneSelect } from "../../../components/TimeZoneSelect.js";
import { useFormat } from "../../../i18n/format.js";
import { changedFields } from "../../../lib/diff.js";
import { emptyToNull, useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useUpdateUser } from "./useUsers.js";

function editableOf(user: User) {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    mobile: user.mobile,
    jobTitle: user.jobTitle,
    entityId: user.entityId,
    language: user.language,
    timeZone: user.timeZone,
    isActive: user.isActive,
  };
}

type TextField = "firstName" | "lastName" | "email" | "phone" | "mobile" | "jobTitle";

export function UserDetailsForm({ user, readOnly }: { user: User; readOnly: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const updateUser = useUpdateUser(user.id);
  const form = useForm({
    ...editableOf(user),
    email: user.email ?? "",
    phone: user.phone ?? "",
    mobile: user.mobile ?? "",
    jobTitle: user.jobTitle ?? "",
    password: "",
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { password, ...values } = form.values;
    const after = {
      ...values,
      email: emptyToNull(values.email),
      phone: emptyToNull(values.phone),
      mobile: emptyToNull(values.mobile),
      jobTitle: emptyToNull(values.jobTitle),
    };
    const changes = { ...changedFields(editableOf(user), after), ...(password ? { password } : {}) };
    const result = validate(UpdateUserBodySchema, changes, t);
    if (!result.ok) return form.setErrors(result.errors);
    if (Object.keys(result.data).length === 0) return notifications.show({ message: t("common.noChanges") });
    updateUser.mutate(result.data, {
      onSuccess: () => {
        form.setField("password", "");
        notifications.show({ color: "green", message: t("common.saved") });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  const text = (name: TextField) => ({
    value: form.values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setField(name, event.currentTarget.value),
    error: form.errors[name],
    readOnly,
  });

  return (
    <Paper withBorder p="md" radius="md" maw={860}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={updateUser.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t("users.firstName")} required {...text("firstName")} />
            <TextInput label={t("users.lastName")} required {...text("lastName")} />
            <TextInput label={t("users.email")} type="email" {...text("email")} />
            <TextInput label={t("users.jobTitle")} {...text("jobTitle")} />
            <TextInput label={t("users.phone")} {...text("phone")} />
            <TextInput label={t("users.mobile")} {...text("mobile")} />
          </SimpleGrid>
          <EntitySelect
            label={t("users.entity")}
            required
            value={form.values.entityId}
            onChange={(value) => value && form.setField("entityId", value)}
            error={form.errors.entityId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("profile.language")}
              data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
              value={form.values.language}
              onChange={(value) => value && form.setField("language", value as Language)}
              allowDeselect={false}
              readOnly={readOnly}
            />
            <TimeZoneSelect
              label={t("profile.timeZone")}
              value={form.values.timeZone}
              onChange={(value) => form.setField("timeZone", value)}
              clearable
            />
            {!readOnly && (
              <PasswordInput
                label={t("users.newPassword")}
                description={user.hasPassword ? t("users.passwordKeep") : t("users.passwordNone")}
                autoComplete="new-password"
                value={form.values.password}
                onChange={(event) => form.setField("password", event.currentTarget.value)}
                error={form.errors.password}
              />
            )}
          </SimpleGrid>
          <Switch
            label={t("users.isActive")}
            description={t("users.isActiveHelp")}
            checked={form.values.isActive}
            onChange={(event) => form.setField("isActive", event.currentTarget.checked)}
            disabled={readOnly}
          />
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              {t("common.createdUpdated", { created: format.dateTime(user.createdAt), updated: format.dateTime(user.updatedAt) })}
            </Text>
            {!readOnly && (
              <Button type="submit" loading={updateUser.isPending}>
                {t("common.save")}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
