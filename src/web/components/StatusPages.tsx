import { Button, Center, Code, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, isRouteErrorResponse, useRouteError } from "react-router";
import { isApiError } from "../api/client.js";
import { errorText } from "./error-text.js";

function StatusPage({ code, title, message, actions }: { code: string; title: string; message: string; actions?: ReactNode }) {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="xs" maw={520} ta="center">
        <Text fz={56} fw={800} c="dimmed" lh={1} aria-hidden="true">
          {code}
        </Text>
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text c="dimmed">{message}</Text>
        <Group mt="md">{actions}</Group>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      code="404"
      title={t("status.notFoundTitle")}
      message={t("status.notFoundMessage")}
      actions={
        <Button component={Link} to="/">
          {t("status.backHome")}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      code="403"
      title={t("status.forbiddenTitle")}
      message={t("status.forbiddenMessage")}
      actions={
        <Button component={Link} to="/">
          {t("status.backHome")}
        </Button>
      }
    />
  );
}

/** A record page whose record is gone or out of reach: the same message as the server's code. */
export function RecordError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 404) return <NotFoundPage />;
  if (isApiError(error) && error.status === 403) return <ForbiddenPage />;
  return <StatusPage code="!" title={t("status.errorTitle")} message={errorText(error, t)} />;
}

/** The router's error boundary: a crash in a page shows this instead of a blank screen. */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <StatusPage
      code="!"
      title={t("status.errorTitle")}
      message={t("status.errorMessage")}
      actions={
        <Stack align="center">
          <Group>
            <Button onClick={() => window.location.reload()}>{t("status.reload")}</Button>
            <Button component="a" href="/" variant="default">
              {t("status.backHome")}
            </Button>
          </Group>
          {detail && import.meta.env.DEV && <Code>{detail}</Code>}
        </Stack>
      }
    />
  );
}
