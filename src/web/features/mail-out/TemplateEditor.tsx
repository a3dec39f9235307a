import { Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAIL_EVENTS, MAIL_LANGUAGES, MAIL_PLACEHOLDERS, type MailEvent, type MailLanguage, type MailTemplate } from "../../../shared/api/mail-out.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../components/ConfirmButton.js";
import { useFormat } from "../../i18n/format.js";
import type { frMailOut } from "../../i18n/fr/mail-out.js";
import { useMailTemplates, usePreviewMail, useSaveMailTemplate } from "./useMailOut.js";

type PlaceholderKey = keyof typeof frMailOut.mailOut.placeholders;

/** Pick an event and a language, edit its subject and text with placeholders, preview it, save it or go back to the shipped one. */
export function TemplateEditor() {
  const { t, i18n } = useTranslation();
  const templates = useMailTemplates();
  const [event, setEvent] = useState<MailEvent>("created");
  const [language, setLanguage] = useState<MailLanguage>(i18n.language === "en" ? "en" : "fr");
  const template = templates.data?.data.find((x) => x.event === event && x.language === language);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">{t("mailOut.templates.title")}</Title>
        <Text size="sm" c="dimmed">{t("mailOut.templates.intro")}</Text>
        <ApiErrorAlert error={templates.error} />
        <Group align="end" wrap="wrap">
          <Select label={t("mailOut.templates.event")} value={event} onChange={(v) => v && setEvent(v as MailEvent)} allowDeselect={false} w={340}
            data={MAIL_EVENTS.map((e) => ({ value: e, label: t(`mailOut.events.${e}`) }))} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="template-language">{t("mailOut.templates.language")}</Text>
            <SegmentedControl aria-labelledby="template-language" value={language} onChange={(v) => setLanguage(v as MailLanguage)}
              data={MAIL_LANGUAGES.map((l) => ({ value: l, label: t(`mailOut.languages.${l}`) }))} />
          </Stack>
        </Group>
        {template && <TemplateForm key={`${event}-${language}-${template.updatedAt ?? "default"}`} template={template} />}
      </Stack>
    </Paper>
  );
}

function TemplateForm({ template }: { template: MailTemplate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { save, reset } = useSaveMailTemplate(template.event, template.language);
  const preview = usePreviewMail();
  const { mutate: runPreview } = preview;
  useEffect(() => { runPreview({ event: template.event, language: template.language, subject: template.subject, body: template.body }); },
    [runPreview, template]);

  /** Puts the placeholder where the cursor is in the text. */
  function insert(name: string) {
    const area = bodyRef.current;
    const token = `{{${name}}}`;
    const at = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? at;
    setBody(body.slice(0, at) + token + body.slice(end));
    requestAnimationFrame(() => { area?.focus(); area?.setSelectionRange(at + token.length, at + token.length); });
  }
  const handleSave = () => save.mutate({ subject, body }, { onSuccess: () => notifications.show({ color: "green", message: t("mailOut.templates.saved") }) });
  const handlePreview = () => preview.mutate({ event: template.event, language: template.language, subject, body });

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Stack gap="sm">
        <Group gap="xs">
          {template.isDefault ? <Badge variant="light">{t("mailOut.templates.default")}</Badge>
            : <Badge color="grape" variant="light">{t("mailOut.templates.custom", { date: format.dateTime(template.updatedAt) })}</Badge>}
        </Group>
        <TextInput label={t("mailOut.templates.subject")} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required
          description={t("mailOut.templates.subjectHelp")} />
        <Textarea ref={bodyRef} label={t("mailOut.templates.body")} value={body} onChange={(e) => setBody(e.currentTarget.value)} required
          autosize minRows={10} maxRows={24} ff="monospace" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t("mailOut.templates.placeholders")}</Text>
          <Group gap={6} role="group" aria-label={t("mailOut.templates.placeholders")}>
            {MAIL_PLACEHOLDERS.map((p) => (
              <Button key={p} size="compact-xs" variant="default" onClick={() => insert(p)} title={t(`mailOut.placeholders.${p.replace(".", "_") as PlaceholderKey}`)}>
                {`{{${p}}}`}
              </Button>
            ))}
          </Group>
        </Stack>
        <ApiErrorAlert error={save.error} />
        <Group>
          <Button onClick={handleSave} loading={save.isPending} disabled={!subject.trim() || !body.trim()}>{t("mailOut.templates.save")}</Button>
          <Button variant="light" onClick={handlePreview} loading={preview.isPending}>{t("mailOut.templates.preview")}</Button>
          {!template.isDefault && (
            <ConfirmButton label={t("mailOut.templates.reset")} title={t("mailOut.templates.reset")} message={t("mailOut.templates.resetConfirm")}
              confirmLabel={t("mailOut.templates.reset")} onConfirm={() => reset.mutateAsync()} loading={reset.isPending} error={reset.error}
              buttonProps={{ variant: "subtle", color: "red" }} />
          )}
        </Group>
      </Stack>
      <Stack gap="xs" aria-live="polite">
        <Text size="sm" fw={500}>{t("mailOut.templates.previewTitle")}</Text>
        <ApiErrorAlert error={preview.error} />
        {preview.data && (
          <Tabs defaultValue="html">
            <Tabs.List>
              <Tabs.Tab value="html">HTML</Tabs.Tab>
              <Tabs.Tab value="text">{t("mailOut.templates.plainText")}</Tabs.Tab>
            </Tabs.List>
            <Paper withBorder p="xs" mt="xs">
              <Text size="sm" fw={600} data-testid="preview-subject">{preview.data.subject}</Text>
            </Paper>
            <Tabs.Panel value="html" pt="xs">
              <iframe title={t("mailOut.templates.previewTitle")} sandbox="" srcDoc={preview.data.html}
                style={{ width: "100%", minHeight: 360, border: "1px solid var(--mantine-color-default-border)", borderRadius: 4, background: "white" }} />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="xs">
              <Paper withBorder p="sm"><Text size="sm" style={{ whiteSpace: "pre-wrap" }} ff="monospace">{preview.data.text}</Text></Paper>
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </SimpleGrid>
  );
}
