import { Alert, Button, Grid, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateTicketBodySchema } from "../../../shared/api/tickets.js";
import type { User } from "../../../shared/api/users.js";
import { TICKET_TYPES, type TicketType } from "../../../shared/domain/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { EntitySelect } from "../../components/EntitySelect.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useForm } from "../../lib/use-form.js";
import { serverFieldErrors, validate } from "../../lib/validation.js";
import { CategorySelect, useCategoryPrefill } from "../categories/CategorySelect.js";
import { useEntityScope } from "../shell/entity-scope.js";
import { formatDuration, textToHtml } from "./ticket-ui.js";
import { useCreateTicket } from "./useTickets.js";

import { CallTimer, useCallTimer } from "./CallTimer.js";
import { TicketTextFields, TicketTriageSelects } from "./TicketTextFields.js";
import { CallerSearch, CallerTickets, PickedCaller } from "./CallerPanel.js";
import type { ScriptRun } from "../../../shared/api/kb-scripts.js";
import { CallScriptPanel } from "../kb/scripts/CallScriptPanel.js";
import { applyRunTo } from "../kb/scripts/useScripts.js";

/**
 * Phone intake: the timer runs from the first ring, the caller is found by name, login, email
 * or phone number as typed, their open tickets come first (follow one up rather than open a
 * duplicate), else a short form opens a new ticket with the call's length.
 */
export function CallPage() {
  const { t } = useTranslation();
  const timer = useCallTimer();
  const [caller, setCaller] = useState<User | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [run, setRun] = useState<ScriptRun | null>(null);

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("tickets.title"), to: "/tickets" }]}
        title={t("call.title")}
        description={t("call.description")}
        actions={<CallTimer timer={timer} />}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Group justify="space-between" mb="xs">
                <Title order={2} fz="sm" tt="uppercase" c="dimmed">
                  {t("call.caller")}
                </Title>
                <Switch
                  label={t("call.anonymous")}
                  checked={anonymous}
                  onChange={(event) => {
                    setAnonymous(event.currentTarget.checked);
                    setCaller(null);
                  }}
                />
              </Group>
              {anonymous ? (
                <Text size="sm" c="dimmed">
                  {t("call.anonymousHelp")}
                </Text>
              ) : caller ? (
                <PickedCaller caller={caller} onChange={() => setCaller(null)} />
              ) : (
                <CallerSearch onPick={setCaller} />
              )}
            </Paper>
            {caller && <CallerTickets caller={caller} seconds={timer.seconds} />}
            <CallScriptPanel run={run} onRun={setRun} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CallTicketForm caller={caller} anonymous={anonymous} seconds={timer.seconds} run={run} />
        </Grid.Col>
      </Grid>
    </>
  );
}

const INITIAL = {
  title: "",
  description: "",
  type: "incident" as TicketType,
  urgency: 3,
  impact: 3,
  groupId: null as number | null,
  contactName: "",
  contactPhone: "",
  contactEmail: "",
  entityId: null as number | null,
  categoryId: null as number | null,
};

function CallTicketForm({ caller, anonymous, seconds, run }: { caller: User | null; anonymous: boolean; seconds: number; run: ScriptRun | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { scopeQuery } = useEntityScope();
  const createTicket = useCreateTicket();
  const form = useForm(INITIAL);
  const prefill = useCategoryPrefill<typeof INITIAL>(form.setField);
  const [missingCaller, setMissingCaller] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    if (!anonymous && !caller) return setMissingCaller(true);
    const body = {
      type: values.type,
      // A diagnostic that reached its outcome names the call when the technician typed no title.
      title: values.title.trim() || (run?.state === "finished" ? run.scriptName : ""),
      description: values.description.trim() ? textToHtml(values.description) : "",
      channel: "phone" as const,
      urgency: values.urgency,
      impact: values.impact,
      groupId: values.groupId ?? undefined,
      categoryId: values.categoryId ?? undefined,
      callSeconds: Math.min(seconds, 86_400),
      ...(anonymous
        ? {
            contactName: values.contactName.trim() || undefined,
            contactPhone: values.contactPhone.trim() || undefined,
            contactEmail: values.contactEmail.trim() || undefined,
            entityId: values.entityId ?? scopeQuery.entityId ?? undefined,
          }
        : { requesterId: caller?.id }),
    };
    const result = validate(CreateTicketBodySchema, body, t);
    const errors = result.ok ? {} : { ...result.errors };
    if (anonymous && !values.contactName.trim()) errors.contactName = t("validation.required");
    if (!result.ok || Object.keys(errors).length > 0) return form.setErrors(errors);
    createTicket.mutate(result.data, {
      onSuccess: async (ticket) => {
        // The diagnostic run during the call goes on the new ticket: its path in the timeline, its outcome applied.
        if (run?.state === "finished") await applyRunTo(run.id, ticket.id).catch(() => notifications.show({ color: "red", message: t("scripts.run.applyFailed") }));
        notifications.show({ color: "green", message: t("tickets.created", { id: ticket.id }) });
        void navigate(`/tickets/${ticket.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={handleSubmit} noValidate>
      <Title order={2} fz="sm" tt="uppercase" c="dimmed" mb="xs">
        {t("call.newTicket")}
      </Title>
      <Stack gap="sm">
        <ApiErrorAlert error={createTicket.error} />
        {missingCaller && !caller && !anonymous && (
          <Alert color="yellow" variant="light" py={6}>
            {t("call.pickCallerFirst")}
          </Alert>
        )}
        {anonymous && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t("call.contactName")}
                required
                value={form.values.contactName}
                onChange={(event) => form.setField("contactName", event.currentTarget.value)}
                error={form.errors.contactName}
              />
              <TextInput
                label={t("call.contactPhone")}
                type="tel"
                value={form.values.contactPhone}
                onChange={(event) => form.setField("contactPhone", event.currentTarget.value)}
                error={form.errors.contactPhone}
              />
              <TextInput
                label={t("call.contactEmail")}
                type="email"
                value={form.values.contactEmail}
                onChange={(event) => form.setField("contactEmail", event.currentTarget.value)}
                error={form.errors.contactEmail}
              />
            </SimpleGrid>
            <EntitySelect
              label={t("tickets.entity")}
              description={t("call.entityHelp")}
              value={form.values.entityId}
              onChange={(value) => form.setField("entityId", value)}
              error={form.errors.entityId}
              clearable
            />
          </>
        )}
        <CategorySelect
          label={t("categories.picker")}
          description={t("categories.pickerHelp")}
          value={form.values.categoryId}
          entityId={anonymous ? (form.values.entityId ?? scopeQuery.entityId) : caller?.entityId}
          onChange={(value, category) => {
            form.setField("categoryId", value);
            prefill.applyCategory(category);
          }}
          error={form.errors.categoryId}
        />
        <TicketTextFields form={form} rows={[4, 12]} labels={{ title: t("tickets.ticketTitle"), description: t("tickets.description") }} />
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
          <Select
            label={t("tickets.type")}
            data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
            value={form.values.type}
            onChange={(value) => value && prefill.setByHand("type", value as TicketType)}
            allowDeselect={false}
          />
          <TicketTriageSelects values={form.values} error={form.errors.groupId} setByHand={prefill.setByHand} />
        </SimpleGrid>
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {t("call.durationSent", { duration: formatDuration(seconds) })}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={() => void navigate("/tickets")}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={createTicket.isPending}>
              {t("call.create")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
