import { Alert, Button, Code, CopyButton, Group, Paper, Skeleton, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedAgentLogin } from "../../../../shared/api/inventory-settings.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { ConfirmButton } from "../../../components/ConfirmButton.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { formatDay } from "../core/asset-ui.js";
import { useAgentAuth, useCreateAgentLogin, useDeleteAgentLogin, useSetAgentAuthRequired } from "./useAgents.js";

/**
 * Agent logins (HTTP Basic), for an admin of the root entity: one per entity, whose machines then
 * go to that entity or its sub-entities only; optionally required of every agent.
 */
export function AgentAccess() {
  const { t, i18n } = useTranslation();
  const auth = useAgentAuth(true);
  const setRequired = useSetAgentAuthRequired();
  const remove = useDeleteAgentLogin();
  const [created, setCreated] = useState<CreatedAgentLogin | null>(null);
  if (auth.isPending) return <Skeleton h={200} />;
  if (!auth.data) return <ApiErrorAlert error={auth.error} />;
  return (
    <Stack gap="md" maw={860}>
      <Text size="sm">{t("agents.access.intro")}</Text>
      <Switch label={t("agents.access.required")} description={t("agents.access.requiredHelp")} checked={auth.data.required}
        disabled={setRequired.isPending} onChange={(event) => setRequired.mutate(event.currentTarget.checked)} />
      <ApiErrorAlert error={setRequired.error ?? remove.error} />
      {created && <NewSecret login={created} onClose={() => setCreated(null)} />}
      <div className="table-scroll">
        <Table aria-label={t("agents.access.logins")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("agents.access.login")}</Table.Th>
              <Table.Th>{t("agents.access.entity")}</Table.Th>
              <Table.Th>{t("agents.access.createdAt")}</Table.Th>
              <Table.Th>{t("agents.access.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {auth.data.logins.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text c="dimmed" size="sm">{t("agents.access.none")}</Text></Table.Td></Table.Tr>}
            {auth.data.logins.map((login) => (
              <Table.Tr key={login.id}>
                <Table.Td className="mono">{login.login}</Table.Td>
                <Table.Td>{login.entityName ?? "—"}</Table.Td>
                <Table.Td>{formatDay(login.createdAt.slice(0, 10), i18n.language)}</Table.Td>
                <Table.Td>
                  <ConfirmButton label={t("agents.access.delete")} title={t("agents.access.deleteTitle", { login: login.login })}
                    message={t("agents.access.deleteMessage")} confirmLabel={t("agents.access.delete")}
                    onConfirm={() => remove.mutateAsync(login.id)} buttonProps={{ variant: "subtle", color: "red", size: "xs" }} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <NewLoginForm onCreated={setCreated} />
    </Stack>
  );
}

function NewLoginForm({ onCreated }: { onCreated: (login: CreatedAgentLogin) => void }) {
  const { t } = useTranslation();
  const create = useCreateAgentLogin();
  const [entityId, setEntityId] = useState<number | null>(null);
  const [login, setLogin] = useState("");
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (entityId === null) return;
    const created = await create.mutateAsync({ entityId, login: login.trim() });
    onCreated(created);
    setLogin("");
    notifications.show({ color: "green", message: t("agents.access.created", { login: created.login }) });
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={(event) => void submit(event).catch(() => undefined)} aria-labelledby="new-agent-login">
      <Text fw={600} id="new-agent-login" mb="xs">{t("agents.access.new")}</Text>
      <Group align="end" wrap="wrap">
        <EntitySelect label={t("agents.access.entity")} value={entityId} onChange={setEntityId} required />
        <TextInput label={t("agents.access.login")} value={login} onChange={(event) => setLogin(event.currentTarget.value)} required
          description={t("agents.access.loginHelp")} maxLength={64} />
        <Button type="submit" loading={create.isPending} disabled={entityId === null || login.trim().length < 3}>{t("agents.access.create")}</Button>
      </Group>
      <ApiErrorAlert error={create.error} />
    </Paper>
  );
}

/** The secret, this once, with the lines each agent's configuration needs. */
function NewSecret({ login, onClose }: { login: CreatedAgentLogin; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t("agents.access.secretTitle", { login: login.login })} withCloseButton onClose={onClose} closeButtonLabel={t("agents.access.close")}>
      <Text size="sm">{t("agents.access.secretOnce")}</Text>
      <Group gap="xs" my="xs">
        <Code>{login.secret}</Code>
        <CopyButton value={login.secret}>
          {({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? t("agents.access.copied") : t("agents.access.copy")}</Button>}
        </CopyButton>
      </Group>
      <Text size="sm">OCS : <Code>--user={login.login} --password=… --realm="Vigie inventory"</Code></Text>
      <Text size="sm">FusionInventory : <Code>--user={login.login} --password=…</Code></Text>
      <Text size="sm">GLPI agent : <Code>user = {login.login}</Code> <Code>password = …</Code></Text>
    </Alert>
  );
}
