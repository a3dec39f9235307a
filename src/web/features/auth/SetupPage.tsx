import { Button, PasswordInput, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ChangeEvent, FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { SetupBodySchema } from "../../../shared/api/auth.js";
import { FullPageLoader } from "../../components/FullPageLoader.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { currentLanguage } from "../../i18n/index.js";
import { emptyToUndefined, useForm } from "../../lib/use-form.js";
import { validate } from "../../lib/validation.js";
import { AuthFrame } from "./AuthFrame.js";
import { useSetup, useSetupStatus } from "./useAuth.js";

/** First start: name the organisation (the root entity) and create the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const setup = useSetup();
  const form = useForm({
    organisation: "",
    firstName: "",
    lastName: "",
    login: "",
    email: "",
    password: "",
    confirmPassword: "",
  });

  if (status.isPending) {
    return <FullPageLoader />;
  }
  if (status.data && !status.data.needsSetup && !setup.isSuccess) return <Navigate to="/login" replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { confirmPassword, email, ...rest } = form.values;
    const result = validate(SetupBodySchema, { ...rest, email: emptyToUndefined(email), language: currentLanguage() }, t);
    const errors = result.ok ? {} : { ...result.errors };
    if (confirmPassword !== form.values.password) errors.confirmPassword = t("validation.passwordMismatch");
    if (!result.ok || Object.keys(errors).length > 0) return form.setErrors(errors);
    setup.mutate(result.data, { onSuccess: () => void navigate("/", { replace: true }) });
  }

  const field = (name: keyof typeof form.values) => ({
    value: form.values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setField(name, event.currentTarget.value),
    error: form.errors[name],
  });

  return (
    <AuthFrame title={t("setup.title")} subtitle={t("setup.subtitle")} width={560}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ApiErrorAlert error={setup.error} />
          <TextInput label={t("setup.organisation")} description={t("setup.organisationHelp")} required autoFocus {...field("organisation")} />
          <Text fw={600} size="sm" mt="xs">
            {t("setup.adminSection")}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t("users.firstName")} autoComplete="given-name" required {...field("firstName")} />
            <TextInput label={t("users.lastName")} autoComplete="family-name" required {...field("lastName")} />
            <TextInput label={t("auth.login")} autoComplete="username" required {...field("login")} />
            <TextInput label={t("users.email")} type="email" autoComplete="email" {...field("email")} />
            <PasswordInput
              label={t("auth.password")}
              description={t("validation.passwordHint")}
              autoComplete="new-password"
              required
              {...field("password")}
            />
            <PasswordInput label={t("auth.confirmPassword")} autoComplete="new-password" required {...field("confirmPassword")} />
          </SimpleGrid>
          <Button type="submit" loading={setup.isPending} mt="xs">
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
