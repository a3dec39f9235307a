import { Loader, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MAIL_EVENTS, type MailEvent } from "../../../shared/api/mail-out.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useMailPreferences, useSaveMailPreferences } from "./useMailOut.js";

/** The profile's "mail notifications" panel: one switch per event, saved as it is flipped. */
export function MailPreferencesPanel() {
  const { t } = useTranslation();
  const prefs = useMailPreferences();
  const save = useSaveMailPreferences();
  const toggle = (event: MailEvent, on: boolean) => save.mutate({ events: { [event]: on } });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="mail-prefs">{t("mailOut.preferences.title")}</Title>
        <Text size="sm" c="dimmed">
          {prefs.data?.email ? t("mailOut.preferences.intro", { email: prefs.data.email }) : t("mailOut.preferences.noEmail")}
        </Text>
        <ApiErrorAlert error={prefs.error ?? save.error} />
        {prefs.isLoading && <Loader size="sm" />}
        {prefs.data && (
          <Stack gap="xs" role="group" aria-labelledby="mail-prefs">
            {MAIL_EVENTS.map((event) => (
              <Switch key={event} label={t(`mailOut.preferences.events.${event}`)} checked={prefs.data.events[event] ?? true}
                onChange={(e) => toggle(event, e.currentTarget.checked)} disabled={save.isPending} />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
