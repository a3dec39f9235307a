import { Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChangeEvent, FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ChangePasswordBodySchema } from "../../../shared/api/auth.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { isApiError } from "../../api/client.js";
import { useForm } from "../../lib/use-form.js";
import { validate } from "../../lib/validation.js";
import { useChangePassword } from "../auth/useAuth.js";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const changePassword = useChangePassword();
  const form = useForm(EMPTY);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { confirmPassword, ...body } = form.values;
    const result = validate(ChangePasswordBodySchema, body, t);
    const errors = result.ok ? {} : { ...result.errors };
    if (confirmPassword !== body.newPassword) errors.confirmPassword = t("validation.passwordMismatch");
    if (!result.ok || Object.keys(errors).length > 0) return form.setErrors(errors);
    changePassword.mutate(result.data, {
      onSuccess: () => {
        form.reset(EMPTY);
        notifications.show({ color: "green", message: t("profile.passwordChanged") });
      },
      onError: (error) => {
        if (isApiError(error, "INVALID_CREDENTIALS")) form.setErrors({ currentPassword: t("profile.wrongPassword") });
      },
    });
  }

  const field = (name: keyof typeof EMPTY) => ({
    value: form.values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setField(name, event.currentTarget.value),
    error: form.errors[name],
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t("profile.changePassword")}
          </Title>
          {!isApiError(changePassword.error, "INVALID_CREDENTIALS") && <ApiErrorAlert error={changePassword.error} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <PasswordInput label={t("profile.currentPassword")} autoComplete="current-password" required {...field("currentPassword")} />
            <PasswordInput
              label={t("users.newPassword")}
              description={t("validation.passwordHint")}
              autoComplete="new-password"
              required
              {...field("newPassword")}
            />
            <PasswordInput label={t("auth.confirmPassword")} autoComplete="new-password" required {...field("confirmPassword")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={changePassword.isPending}>
              {t("profile.changePassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
