import { Alert, Button, Code, CopyButton, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CreateApiTokenBodySchema } from "../../../../shared/api/tokens.js";
import { ROLES, type Role } from "../../../../shared/domain/roles.js";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../../components/EntitySelect.js";
import { useForm } from "../../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../../lib/validation.js";
import { useMe } from "../../auth/useAuth.js";
import { useCreateToken } from "./useTokens.js";

/** A date typed as YYYY-MM-DD means "until the end of that day", sent as a UTC timestamp. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined;
  const value = new Date(`${date}T23:59:59`);
  return Number.isNaN(value.getTime()) ? "invalid" : value.toISOString();
}

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const createToken = useCreateToken();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    name: "",
    entityId: me.entityId as number | null,
    role: "technician" as Role,
    recursive: true,
    expiresOn: "",
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const body = {
      name: values.name,
      entityId: values.entityId ?? undefined,
      role: values.role,
      recursive: values.recursive,
      expiresAt: endOfDay(values.expiresOn),
    };
    const result = validate(CreateApiTokenBodySchema, body, t);
    if (!result.ok) {
      const { expiresAt, ...errors } = result.errors;
      return form.setErrors(expiresAt ? { ...errors, expiresOn: expiresAt } : errors);
    }
    createToken.mutate(result.data, {
      onSuccess: (created) => setSecret(created.token),
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  /** Cleared once the dialog has faded out, so the form does not flash back in while closing. */
  function handleExited() {
    setSecret(null);
    createToken.reset();
    form.reset({ name: "", entityId: me.entityId, role: "technician", recursive: true, expiresOn: "" });
  }

  const handleClose = onClose;

  return (
    <Modal opened={opened} onClose={handleClose} title={t("tokens.new")} closeOnClickOutside={secret === null}
      onExitTransitionEnd={handleExited}
    >
      {secret ? (
        <Stack gap="sm">
          <Alert color="orange" title={t("tokens.secretTitle")} role="status">
            {t("tokens.secretWarning")}
          </Alert>
          <Code block fz="sm" style={{ wordBreak: "break-all", whiteSpace: "pre-wrap" }} data-testid="token-secret">
            {secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant={copied ? "light" : "filled"} color={copied ? "green" : undefined} onClick={copy}>
                  {copied ? t("common.copied") : t("common.copy")}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={handleClose}>
              {t("common.done")}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <ApiErrorAlert error={createToken.error} />
            <TextInput
              label={t("tokens.name")}
              description={t("tokens.nameHelp")}
              required
              data-autofocus
              value={form.values.name}
              onChange={(event) => form.setField("name", event.currentTarget.value)}
              error={form.errors.name}
            />
            <EntitySelect
              label={t("grants.entity")}
              required
              value={form.values.entityId}
              onChange={(value) => form.setField("entityId", value)}
              error={form.errors.entityId}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t("grants.role")}
                data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
                value={form.values.role}
                onChange={(value) => value && form.setField("role", value as Role)}
                allowDeselect={false}
              />
              <TextInput
                label={t("tokens.expiresOn")}
                description={t("tokens.expiresHelp")}
                type="date"
                value={form.values.expiresOn}
                onChange={(event) => form.setField("expiresOn", event.currentTarget.value)}
                error={form.errors.expiresOn}
              />
            </SimpleGrid>
            <Switch
              label={t("grants.recursive")}
              checked={form.values.recursive}
              onChange={(event) => form.setField("recursive", event.currentTarget.checked)}
            />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={handleClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={createToken.isPending}>
                {t("common.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
