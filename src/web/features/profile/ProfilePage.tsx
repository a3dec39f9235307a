import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../../shared/domain/limits.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { RoleBadge } from "../../components/badges.js";
import { PageHeader } from "../../components/PageHeader.js";
import { TimeZoneSelect } from "../../components/TimeZoneSelect.js";
import { DEFAULT_TIME_ZONE, useFormat } from "../../i18n/format.js";
import { applyLanguage } from "../../i18n/index.js";
import { useMe, useUpdateMe } from "../auth/useAuth.js";
import { MailPreferencesPanel } from "../mail-out/MailPreferencesPanel.js";
import { ChangePasswordForm } from "./ChangePasswordForm.js";

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack maw={900}>
      <PageHeader title={t("profile.title")} description={`${me.firstName} ${me.lastName} · ${me.login}`} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Preferences />
        <AccountSummary />
      </SimpleGrid>
      <MailPreferencesPanel />
      {me.via === "session" && <ChangePasswordForm />}
    </Stack>
  );
}

function Preferences() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const updateMe = useUpdateMe();
  const [language, setLanguage] = useState<Language>(me.language);
  const [timeZone, setTimeZone] = useState<string | null>(me.timeZone || DEFAULT_TIME_ZONE);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    updateMe.mutate(
      { language, timeZone: timeZone ?? DEFAULT_TIME_ZONE },
      {
        onSuccess: (updated) => {
          applyLanguage(updated.language);
          notifications.show({ color: "green", message: t("common.saved", { lng: updated.language }) });
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t("profile.preferences")}
          </Title>
          <ApiErrorAlert error={updateMe.error} />
          <Select
            label={t("profile.language")}
            data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`, { lng: code }) }))}
            value={language}
            onChange={(value) => value && setLanguage(value as Language)}
            allowDeselect={false}
          />
          <TimeZoneSelect
            label={t("profile.timeZone")}
            description={t("profile.timeZoneHelp", { now: format.dateTime(new Date().toISOString()) })}
            value={timeZone}
            onChange={setTimeZone}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={updateMe.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AccountSummary() {
  const { t } = useTranslation();
  const me = useMe();
  const rows: [string, string][] = [
    [t("users.name"), `${me.firstName} ${me.lastName}`],
    [t("auth.login"), me.login],
    [t("users.email"), me.email ?? "—"],
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="h4" mb="sm">
        {t("profile.account")}
      </Title>
      <Stack gap={6}>
        {rows.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </Group>
        ))}
        <Text size="sm" c="dimmed" mt="xs">
          {t("profile.rights")}
        </Text>
        {me.grants.length === 0 ? (
          <Text size="sm">{t("grants.empty")}</Text>
        ) : (
          me.grants.map((grant) => (
            <Group key={`${grant.entityId}-${grant.role}`} gap="xs">
              <RoleBadge role={grant.role} />
              <Text size="sm">
                {grant.entityName}
                {grant.recursive && ` ${t("tokens.andSubEntities")}`}
              </Text>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
