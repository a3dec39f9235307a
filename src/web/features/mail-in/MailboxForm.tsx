import { Alert, Button, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Select, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  MAILBOX_AFTER_ACTIONS, MAILBOX_TLS_MODES, type Mailbox, type MailboxBody, UNKNOWN_SENDER_ACTIONS,
} from "../../../shared/api/mail-in.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { CategorySelect } from "../categories/CategorySelect.js";
import { GroupSelect } from "../tickets/ticket-ui.js";
import { useSaveMailbox, useTestMailbox } from "./useMailIn.js";

type Draft = Required<Omit<MailboxBody, "password">> & { password: string };

function draftOf(mailbox: Mailbox | null): Draft {
  if (!mailbox) {
    return { name: "", entityId: 0, kind: "imap", address: "", host: "", port: 993, tls: "tls", username: "", password: "", folder: "INBOX",
      afterAction: "move", afterFolder: "Vigie", categoryId: null, groupId: null, unknownSender: "contact", isEnabled: true };
  }
  return { name: mailbox.name, entityId: mailbox.entityId, kind: mailbox.kind, address: mailbox.address, host: mailbox.host ?? "",
    port: mailbox.port ?? 993, tls: mailbox.tls, username: mailbox.username ?? "", password: "", folder: mailbox.folder,
    afterAction: mailbox.afterAction, afterFolder: mailbox.afterFolder ?? "Vigie", categoryId: mailbox.categoryId, groupId: mailbox.groupId,
    unknownSender: mailbox.unknownSender, isEnabled: mailbox.isEnabled };
}

/** Adds or edits a mailbox; the password field stays empty for a saved one (typing replaces it). */
export function MailboxForm({ mailbox, opened, onClose }: { mailbox: Mailbox | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(mailbox));
  const save = useSaveMailbox();
  const test = useTestMailbox();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const imap = draft.kind === "imap";

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body: MailboxBody = { ...draft, host: imap ? draft.host : null, port: imap ? draft.port : null, username: imap ? draft.username : null,
      password: draft.password === "" ? null : draft.password, afterFolder: draft.afterAction === "move" ? draft.afterFolder : null };
    const saved = await save.mutateAsync({ id: mailbox?.id ?? null, body });
    notifications.show({ color: "green", message: t("mailIn.form.saved", { name: saved.name }) });
    onClose();
  };
  const runTest = () => test.mutate({ mailboxId: mailbox?.id ?? null, host: draft.host ?? "", port: draft.port ?? 993, tls: draft.tls,
    username: draft.username ?? "", password: draft.password === "" ? null : draft.password, folder: draft.folder });

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={mailbox ? t("mailIn.form.editTitle", { name: mailbox.name }) : t("mailIn.form.newTitle")}>
      <form onSubmit={(event) => void submit(event).catch(() => undefined)}>
        <Stack gap="sm">
          <SegmentedControl value={draft.kind} onChange={(v) => set("kind", v as Draft["kind"])} aria-label={t("mailIn.form.kind")}
            data={[{ value: "imap", label: t("mailIn.kind.imap") }, { value: "smtp", label: t("mailIn.kind.smtp") }]} />
          <Group grow align="start">
            <TextInput label={t("mailIn.form.name")} value={draft.name} onChange={(e) => set("name", e.currentTarget.value)} required maxLength={100} />
            <TextInput label={t("mailIn.form.address")} description={t("mailIn.form.addressHelp")} type="email" value={draft.address}
              onChange={(e) => set("address", e.currentTarget.value)} required />
          </Group>
          <EntitySelect label={t("mailIn.form.entity")} description={t("mailIn.form.entityHelp")} value={draft.entityId || null}
            onChange={(id) => set("entityId", id ?? 0)} required />
          {imap && (
            <>
              <Group grow align="start">
                <TextInput label={t("mailIn.form.host")} value={draft.host ?? ""} onChange={(e) => set("host", e.currentTarget.value)} required />
                <NumberInput label={t("mailIn.form.port")} value={draft.port ?? undefined} min={1} max={65535} onChange={(v) => set("port", Number(v) || null)} required />
                <Select label={t("mailIn.form.tls")} value={draft.tls} allowDeselect={false}
                  data={MAILBOX_TLS_MODES.map((m) => ({ value: m, label: t(`mailIn.tls.${m}`) }))}
                  onChange={(v) => v && setDraft((d) => ({ ...d, tls: v as Draft["tls"], port: v === "tls" ? 993 : 143 }))} />
              </Group>
              <Group grow align="start">
                <TextInput label={t("mailIn.form.username")} value={draft.username ?? ""} onChange={(e) => set("username", e.currentTarget.value)} required autoComplete="off" />
                <PasswordInput label={t("mailIn.form.password")} value={draft.password} onChange={(e) => set("password", e.currentTarget.value)}
                  description={mailbox?.hasPassword ? t("mailIn.form.passwordKept") : undefined} required={!mailbox?.hasPassword} autoComplete="new-password" />
              </Group>
              <Group grow align="start">
                <TextInput label={t("mailIn.form.folder")} value={draft.folder} onChange={(e) => set("folder", e.currentTarget.value)} required />
                <Select label={t("mailIn.form.afterAction")} value={draft.afterAction} allowDeselect={false}
                  data={MAILBOX_AFTER_ACTIONS.map((a) => ({ value: a, label: t(`mailIn.after.${a}`) }))}
                  onChange={(v) => v && set("afterAction", v as Draft["afterAction"])} />
                {draft.afterAction === "move" && (
                  <TextInput label={t("mailIn.form.afterFolder")} value={draft.afterFolder ?? ""} onChange={(e) => set("afterFolder", e.currentTarget.value)} required />
                )}
              </Group>
              <Group>
                <Button variant="light" onClick={runTest} loading={test.isPending} disabled={!draft.host || !draft.username}>{t("mailIn.form.test")}</Button>
              </Group>
              {test.data && (
                <Alert role="status" color={test.data.ok ? "green" : "red"}>
                  {test.data.ok ? t("mailIn.form.testOk", { count: test.data.messages ?? 0 }) : t("mailIn.form.testFailed", { error: test.data.error })}
                </Alert>
              )}
              <ApiErrorAlert error={test.error} />
            </>
          )}
          <CategorySelect label={t("mailIn.form.category")} description={t("mailIn.form.categoryHelp")} value={draft.categoryId}
            entityId={draft.entityId || undefined} initialLabel={mailbox?.categoryName} onChange={(id) => set("categoryId", id)} clearable />
          <GroupSelect label={t("mailIn.form.group")} value={draft.groupId} onChange={(id) => set("groupId", id)} clearable />
          <Select label={t("mailIn.form.unknownSender")} value={draft.unknownSender} allowDeselect={false}
            data={UNKNOWN_SENDER_ACTIONS.map((a) => ({ value: a, label: t(`mailIn.unknown.${a}`) }))}
            onChange={(v) => v && set("unknownSender", v as Draft["unknownSender"])} />
          <Switch label={t("mailIn.form.enabled")} checked={draft.isEnabled} onChange={(e) => set("isEnabled", e.currentTarget.checked)} />
          <ApiErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("mailIn.form.cancel")}</Button>
            <Button type="submit" loading={save.isPending} disabled={!draft.entityId}>{t("mailIn.form.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
