import { Loader, Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { OutgoingMails } from "./OutgoingMails.js";
import { SmtpSettingsForm } from "./SmtpSettingsForm.js";
import { TemplateEditor } from "./TemplateEditor.js";
import { useSmtpSettings } from "./useMailOut.js";

const TABS = ["smtp", "templates", "outgoing"] as const;

/** Admin → Outgoing mail: the SMTP server, the notification templates, and what was sent. */
export function MailOutPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get("tab")) ?? "smtp";
  const smtp = useSmtpSettings();
  return (
    <Stack maw={1300}>
      <PageHeader title={t("mailOut.title")} description={t("mailOut.description")} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== "smtp" ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((x) => <Tabs.Tab key={x} value={x}>{t(`mailOut.tabs.${x}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="smtp">
          <ApiErrorAlert error={smtp.error} />
          {smtp.isLoading ? <Loader /> : smtp.data && <SmtpSettingsForm saved={smtp.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="templates"><TemplateEditor /></Tabs.Panel>
        <Tabs.Panel value="outgoing"><OutgoingMails /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
