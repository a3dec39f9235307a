import { Button, Group, Paper, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateTicketBodySchema } from "../../../shared/api/tickets.js";
import { ApiErrorAlert } from "../../components/ApiErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useForm } from "../../lib/use-form.js";
import { TicketTextFields } from "../tickets/TicketTextFields.js";
import { serverFieldErrors, validate } from "../../lib/validation.js";
import { type PortalChoice, PortalCategoryStep } from "../categories/PortalCategoryStep.js";
import { textToHtml, ScaleSelect } from "../tickets/ticket-ui.js";
import { useCreateTicket } from "../tickets/useTickets.js";
import { SuggestionsPanel } from "../search/SuggestionsPanel.js";

/** A requester opens a ticket for themselves: what it is about, subject, details, urgency. The support does the rest. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createTicket = useCreateTicket();
  const form = useForm({ title: "", description: "", urgency: 3 });
  const [choice, setChoice] = useState<PortalChoice>(undefined);

  function handleChoose(next: PortalChoice) {
    setChoice(next);
    if (next !== undefined) form.setField("urgency", next?.defaultUrgency ?? 3);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { values } = form;
    const body = {
      title: values.title,
      description: values.description.trim() ? textToHtml(values.description) : "",
      urgency: values.urgency,
      channel: "portal" as const,
      categoryId: choice?.id,
    };
    const result = validate(CreateTicketBodySchema, body, t);
    if (!result.ok) return form.setErrors(result.errors);
    createTicket.mutate(result.data, {
      onSuccess: (ticket) => {
        notifications.show({ color: "green", message: t("portal.created", { id: ticket.id }) });
        void navigate(`/requests/${ticket.id}`, { replace: true });
      },
      onError: (error) => form.setErrors(serverFieldErrors(error, t)),
    });
  }

  return (
    <Stack maw={720} mx="auto" w="100%">
      <PageHeader
        crumbs={[{ label: t("portal.back"), to: "/" }]}
        title={t("portal.newRequest")}
        description={t("portal.newRequestDescription")}
      />
      <PortalCategoryStep choice={choice} onChoose={handleChoose}>
        <Paper withBorder radius="md" p="md">
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap="sm">
              <ApiErrorAlert error={createTicket.error} />
              <TicketTextFields form={form} autoFocus rows={[5, 14]} labels={{
                title: t("portal.requestTitle"), titlePlaceholder: t("portal.requestTitlePlaceholder"),
                description: t("portal.requestDescription"), descriptionPlaceholder: t("portal.requestDescriptionPlaceholder"),
              }} />
              <SuggestionsPanel title={form.values.title} description={form.values.description} portal
                onDeflected={() => void navigate("/", { replace: true })} />
              <ScaleSelect
                label={t("portal.urgency")}
                value={form.values.urgency}
                onChange={(value) => form.setField("urgency", value)}
                w={{ base: "100%", xs: 240 }}
              />
              <Group justify="flex-end" mt="xs">
                <Button variant="default" onClick={() => void navigate("/")}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={createTicket.isPending}>
                  {t("portal.submit")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </PortalCategoryStep>
    </Stack>
  );
}
