import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { LoginBodySchema } from "../../../shared/api/auth.js";
import { FullPageLoader } from "../../components/FullPageLoader.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useForm } from "../../lib/use-form.js";
import { validate } from "../../lib/validation.js";
import { AuthFrame } from "./AuthFrame.js";
import { useLogin, useMeQuery, useSetupStatus } from "./useAuth.js";

/** Where to go after signing in: back to the page that sent us here, if it was ours. */
function returnPath(state: unknown): string {
  const from = (state as { from?: string } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const me = useMeQuery();
  const login = useLogin();
  const form = useForm({ login: "", password: "" });

  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (me.data) return <Navigate to={returnPath(location.state)} replace />;
  if (setup.isPending || me.isPending) {
    return <FullPageLoader />;
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const result = validate(LoginBodySchema, form.values, t);
    if (!result.ok) return form.setErrors(result.errors);
    login.mutate(result.data, {
      onSuccess: () => void navigate(returnPath(location.state), { replace: true }),
    });
  }

  return (
    <AuthFrame title={t("auth.loginTitle")} subtitle={t("auth.loginSubtitle")}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {login.error ? (
            <ApiErrorAlert error={login.error} />
          ) : (
            (location.state as { expired?: boolean } | null)?.expired && (
              <Alert color="blue" variant="light" role="status">
                {t("errors.SESSION_EXPIRED")}
              </Alert>
            )
          )}
          <TextInput
            label={t("auth.login")}
            autoComplete="username"
            autoFocus
            required
            value={form.values.login}
            onChange={(event) => form.setField("login", event.currentTarget.value)}
            error={form.errors.login}
          />
          <PasswordInput
            label={t("auth.password")}
            autoComplete="current-password"
            required
            value={form.values.password}
            onChange={(event) => form.setField("password", event.currentTarget.value)}
            error={form.errors.password}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {t("auth.signIn")}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
