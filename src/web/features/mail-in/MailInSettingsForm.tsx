import { Button, NumberInput, Paper, Skeleton, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAIL_IN_MAX_MB, type MailInSettings } from "../../../shared/api/mail-in.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useMailInSettings, useSaveMailInSettings } from "./useMailIn.js";

/** The blocklist (one address or domain a line) and the size over which a mail is refused, for every mailbox. */
export function MailInSettingsForm() {
  const settings = useMailInSettings();
  if (settings.isPending) return <Skeleton h={160} />;
  if (!settings.data) return <ApiErrorAlert error={settings.error} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: MailInSettings }) {
  const { t } = useTranslation();
  const save = useSaveMailInSettings();
  const [blocklist, setBlocklist] = useState(initial.blocklist.join("\n"));
  const [maxMessageMb, setMax] = useState(initial.maxMessageMb);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const entries = blocklist.split(/[\n,;]+/).map((line) => line.trim()).filter(Boolean);
    await save.mutateAsync({ blocklist: entries, maxMessageMb });
    notifications.show({ color: "green", message: t("mailIn.settings.saved") });
  };
  return (
    <Paper withBorder p="md" maw={640} component="form" onSubmit={(event) => void submit(event).catch(() => undefined)}>
      <Stack gap="sm">
        <Textarea label={t("mailIn.settings.blocklist")} description={t("mailIn.settings.blocklistHelp")} autosize minRows={4} maxRows={16}
          value={blocklist} onChange={(e) => setBlocklist(e.currentTarget.value)} />
        <NumberInput label={t("mailIn.settings.maxMessageMb")} description={t("mailIn.settings.maxMessageMbHelp")} min={MAIL_IN_MAX_MB.min}
          max={MAIL_IN_MAX_MB.max} value={maxMessageMb} onChange={(v) => setMax(Number(v) || MAIL_IN_MAX_MB.default)} w={240} />
        <Text size="xs" c="dimmed">{t("mailIn.settings.rootOnly")}</Text>
        <ApiErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">{t("mailIn.settings.save")}</Button>
      </Stack>
    </Paper>
  );
}
