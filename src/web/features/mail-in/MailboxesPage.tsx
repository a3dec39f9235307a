import { Badge, Button, Group, Skeleton, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Mailbox } from "../../../shared/api/mail-in.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../components/ConfirmButton.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormat } from "../../i18n/format.js";
import { useTabParam } from "../../lib/useTabParam.js";
import { MailboxForm } from "./MailboxForm.js";
import { MailInSettingsForm } from "./MailInSettingsForm.js";
import { ReceivedMails } from "./ReceivedMails.js";
import { useCollectNow, useDeleteMailbox, useMailboxes } from "./useMailIn.js";

const TABS = ["mailboxes", "received", "settings"] as const;

/** /admin/mail/mailboxes: the collected mailboxes, the received mails with their fate, the blocklist. */
export function MailboxesPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useTabParam(TABS);
  return (
    <Stack>
      <PageHeader title={t("mailIn.title")} description={t("mailIn.intro")} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="mailboxes">{t("mailIn.tabs.mailboxes")}</Tabs.Tab>
          <Tabs.Tab value="received">{t("mailIn.tabs.received")}</Tabs.Tab>
          <Tabs.Tab value="settings">{t("mailIn.tabs.settings")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mailboxes" pt="md"><MailboxList /></Tabs.Panel>
        <Tabs.Panel value="received" pt="md"><ReceivedMails /></Tabs.Panel>
        <Tabs.Panel value="settings" pt="md"><MailInSettingsForm /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function MailboxList() {
  const { t } = useTranslation();
  const format = useFormat();
  const mailboxes = useMailboxes();
  const remove = useDeleteMailbox();
  const collect = useCollectNow();
  const [editing, setEditing] = useState<Mailbox | null | undefined>(undefined);
  const collectNow = async (mailbox: Mailbox) => {
    const result = await collect.mutateAsync(mailbox.id);
    notifications.show({ color: result.error ? "red" : "green",
      message: result.error ? t("mailIn.list.collectFailed", { error: result.error === "busy" ? t("mailIn.list.busy") : result.error })
        : t("mailIn.list.collected", { count: result.collected }) });
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" id="mailboxes-title">{t("mailIn.list.title")}</Title>
        <Button onClick={() => setEditing(null)}>{t("mailIn.list.add")}</Button>
      </Group>
      <ApiErrorAlert error={mailboxes.error ?? remove.error ?? collect.error} />
      {mailboxes.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-labelledby="mailboxes-title" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("mailIn.list.name")}</Table.Th>
                <Table.Th>{t("mailIn.list.address")}</Table.Th>
                <Table.Th>{t("mailIn.list.entity")}</Table.Th>
                <Table.Th>{t("mailIn.list.source")}</Table.Th>
                <Table.Th>{t("mailIn.list.lastRun")}</Table.Th>
                <Table.Th>{t("mailIn.list.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mailboxes.data?.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed">{t("mailIn.list.none")}</Text></Table.Td></Table.Tr>
              )}
              {mailboxes.data?.data.map((mailbox) => (
                <Table.Tr key={mailbox.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{mailbox.name}</Text>
                    {!mailbox.isEnabled && <Badge color="gray" variant="light">{t("mailIn.list.disabled")}</Badge>}
                  </Table.Td>
                  <Table.Td>{mailbox.address}</Table.Td>
                  <Table.Td>{mailbox.entityName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{mailbox.kind === "imap" ? `IMAP ${mailbox.host}:${mailbox.port} · ${mailbox.folder}` : t("mailIn.kind.smtp")}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(mailbox.lastRunAt)}</Text>
                    {mailbox.lastError && <Text size="xs" c="red">{mailbox.lastError}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {mailbox.kind === "imap" && (
                        <Button size="xs" variant="light" onClick={() => void collectNow(mailbox).catch(() => undefined)}
                          loading={collect.isPending && collect.variables === mailbox.id} disabled={!mailbox.isEnabled}>{t("mailIn.list.collect")}</Button>
                      )}
                      <Button size="xs" variant="subtle" onClick={() => setEditing(mailbox)} aria-label={t("mailIn.list.editLabel", { name: mailbox.name })}>
                        {t("mailIn.list.edit")}
                      </Button>
                      <ConfirmButton label={t("mailIn.list.delete")} title={t("mailIn.list.deleteTitle", { name: mailbox.name })}
                        message={t("mailIn.list.deleteMessage")} confirmLabel={t("mailIn.list.delete")}
                        onConfirm={() => remove.mutateAsync(mailbox.id)} buttonProps={{ variant: "subtle", color: "red", size: "xs" }} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {editing !== undefined && <MailboxForm key={editing?.id ?? "new"} mailbox={editing} opened onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}
