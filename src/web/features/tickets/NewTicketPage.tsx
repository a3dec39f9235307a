import { Button, Group, Paper, Select, SimpleGrid, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { CreateTicketBodySchema } from "../../../shared/api/tickets.js";
import { TICKET_CHANNELS, TICKET_TYPES, type TicketChannel, type TicketType } from "../../../shared/domain/tickets.js";
import { api } from "../../api/client.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { UserSelect } from "../../components/UserSelect.js";
import { useForm } from "../../lib/use-form.js";
import { TicketTextFields, TicketTriageSelects } from "./TicketTextFields.js";
import { SuggestionsPanel } from "../search/SuggestionsPanel.js";
import { serverFieldErrors, validate } from "../../lib/validation.js";
import { CategorySelect, useCategoryPrefill } from "../categories/CategorySelect.js";
import { useEntityScope } from "../shell/entity-scope.js";
import { textToHtml } from "./ticket-ui.js";
import { useCreateTicket } from "./useTickets.js";
import { TemplatePicker, applyTemplate } from "../automation/TemplatePicker.js";

/** Staff log a call or a request for someone: everything on one screen, Enter-friendly. */
export function NewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createTicket = useCreateTicket();
  const form = useForm({
    title: "",
    description: "",
    type: "incident" as TicketType,
    channel: "phone" as TicketChannel,
    requesterId: null as number | null,
    urgency: 3,
    impact: 3,
    groupId: null as number | null,
    assigneeId: null as number | null,
    categoryId: null as number | null,
  });
  const prefill = useCategoryPrefill<typeof form.values>(form.setField);
  const { scopeQuery } = useEntityScope();
  // Opened from an asset's page ("open a ticket"): the new ticket is linked to that asset.
  const assetId = Number(useSearchParams()[0].get("assetId")) || null;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const body = {
      ...values,
      description: values.description.trim() ? textToHtml(values.description) : "",
      requesterId: values.requesterId ?? undefined,
      groupId: values.groupId ?? undefined,
      assigneeId: values.assigneeId ?? undefined,
      categoryId: values.categoryId ?? undefined,
    };
    const result = validate(CreateTicketBodySchema, body, t);
    if (!result.ok) return form.setErrors(result.errors);
    createTicket.mutate(result.data, {
      onSuccess: async (ticket) => {
        notifications.show({ color: "green", message: t("tickets.created", { id: ticket.id }) });
        if (assetId) await api(`/api/tickets/${ticket.id}/assets`, { method: "POST", body: { assetIds: [assetId] } }).catch(() => undefined);
        void navigate(`/tickets/${ticket.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  return (
    <Stack maw={900}>
      <PageHeader
        crumbs={[{ label: t("tickets.title"), to: "/tickets" }]}
        title={t("tickets.new")}
        description={t("tickets.newDescription")}
      />
      <Paper withBorder p="md" radius="md">
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="sm">
            <ApiErrorAlert error={createTicket.error} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <UserSelect
                label={t("tickets.requester")}
                value={form.values.requesterId}
                onChange={(value) => form.setField("requesterId", value)}
                error={form.errors.requesterId}
              />
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label={t("tickets.type")}
                  data={TICKET_TYPES.map((value) => ({ value, label: t(`tickets.types.${value}`) }))}
                  value={form.values.type}
                  onChange={(value) => value && prefill.setByHand("type", value as TicketType)}
                  allowDeselect={false}
                />
                <Select
                  label={t("tickets.channel")}
                  data={TICKET_CHANNELS.map((value) => ({ value, label: t(`tickets.channels.${value}`) }))}
                  value={form.values.channel}
                  onChange={(value) => value && form.setField("channel", value as TicketChannel)}
                  allowDeselect={false}
                />
              </SimpleGrid>
            </SimpleGrid>
            <TemplatePicker entityId={scopeQuery.entityId} categoryId={form.values.categoryId} onApply={(tpl) => applyTemplate<typeof form.values>(tpl, form.setField)} />
            <CategorySelect
              label={t("categories.picker")}
              description={t("categories.pickerHelp")}
              value={form.values.categoryId}
              entityId={scopeQuery.entityId}
              onChange={(value, category) => {
                form.setField("categoryId", value);
                prefill.applyCategory(category);
              }}
              error={form.errors.categoryId}
            />
            <TicketTextFields form={form} autoFocus rows={[5, 16]} labels={{ title: t("tickets.ticketTitle"), description: t("tickets.description") }} />
            <SuggestionsPanel title={form.values.title} description={form.values.description} portal={false} />
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <TicketTriageSelects values={form.values} error={form.errors.groupId} setByHand={prefill.setByHand} />
              <UserSelect
                label={t("tickets.assignee")}
                value={form.values.assigneeId}
                onChange={(value) => form.setField("assigneeId", value)}
                error={form.errors.assigneeId}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={() => void navigate(-1)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={createTicket.isPending}>
                {t("common.create")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
