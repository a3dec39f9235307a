import { Badge, Button, Group, Paper, PasswordInput, Select, Skeleton, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type CreateSnmpCredentialBody, SNMP_AUTH_PROTOCOLS, SNMP_PRIV_PROTOCOLS, SNMP_VERSIONS, type SnmpCredential,
} from "../../../../shared/api/snmp.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { useCreateSnmpCredential, useDeleteSnmpCredential, useSnmpCredentials } from "./useSnmp.js";

/** The communities and v3 users Vigie says to devices; secrets are typed once and never shown again. */
export function SnmpCredentials({ mayManage }: { mayManage: boolean }) {
  const { t } = useTranslation();
  const credentials = useSnmpCredentials();
  const remove = useDeleteSnmpCredential();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="snmp-credentials">{t("snmp.credentials.title")}</Title>
      <Text size="sm" c="dimmed">{t("snmp.credentials.intro")}</Text>
      <ApiErrorAlert error={credentials.error ?? remove.error} />
      {credentials.isPending ? <Skeleton h={80} /> : (
        <div className="table-scroll">
          <Table aria-labelledby="snmp-credentials">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("snmp.credentials.name")}</Table.Th>
                <Table.Th>{t("snmp.credentials.entity")}</Table.Th>
                <Table.Th>{t("snmp.credentials.version")}</Table.Th>
                <Table.Th>{t("snmp.credentials.secret")}</Table.Th>
                <Table.Th>{t("snmp.credentials.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {credentials.data?.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={5}><Text size="sm" c="dimmed">{t("snmp.credentials.none")}</Text></Table.Td></Table.Tr>
              )}
              {credentials.data?.data.map((credential) => (
                <Table.Tr key={credential.id}>
                  <Table.Td>{credential.name}</Table.Td>
                  <Table.Td>{credential.entityName}</Table.Td>
                  <Table.Td><Badge variant="light">{credential.version}</Badge></Table.Td>
                  <Table.Td><SecretSummary credential={credential} /></Table.Td>
                  <Table.Td>
                    {credential.canManage && (
                      <ConfirmButton label={t("snmp.credentials.delete")} title={t("snmp.credentials.deleteTitle", { name: credential.name })}
                        message={t("snmp.credentials.deleteMessage")} confirmLabel={t("snmp.credentials.delete")}
                        onConfirm={() => remove.mutateAsync(credential.id)} buttonProps={{ variant: "subtle", color: "red", size: "xs" }} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
      {mayManage && <NewCredentialForm />}
    </Stack>
  );
}

function SecretSummary({ credential }: { credential: SnmpCredential }) {
  const { t } = useTranslation();
  const state = (set: boolean) => t(set ? "snmp.credentials.set" : "snmp.credentials.notSet");
  if (credential.version !== "v3") return <Text size="sm">{t("snmp.credentials.community")} : {state(credential.communitySet)}</Text>;
  return (
    <Text size="sm">
      {credential.username} · {credential.authProtocol ?? t("snmp.credentials.noAuth")} ({state(credential.authKeySet)})
      {" · "}{credential.privProtocol ?? t("snmp.credentials.noAuth")} ({state(credential.privKeySet)})
    </Text>
  );
}

type Draft = { entityId: number | null; name: string; version: (typeof SNMP_VERSIONS)[number]; community: string; username: string;
  authProtocol: string | null; authKey: string; privProtocol: string | null; privKey: string };

const EMPTY: Draft = { entityId: null, name: "", version: "v2c", community: "", username: "", authProtocol: "sha", authKey: "", privProtocol: "aes", privKey: "" };

/** The body the API takes: only the fields of the chosen version, and no empty secret. */
function toBody(draft: Draft): CreateSnmpCredentialBody {
  const base = { entityId: draft.entityId as number, name: draft.name.trim(), version: draft.version };
  if (draft.version !== "v3") return { ...base, community: draft.community };
  return { ...base, username: draft.username.trim(),
    authProtocol: draft.authProtocol as CreateSnmpCredentialBody["authProtocol"], ...(draft.authProtocol ? { authKey: draft.authKey } : {}),
    privProtocol: draft.authProtocol ? (draft.privProtocol as CreateSnmpCredentialBody["privProtocol"]) : null,
    ...(draft.authProtocol && draft.privProtocol ? { privKey: draft.privKey } : {}) };
}

function NewCredentialForm() {
  const { t } = useTranslation();
  const create = useCreateSnmpCredential();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (draft.entityId === null) return;
    const created = await create.mutateAsync(toBody(draft));
    setDraft({ ...EMPTY, entityId: draft.entityId });
    notifications.show({ color: "green", message: t("snmp.credentials.created", { name: created.name }) });
  };
  const none = { value: "", label: t("snmp.credentials.noAuth") };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={(event) => void submit(event).catch(() => undefined)} aria-labelledby="snmp-new-credential">
      <Text fw={600} id="snmp-new-credential" mb="xs">{t("snmp.credentials.new")}</Text>
      <Group align="end" wrap="wrap">
        <EntitySelect label={t("snmp.credentials.entity")} value={draft.entityId} onChange={(id) => set("entityId", id)} required />
        <TextInput label={t("snmp.credentials.name")} value={draft.name} onChange={(e) => set("name", e.currentTarget.value)} required maxLength={100} />
        <Select label={t("snmp.credentials.version")} data={[...SNMP_VERSIONS]} value={draft.version} allowDeselect={false}
          onChange={(v) => v && set("version", v as Draft["version"])} w={100} />
        {draft.version !== "v3" ? (
          <PasswordInput label={t("snmp.credentials.community")} value={draft.community} onChange={(e) => set("community", e.currentTarget.value)} required />
        ) : (
          <>
            <TextInput label={t("snmp.credentials.username")} value={draft.username} onChange={(e) => set("username", e.currentTarget.value)} required />
            <Select label={t("snmp.credentials.authProtocol")} data={[none, ...SNMP_AUTH_PROTOCOLS.map((p) => ({ value: p, label: p.toUpperCase() }))]}
              value={draft.authProtocol ?? ""} onChange={(v) => set("authProtocol", v || null)} allowDeselect={false} w={150} />
            {draft.authProtocol && <PasswordInput label={t("snmp.credentials.authKey")} value={draft.authKey} onChange={(e) => set("authKey", e.currentTarget.value)} required />}
            {draft.authProtocol && (
              <Select label={t("snmp.credentials.privProtocol")} data={[none, ...SNMP_PRIV_PROTOCOLS.map((p) => ({ value: p, label: p.toUpperCase() }))]}
                value={draft.privProtocol ?? ""} onChange={(v) => set("privProtocol", v || null)} allowDeselect={false} w={150} />
            )}
            {draft.authProtocol && draft.privProtocol && (
              <PasswordInput label={t("snmp.credentials.privKey")} value={draft.privKey} onChange={(e) => set("privKey", e.currentTarget.value)} required />
            )}
          </>
        )}
        <Button type="submit" loading={create.isPending} disabled={draft.entityId === null || draft.name.trim() === ""}>{t("snmp.credentials.add")}</Button>
      </Group>
      <ApiErrorAlert error={create.error} />
    </Paper>
  );
}
