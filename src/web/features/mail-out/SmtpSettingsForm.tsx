import { Alert, Button, Group, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { SMTP_SECURITY, type SmtpSettings } from "../../../shared/api/mail-out.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { useMe } from "../auth/useAuth.js";
import { useSaveSmtpSettings, useSendTestMail } from "./useMailOut.js";

type Security = (typeof SMTP_SECURITY)[number];
const DEFAULT_PORT: Record<Security, number> = { none: 25, starttls: 587, tls: 465 };

/** The SMTP server Vigie sends through; the password is write-only ("set" shows it is kept). */
export function SmtpSettingsForm({ saved }: { saved: SmtpSettings }) {
  const { t } = useTranslation();
  const save = useSaveSmtpSettings();
  const [host, setHost] = useState(saved.host);
  const [port, setPort] = useState<number | string>(saved.port);
  const [security, setSecurity] = useState<Security>(saved.security);
  const [user, setUser] = useState(saved.user);
  const [password, setPassword] = useState("");
  const [fromAddress, setFromAddress] = useState(saved.fromAddress);
  const [fromName, setFromName] = useState(saved.fromName);
  const [appUrl, setAppUrl] = useState(saved.appUrl || window.location.origin);
  const [enabled, setEnabled] = useState(saved.configured ? saved.enabled : true);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ host, port: Number(port), security, user, ...(password ? { password } : {}), fromAddress, fromName, appUrl, enabled }, {
      onSuccess: () => { setPassword(""); notifications.show({ color: "green", message: t("mailOut.smtp.saved") }); },
    });
  }
  function changeSecurity(value: string | null) {
    const next = (value ?? "starttls") as Security;
    if (Number(port) === DEFAULT_PORT[security]) setPort(DEFAULT_PORT[next]);
    setSecurity(next);
  }

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={handleSubmit} aria-labelledby="smtp-title" noValidate>
      <Stack gap="sm">
        <Title order={2} fz="h4" id="smtp-title">{t("mailOut.smtp.title")}</Title>
        {!saved.configured && <Alert color="yellow">{t("mailOut.smtp.notConfigured")}</Alert>}
        <ApiErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t("mailOut.smtp.host")} value={host} onChange={(e) => setHost(e.currentTarget.value)} required placeholder="smtp.example.fr" />
          <Select label={t("mailOut.smtp.security")} value={security} onChange={changeSecurity} allowDeselect={false}
            data={SMTP_SECURITY.map((s) => ({ value: s, label: t(`mailOut.smtp.securityOptions.${s}`) }))} />
          <NumberInput label={t("mailOut.smtp.port")} value={port} onChange={setPort} min={1} max={65535} allowDecimal={false} required />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t("mailOut.smtp.user")} value={user} onChange={(e) => setUser(e.currentTarget.value)} autoComplete="off" />
          <PasswordInput label={t("mailOut.smtp.password")} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password"
            description={saved.passwordSet ? t("mailOut.smtp.passwordSet") : t("mailOut.smtp.passwordNone")} />
          <TextInput label={t("mailOut.smtp.fromAddress")} type="email" value={fromAddress} onChange={(e) => setFromAddress(e.currentTarget.value)} required />
          <TextInput label={t("mailOut.smtp.fromName")} value={fromName} onChange={(e) => setFromName(e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput label={t("mailOut.smtp.appUrl")} description={t("mailOut.smtp.appUrlHelp")} value={appUrl}
          onChange={(e) => setAppUrl(e.currentTarget.value)} required />
        <Switch label={t("mailOut.smtp.enabled")} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Group><Button type="submit" loading={save.isPending}>{t("mailOut.smtp.save")}</Button></Group>
      </Stack>
      {saved.configured && <TestMail />}
    </Paper>
  );
}

function TestMail() {
  const { t } = useTranslation();
  const me = useMe();
  const send = useSendTestMail();
  const [to, setTo] = useState(me.email ?? "");
  return (
    <Stack gap="xs" mt="lg">
      <Text fw={600}>{t("mailOut.test.title")}</Text>
      <Group align="end">
        <TextInput label={t("mailOut.test.to")} type="email" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={300} />
        <Button variant="light" loading={send.isPending} disabled={!to} onClick={() => send.mutate({ to })}>{t("mailOut.test.send")}</Button>
      </Group>
      <ApiErrorAlert error={send.error} />
      {send.data && (send.data.ok
        ? <Alert color="green" role="status">{t("mailOut.test.ok", { to })}</Alert>
        : <Alert color="red" role="alert" title={t("mailOut.test.failed")}><Text size="sm" ff="monospace">{send.data.error}</Text></Alert>)}
    </Stack>
  );
}
